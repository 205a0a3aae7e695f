// The built-in style: a plain background and the project's own layers, so the map needs
// nothing from the internet (no tiles, glyphs or sprites). Venue tiles come from this server.
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { STREETS_SOURCE, streetLayers } from '../features/streets/streets.layer.ts';
import {
  TOWNSHIP_LABEL_POINTS_SOURCE,
  TOWNSHIPS_SOURCE,
  townshipLabelLayer,
  townshipLayers,
} from '../features/townships/townships.layer.ts';
import { venueLayers, venueSource } from '../features/venues/venues.layer.ts';
import { streetHeatmapLayers } from '../features/heatmap/street-heatmap.layer.ts';
import { hazardSource, reboundHazardLayers } from '../features/rebounds/rebound-hazards.layer.ts';
import { HAZARDS_SOURCE, VENUES_SOURCE } from '../kit/map/tile-sources.ts';
import type { Lang } from '../kit/i18n/messages.ts';
import type { LayerId } from '../kit/state/view-state.ts';

/** Until the townships arrive, the kernel of the street heatmap is sized for this latitude. */
const DEFAULT_LATITUDE = 30;

const empty = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

export const DATA_SOURCES = [STREETS_SOURCE, TOWNSHIPS_SOURCE] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export interface StyleOptions {
  lang: Lang;
  origin: string;
  asOf: string | undefined;
  layers: readonly LayerId[];
}

export function offlineStyle({ lang, origin, asOf, layers }: StyleOptions): StyleSpecification {
  return {
    version: 8,
    name: 'svm-offline',
    sources: {
      [STREETS_SOURCE]: empty(),
      [TOWNSHIPS_SOURCE]: empty(),
      [TOWNSHIP_LABEL_POINTS_SOURCE]: empty(),
      [VENUES_SOURCE]: venueSource(origin, asOf),
      [HAZARDS_SOURCE]: hazardSource(origin, asOf),
    },
    // bottom to top: context, jurisdictions, venue points and rebound hazards, then the townships'
    // names above them (deck.gl's data layers go under the selected outline, its badges above all)
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f2ee' } },
      ...streetLayers(),
      ...townshipLayers(),
      // the risk heatmap at street zoom (deck.gl draws the city zooms' bins), under the points;
      // its kernel is sized for the latitude of the city, set again once the townships load
      ...streetHeatmapLayers(layers, DEFAULT_LATITUDE),
      ...venueLayers(layers, null),
      ...reboundHazardLayers(layers),
      townshipLabelLayer(lang),
    ],
  };
}
