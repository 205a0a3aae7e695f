// Township boundaries and name labels as MapLibre layers with stable ids. Names are drawn from a
// source of their own, one point per township (the server's label point), because a symbol layer
// on the polygons would get one label per tile piece: two or more names at township zoom.
import type { Position, TownshipCollection } from '@svm/contract';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../kit/i18n/messages.ts';
import { LABEL_FONTS } from '../../kit/map/fonts.ts';

export const TOWNSHIPS_SOURCE = 'townships';
export const TOWNSHIP_LABEL_POINTS_SOURCE = 'township-label-points';
export const TOWNSHIP_LABELS_LAYER = 'townships-labels';
export const TOWNSHIP_FILL_LAYER = 'townships-fill';
export const TOWNSHIP_SELECTED_LAYER = 'townships-selected';

/** The filter that picks the selected township's outline (none when no township is chosen). */
export const selectedTownshipFilter = (id: number | null): ExpressionSpecification => ['==', ['get', 'id'], id ?? -1];

/** The label's text-field: the Chinese name, or the English one when English is chosen. */
export const townshipLabelField = (lang: Lang): ExpressionSpecification => ['get', lang === 'en' ? 'nameEn' : 'name'];

export interface TownshipLabelPoints {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: number;
    geometry: { type: 'Point'; coordinates: Position };
    properties: { id: number; name: string; nameEn: string };
  }[];
}

/** One point feature per township at its label point, carrying what the label shows. */
export function townshipLabelPoints(townships: Pick<TownshipCollection, 'features'>): TownshipLabelPoints {
  return {
    type: 'FeatureCollection',
    features: townships.features.map(({ properties: { id, name, nameEn, labelPoint } }) => ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: labelPoint },
      properties: { id, name, nameEn },
    })),
  };
}

export function townshipLayers(): LayerSpecification[] {
  return [
    {
      id: TOWNSHIP_FILL_LAYER,
      type: 'fill',
      source: TOWNSHIPS_SOURCE,
      paint: { 'fill-color': '#2f5d8f', 'fill-opacity': 0.05 },
    },
    {
      id: 'townships-outline',
      type: 'line',
      source: TOWNSHIPS_SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#2f5d8f',
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3.5],
      },
    },
    {
      id: TOWNSHIP_SELECTED_LAYER,
      type: 'line',
      source: TOWNSHIPS_SOURCE,
      filter: selectedTownshipFilter(null),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#17324f', 'line-width': 6, 'line-opacity': 0.85 },
    },
  ];
}

/** The names, one per township at its label point; drawn above the venue points so they stay readable. */
export function townshipLabelLayer(lang: Lang): LayerSpecification {
  return {
    id: TOWNSHIP_LABELS_LAYER,
    type: 'symbol',
    source: TOWNSHIP_LABEL_POINTS_SOURCE,
    layout: {
      'text-field': townshipLabelField(lang),
      'text-font': LABEL_FONTS,
      'text-size': ['interpolate', ['linear'], ['zoom'], 9, 12, 14, 20],
      'text-max-width': 8,
    },
    paint: { 'text-color': '#1d3557', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  };
}
