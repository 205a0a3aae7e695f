import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from '@svm/contract';
import { areaCentroid, clustersOf } from './venue-clusters.ts';

// an L-shape: a 2x1 rectangle [0,2]x[0,1] (area 2, centroid (1, 0.5)) plus a 1x1 square
// [0,1]x[1,2] (area 1, centroid (0.5, 1.5)); together area 3, centroid ((2+0.5)/3, (1+1.5)/3)
const lShape: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ],
  ],
};

describe('venue clusters', () => {
  it('places a bubble at the area centroid, not the vertex average', () => {
    const [x, y] = areaCentroid(lShape) ?? [NaN, NaN];
    expect(x).toBeCloseTo(2.5 / 3, 9);
    expect(y).toBeCloseTo(2.5 / 3, 9);
  });

  it('uses the largest part of a multipolygon, whichever way its ring winds', () => {
    const small: Position[] = [
      [10, 10],
      [10, 11],
      [11, 11],
      [11, 10],
      [10, 10],
    ];
    const big: Position[] = [
      [0, 0],
      [0, 4],
      [4, 4],
      [4, 0],
      [0, 0],
    ];
    expect(areaCentroid({ type: 'MultiPolygon', coordinates: [[small], [big]] })).toEqual([2, 2]);
  });

  it('makes one bubble per area with venues and skips empty ones', () => {
    const square = (x: number): Geometry => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 2, 0],
          [x + 2, 2],
          [x, 2],
          [x, 0],
        ],
      ],
    });
    const clusters = clustersOf('cell', [
      { geometry: square(0), properties: { id: 7, venueCount: 12 } },
      { geometry: square(10), properties: { id: 8, venueCount: 0 } },
    ]);
    expect(clusters).toEqual([{ key: 'cell:7', position: [1, 1], count: 12 }]);
  });
});
