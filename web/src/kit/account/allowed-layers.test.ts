import { describe, expect, it } from 'vitest';
import type { MeDto } from '@svm/contract';
import { LAYERS } from '../state/view-state.ts';
import { cellsAllowed, layerAllowed } from './allowed-layers.ts';

const as = (scope: MeDto['scope']) => ({ scope }) as MeDto;

describe('layers a caller may see', () => {
  it('keeps grid cells, unpatrolled cells and blind spots from a department, and nothing else', () => {
    const dept = as({ kind: 'department', departmentId: 3 });
    expect(LAYERS.filter((l) => layerAllowed(dept, l))).toEqual(['heatmap', 'venues', 'rebounds']);
    expect(cellsAllowed(dept)).toBe(false);
  });

  it('offers every layer to city and township callers', () => {
    for (const me of [as({ kind: 'city' }), as({ kind: 'township', townshipId: 4 }), null]) {
      expect(LAYERS.filter((l) => layerAllowed(me, l))).toEqual([...LAYERS]);
      expect(cellsAllowed(me)).toBe(true);
    }
  });
});
