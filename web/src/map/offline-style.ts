// The built-in style: a plain background and the project's own layers, so the map needs
// nothing from the internet (no tiles, glyphs or sprites).
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { GRID_CELLS_SOURCE, gridCellLayers } from '../features/grid-cells/grid-cells.layer.ts';
import { STREETS_SOURCE, streetLayers } from '../features/streets/streets.layer.ts';
import { TOWNSHIPS_SOURCE, townshipLayers } from '../features/townships/townships.layer.ts';
import type { Lang } from '../i18n/dictionaries.ts';

const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

export const DATA_SOURCES = [STREETS_SOURCE, GRID_CELLS_SOURCE, TOWNSHIPS_SOURCE] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export function offlineStyle(lang: Lang): StyleSpecification {
  return {
    version: 8,
    name: 'svm-offline',
    sources: { [STREETS_SOURCE]: empty(), [GRID_CELLS_SOURCE]: empty(), [TOWNSHIPS_SOURCE]: empty() },
    // bottom to top: context, then the patrol grid, then jurisdictions and their names
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f2ee' } },
      ...streetLayers(),
      ...gridCellLayers(),
      ...townshipLayers(lang),
    ],
  };
}
