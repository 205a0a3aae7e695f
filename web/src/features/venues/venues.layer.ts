// Venue points as MapLibre layers over the server's vector tiles (from zoom 12): circles by
// risk level, found-unregistered venues hollow, misgraded venues ringed, the selection marked.
import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { VENUES_SOURCE, VENUES_SOURCE_LAYER, venueTilesUrl } from '../../kit/map/tile-sources.ts';
import type { LayerId, Selection } from '../../kit/state/view-state.ts';

export const VENUE_MIN_ZOOM = 12;
export const VENUE_POINTS_LAYER = 'venues-points';
export const VENUE_MISGRADED_LAYER = 'venues-misgraded';
export const VENUE_SELECTED_LAYER = 'venues-selected';
export const VENUE_LAYER_IDS = [VENUE_POINTS_LAYER, VENUE_MISGRADED_LAYER, VENUE_SELECTED_LAYER] as const;

export const RISK_COLORS = { high: '#d7191c', medium: '#f59e0b', low: '#1a9850' } as const;

export function venueSource(origin: string, asOf: string | undefined): VectorSourceSpecification {
  return { type: 'vector', tiles: [venueTilesUrl(origin, asOf)], minzoom: VENUE_MIN_ZOOM, maxzoom: 16 };
}

/** Shown when switched on (at street zoom the heatmap goes on over the venue tiles itself). */
export const venuesVisible = (layers: readonly LayerId[]) => layers.includes('venues');

const riskColor: ExpressionSpecification = [
  'match',
  ['get', 'riskLevel'],
  'high',
  RISK_COLORS.high,
  'medium',
  RISK_COLORS.medium,
  RISK_COLORS.low,
];
const unregistered: ExpressionSpecification = ['==', ['get', 'registration'], 'found_unregistered'];
const radius = (extra: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  12,
  2.5 + extra,
  16,
  7 + extra,
];

export function venueLayers(layers: readonly LayerId[], selection: Selection): LayerSpecification[] {
  const visibility = venuesVisible(layers) ? 'visible' : 'none';
  const selectedId = selection?.kind === 'venue' ? selection.id : -1;
  return [
    {
      id: VENUE_POINTS_LAYER,
      type: 'circle',
      source: VENUES_SOURCE,
      'source-layer': VENUES_SOURCE_LAYER,
      minzoom: VENUE_MIN_ZOOM,
      layout: { visibility },
      paint: {
        // found unregistered: hollow, in its risk colour
        'circle-color': ['case', unregistered, '#ffffff', riskColor],
        'circle-stroke-color': ['case', unregistered, riskColor, '#ffffff'],
        'circle-stroke-width': ['case', unregistered, 2, 0.8],
        'circle-radius': radius(0),
      },
    },
    {
      id: VENUE_MISGRADED_LAYER,
      type: 'circle',
      source: VENUES_SOURCE,
      'source-layer': VENUES_SOURCE_LAYER,
      minzoom: VENUE_MIN_ZOOM,
      layout: { visibility },
      filter: ['==', ['get', 'misgraded'], true],
      paint: {
        'circle-opacity': 0,
        'circle-stroke-color': '#5b21b6',
        'circle-stroke-width': 2,
        'circle-radius': radius(4),
      },
    },
    {
      id: VENUE_SELECTED_LAYER,
      type: 'circle',
      source: VENUES_SOURCE,
      'source-layer': VENUES_SOURCE_LAYER,
      minzoom: VENUE_MIN_ZOOM,
      layout: { visibility },
      filter: ['==', ['get', 'id'], selectedId],
      paint: {
        'circle-opacity': 0,
        'circle-stroke-color': '#17324f',
        'circle-stroke-width': 3,
        'circle-radius': radius(7),
      },
    },
  ];
}
