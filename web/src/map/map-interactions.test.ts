import { describe, expect, it } from 'vitest';
import { REBOUNDS_LAYER_ID } from '../features/rebounds/rebounds.layer.ts';
import { GRID_CELLS_LAYER_ID } from '../features/grid-cells/grid-cells.layer.ts';
import { clickChange } from './map-interactions.ts';

describe('what a click on the map selects', () => {
  it('prefers a venue point, then a cluster or cell, then the township', () => {
    const township = { layerId: 'townships-fill', id: 3 };
    const cluster = { layerId: REBOUNDS_LAYER_ID, id: 12 };
    expect(clickChange({ layerId: 'venues-points', id: 7 }, cluster, township)).toEqual({
      selection: { kind: 'venue', id: 7 },
    });
    expect(clickChange(null, cluster, township)).toEqual({ selection: { kind: 'cluster', id: 12 } });
    expect(clickChange(null, { layerId: GRID_CELLS_LAYER_ID, id: 5 }, township)).toEqual({
      selection: { kind: 'cell', id: 5 },
    });
    expect(clickChange(null, null, township)).toEqual({ view: 'township', township: 3, selection: null });
    expect(clickChange(null, null, null)).toBeNull();
  });
});
