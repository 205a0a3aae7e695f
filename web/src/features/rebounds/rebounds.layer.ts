// Rebound clusters: hull polygons with a thick outline that pulses slowly (the pulse is a
// uniform, lineWidthScale, so animating it never rebuilds attributes) and member count labels.
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon, ReboundClusterProperties, ReboundClustersDto } from '@svm/contract';
import type { LayerId, Selection } from '../../kit/state/view-state.ts';

export const REBOUNDS_LAYER_ID = 'rebound-clusters';
export const REBOUND_LABELS_LAYER_ID = 'rebound-clusters-labels';
export const REBOUND_COLOR: [number, number, number] = [214, 40, 120];

type Cluster = Feature<Polygon | MultiPolygon, ReboundClusterProperties>;
interface ReboundState {
  layers: readonly LayerId[];
  selection: Selection;
  /** 0..1, the pulse phase */ pulse: number;
  /** pixel sizes times this (a wall wider than 1920 px: see map/wall/dark-style.ts); default 1 */
  scale?: number;
}

/** Line width scale over a pulse phase: 1 at rest, up to 2 at the peak. */
export const pulseScale = (pulse: number) => 1 + Math.sin(pulse * Math.PI) ** 2;

export function reboundsLayer(data: ReboundClustersDto | undefined, state: ReboundState) {
  const selectedId = state.selection?.kind === 'cluster' ? state.selection.id : null;
  const k = state.scale ?? 1;
  return new GeoJsonLayer<ReboundClusterProperties>({
    id: REBOUNDS_LAYER_ID,
    // the contract's features are GeoJSON; deck's Feature type is wider than the DTO
    data: (data?.features ?? []) as Cluster[] as never,
    visible: state.layers.includes('rebounds'),
    filled: true,
    stroked: true,
    getFillColor: (f) => [...REBOUND_COLOR, f.properties.id === selectedId ? 90 : 45],
    getLineColor: [...REBOUND_COLOR, 240],
    getLineWidth: (f) => (f.properties.id === selectedId ? 6 : 4) * k,
    lineWidthUnits: 'pixels',
    lineWidthScale: pulseScale(state.pulse),
    lineJointRounded: true,
    pickable: true,
    updateTriggers: { getFillColor: [selectedId], getLineWidth: [selectedId, k] },
  });
}

export function reboundLabelsLayer(data: ReboundClustersDto | undefined, state: ReboundState) {
  const k = state.scale ?? 1;
  return new TextLayer<Cluster>({
    id: REBOUND_LABELS_LAYER_ID,
    data: data?.features ?? [],
    visible: state.layers.includes('rebounds'),
    getPosition: (f) => f.properties.centroid,
    getText: (f) => String(f.properties.memberCount),
    getSize: 18 * k,
    getColor: [255, 255, 255, 255],
    fontWeight: 700,
    background: true,
    getBackgroundColor: [...REBOUND_COLOR, 235],
    backgroundPadding: [6 * k, 2 * k],
    pickable: true,
  });
}
