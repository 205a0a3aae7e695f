import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds.ts';

describe('boundsOf', () => {
  it('spans every ring of every multipolygon, widened outward to 4 decimals', () => {
    const bbox = boundsOf([
      {
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [121.00001, 30.5],
                [121.2, 30.6],
                [121.1, 30.7],
                [121.00001, 30.5],
              ],
            ],
          ],
        },
      },
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [120.9, 30.55],
            [121.25555, 30.65],
          ],
        },
      },
    ]);
    expect(bbox).toEqual([120.9, 30.5, 121.2556, 30.7]);
  });

  it('is null when there is nothing to bound', () => {
    expect(boundsOf([])).toBeNull();
  });
});
