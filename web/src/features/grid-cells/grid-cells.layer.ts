// Grid cells on the deck.gl overlay: fill by days since the last patrol (fixed bins), unpatrolled
// cells outlined thick red, cells without a worker outlined in dashes. Each factory has a stable id.
// A cell is a MultiPolygon: every part of it is drawn, coloured and picked as the cell.
import { PathLayer, PolygonLayer } from '@deck.gl/layers';
import type { GridCellCollection, GridCellProperties } from '@svm/contract';
import type { Rgba } from '../../kit/map/color-scale.ts';
import { dashes, type Segment } from '../../kit/map/hatch.ts';
import { polygonParts, polygonsOf, type PolygonPart } from '../../kit/map/polygon-parts.ts';
import type { LayerId, Selection } from '../../kit/state/view-state.ts';

export const GRID_CELLS_LAYER_ID = 'grid-cells-fill';
export const UNPATROLLED_LAYER_ID = 'grid-cells-unpatrolled';
export const NO_WORKER_LAYER_ID = 'grid-cells-no-worker';

type Cell = PolygonPart<GridCellProperties>;
interface CellState {
  layers: readonly LayerId[];
  selection: Selection;
  /** pixel widths times this (a wall wider than 1920 px: see map/wall/dark-style.ts); default 1 */
  scale?: number;
}

/** Days since the last patrol: bins from the brief, upper bound inclusive; the last is "never patrolled". */
export const PATROL_AGE_BINS: readonly { key: string; max: number | null; color: Rgba }[] = [
  { key: '0-3', max: 3, color: [26, 152, 80, 60] },
  { key: '4-7', max: 7, color: [145, 207, 96, 85] },
  { key: '8-14', max: 14, color: [254, 224, 139, 130] },
  { key: '15-30', max: 30, color: [252, 141, 89, 150] },
  { key: '>30', max: Infinity, color: [215, 48, 39, 170] },
  { key: 'never', max: null, color: [66, 70, 84, 170] },
];

export function patrolAgeColor(days: number | null): Rgba {
  if (days === null) return PATROL_AGE_BINS[PATROL_AGE_BINS.length - 1]!.color;
  return (PATROL_AGE_BINS.find((b) => b.max !== null && days <= b.max) ?? PATROL_AGE_BINS[4]!).color;
}

const isSelected = (state: CellState, id: number) => state.selection?.kind === 'cell' && state.selection.id === id;

export function gridCellsLayer(data: GridCellCollection | undefined, state: CellState) {
  const selectedId = state.selection?.kind === 'cell' ? state.selection.id : null;
  return new PolygonLayer<Cell>({
    id: GRID_CELLS_LAYER_ID,
    data: data ? polygonParts(data.features) : [],
    visible: state.layers.includes('grid-cells'),
    getPolygon: (f) => f.polygon,
    getFillColor: (f) => patrolAgeColor(f.properties.daysSincePatrol),
    getLineColor: (f) => (isSelected(state, f.properties.id) ? [23, 50, 79, 255] : [255, 255, 255, 160]),
    getLineWidth: (f) => (isSelected(state, f.properties.id) ? 4 : 1),
    lineWidthUnits: 'pixels',
    stroked: true,
    pickable: true,
    updateTriggers: { getLineColor: [selectedId], getLineWidth: [selectedId] },
  });
}

export function unpatrolledLayer(data: GridCellCollection | undefined, state: CellState) {
  const k = state.scale ?? 1;
  return new PolygonLayer<Cell>({
    id: UNPATROLLED_LAYER_ID,
    data: data ? polygonParts(data.features, 'unpatrolled', (p) => p.unpatrolled) : [],
    visible: state.layers.includes('unpatrolled'),
    getPolygon: (f) => f.polygon,
    filled: false,
    stroked: true,
    getLineColor: [200, 16, 46, 235],
    getLineWidth: 3 * k,
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 2 * k,
    // picked through the fill layer or, with that hidden, here
    pickable: true,
  });
}

/** Dash length in degrees of latitude (~25 m). */
const DASH_DEG = 0.00025;

/** The dashes of every cell nobody walks; computed once per data set. */
export function noWorkerDashes(data: GridCellCollection | undefined): Segment[] {
  if (!data) return [];
  return data.features
    .filter((f) => f.properties.worker === null && f.properties.workerName === null)
    .flatMap((f) => polygonsOf(f.geometry).flatMap((rings) => rings.flatMap((ring) => dashes(ring, DASH_DEG))));
}

export function noWorkerLayer(segments: Segment[], state: CellState) {
  return new PathLayer<Segment>({
    id: NO_WORKER_LAYER_ID,
    data: segments,
    visible: state.layers.includes('grid-cells'),
    getPath: (s) => s,
    getColor: [40, 40, 40, 230],
    getWidth: 2,
    widthUnits: 'pixels',
    pickable: false,
  });
}
