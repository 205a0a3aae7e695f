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
    overlay?.setProps({ layers });
  }, [overlay, layers]);

  return { overlay, drawn: drawn && complete };
}
