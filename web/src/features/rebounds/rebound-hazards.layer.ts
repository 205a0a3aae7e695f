// Individual rebound hazards at street zoom, from the server's hazard tiles: the open hazards
// that came back after a closure, as pink dots beside the venue points, so a leader zoomed
// into a cluster sees which shops the rebounds are at.
import type { LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { HAZARDS_SOURCE, HAZARDS_SOURCE_LAYER, hazardTilesUrl } from '../../kit/map/tile-sources.ts';
import type { LayerId } from '../../kit/state/view-state.ts';
import { REBOUND_COLOR } from './rebounds.layer.ts';

export const REBOUND_HAZARDS_LAYER = 'rebound-hazards';
export const REBOUND_HAZARD_MIN_ZOOM = 13;

const pink = `rgb(${REBOUND_COLOR.join(', ')})`;

export function hazardSource(origin: string, asOf: string | undefined): VectorSourceSpecification {
  return { type: 'vector', tiles: [hazardTilesUrl(origin, asOf)], minzoom: REBOUND_HAZARD_MIN_ZOOM, maxzoom: 16 };
}

export const reboundHazardsVisible = (layers: readonly LayerId[]) => layers.includes('rebounds');

export function reboundHazardLayers(layers: readonly LayerId[]): LayerSpecification[] {
  return [
    {
      id: REBOUND_HAZARDS_LAYER,
      type: 'circle',
      source: HAZARDS_SOURCE,
      'source-layer': HAZARDS_SOURCE_LAYER,
      minzoom: REBOUND_HAZARD_MIN_ZOOM,
      layout: { visibility: reboundHazardsVisible(layers) ? 'visible' : 'none' },
      filter: ['==', ['get', 'rebound'], true],
      paint: {
        'circle-color': pink,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 16, 9],
        // offset a little so a rebound never hides the venue point it belongs to
        'circle-translate': [5, -5],
      },
    },
  ];
}
