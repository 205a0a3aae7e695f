// Clicks and hover on the map: a click selects what is under the pointer (through the URL view
// state); the cursor turns into a pointer over anything a click would select.
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { TOWNSHIP_FILL_LAYER } from '../features/townships/townships.layer.ts';
import { VENUE_POINTS_LAYER } from '../features/venues/venues.layer.ts';
import type { ViewState } from '../kit/state/view-state.ts';
import { clickChange, type Picked } from './map-interactions.ts';

function pickAll(map: MapLibreMap, overlay: MapLibreOverlay, e: MapMouseEvent) {
  const { x, y } = e.point;
  const box: [[number, number], [number, number]] = [
    [x - 4, y - 4],
    [x + 4, y + 4],
  ];
  const layers = [VENUE_POINTS_LAYER].filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
  const venueHit = layers.length ? map.queryRenderedFeatures(box, { layers })[0] : undefined;
  const venue: Picked | null = venueHit ? { layerId: VENUE_POINTS_LAYER, id: venueHit.properties.id } : null;
  const info = overlay.pickObject({ x, y, radius: 3 });
  const object: unknown = info?.object;
  const props = typeof object === 'object' && object !== null && 'properties' in object ? object.properties : null;
  const deckId = typeof props === 'object' && props !== null && 'id' in props ? props.id : undefined;
  const deck: Picked | null = info?.layer && deckId !== undefined ? { layerId: info.layer.id, id: deckId } : null;
  const townshipHit = map.queryRenderedFeatures([x, y], { layers: [TOWNSHIP_FILL_LAYER] })[0];
  const township: Picked | null = townshipHit ? { layerId: TOWNSHIP_FILL_LAYER, id: townshipHit.properties.id } : null;
  return clickChange(venue, deck, township);
}

export function useMapClicks(
  map: MapLibreMap | null,
  overlay: MapLibreOverlay | null,
  onChange: (change: Partial<ViewState>) => void,
) {
  const change = useRef(onChange);
  change.current = onChange;
  useEffect(() => {
    if (!map || !overlay) return;
    const onClick = (e: MapMouseEvent) => {
      const next = pickAll(map, overlay, e);
      if (next) change.current(next);
    };
    // interleaved deck.gl shares MapLibre's canvas and sets its cursor itself: tell it which
    let cursor = '';
    const onMove = (e: MapMouseEvent) => {
      const next = pickAll(map, overlay, e) ? 'pointer' : 'grab';
      if (next === cursor) return;
      cursor = next;
      overlay.setProps({ getCursor: ({ isDragging }) => (isDragging ? 'grabbing' : next) });
      map.getCanvas().style.cursor = next;
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map, overlay]);
}
