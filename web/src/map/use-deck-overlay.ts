// The deck.gl overlay on the MapLibre map: @deck.gl/maplibre's overlay (never @deck.gl/mapbox,
// which breaks on MapLibre 6), interleaved so data layers can sit under labels and venue points.
// Reports when a frame with complete data has been drawn.
import type { LayersList } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';

export function useDeckOverlay(map: MapLibreMap | null, layers: LayersList, complete: boolean) {
  const [overlay, setOverlay] = useState<MapLibreOverlay | null>(null);
  const [drawn, setDrawn] = useState(false);
  const completeRef = useRef(complete);
  completeRef.current = complete;

  useEffect(() => {
    if (!map) return;
    const instance = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      // deck.gl follows the camera only from its load on: a jump made before that (the first
      // fitBounds) would leave its picking on a stale view, so a no-op jump re-syncs it (on the
      // next task: the overlay starts listening only after this callback returns)
      onLoad: () => setTimeout(() => map.jumpTo({ center: map.getCenter() }), 0),
      onAfterRender: () => {
        if (completeRef.current) setDrawn(true);
      },
    });
    map.addControl(instance);
    setOverlay(instance);
    return () => {
      setOverlay(null);
      map.removeControl(instance);
    };
  }, [map]);

  useEffect(() => {
    if (!complete) setDrawn(false);
  }, [complete]);

  useEffect(() => {
    if (!overlay || !map) return;
    overlay.setProps({ layers });
    // the overlay slots its layers into MapLibre's stack (under the labels) only while the style
    // counts as loaded, which it does not while tiles load; missed then, they would be drawn on
    // top of everything, so they are slotted again once the map is idle
    if (map.isStyleLoaded()) return;
    const slot = () => overlay.setProps({ layers });
    map.once('idle', slot);
    return () => {
      map.off('idle', slot);
    };
  }, [overlay, map, layers]);

  return { overlay, drawn: drawn && complete };
}
