// The risk heatmap at city zooms: the server's square bins filled by density on its fixed
// domain (HEATMAP_DENSITY_DOMAIN), so a colour means the same weight per km² everywhere.
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { Feature, HeatmapBinProperties, HeatmapDto, Polygon } from '@svm/contract';
import { RISK_RAMP, logRampColor, type Rgba } from '../../kit/map/color-scale.ts';
import type { LayerId } from '../../kit/state/view-state.ts';

export const HEATMAP_LAYER_ID = 'heatmap-risk';
/** From this zoom the venue points take over from the heatmap. */
export const HEATMAP_MAX_ZOOM = 13;
/** The server's documented domain (weight per km²); repeated so colours do not wait for data. */
export const DENSITY_DOMAIN: readonly [number, number] = [0, 1000];

type Bin = Feature<Polygon, HeatmapBinProperties>;

/** The bin colour: log scale over the fixed domain, so a density has one colour at every zoom and place. */
export const densityColor = (density: number, domain: readonly [number, number] = DENSITY_DOMAIN): Rgba =>
  logRampColor(density, domain, RISK_RAMP);

export function heatmapLayer(data: HeatmapDto | undefined, state: { layers: readonly LayerId[]; zoom: number }) {
  const domain = data?.densityDomain ?? DENSITY_DOMAIN;
  return new SolidPolygonLayer<Bin>({
    id: HEATMAP_LAYER_ID,
    data: data?.features ?? [],
    visible: state.layers.includes('heatmap') && state.zoom < HEATMAP_MAX_ZOOM,
    getPolygon: (f) => f.geometry.coordinates,
    getFillColor: (f) => densityColor(f.properties.density, domain),
    updateTriggers: { getFillColor: [domain[0], domain[1]] },
    pickable: false,
  });
}
