import { describe, expect, it } from 'vitest';
import { parseWallConfig, tourStops } from './wall-config.ts';

const box = (n: number) => [n, n, n + 1, n + 1] as [number, number, number, number];

describe('the wall set-up from its address', () => {
  it('defaults to the city, every township, then the clusters, held 20 s', () => {
    expect(parseWallConfig('')).toEqual({
      tour: [{ kind: 'city' }, { kind: 'townships' }, { kind: 'clusters' }],
      holdSeconds: 20,
    });
  });

  it('reads a chosen list of townships and a hold, ignoring what it cannot read', () => {
    expect(parseWallConfig('?tour=city,3,x,7,clusters&hold=45')).toEqual({
      tour: [{ kind: 'city' }, { kind: 'township', id: 3 }, { kind: 'township', id: 7 }, { kind: 'clusters' }],
      holdSeconds: 45,
    });
    expect(parseWallConfig('?tour=nonsense&hold=2').holdSeconds).toBe(20);
    expect(parseWallConfig('?tour=nonsense').tour).toHaveLength(3);
    expect(parseWallConfig('?hold=1.5').holdSeconds).toBe(20);
  });

  it('expands townships in turn and the five largest clusters, skipping unknown townships', () => {
    const townships = [
      { id: 1, bounds: box(1) },
      { id: 2, bounds: box(2) },
    ];
    // seven clusters with 1..7 members: the stops are 7, 6, 5, 4, 3 members, biggest first
    const clusters = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: 100 + n, members: n, bounds: box(100 + n) }));
    const stops = tourStops(parseWallConfig('').tour, box(0), townships, clusters);
    expect(stops.map((s) => (s.kind === 'city' ? 'city' : `${s.kind}:${s.id}`))).toEqual([
      'city',
      'township:1',
      'township:2',
      'cluster:107',
      'cluster:106',
      'cluster:105',
      'cluster:104',
      'cluster:103',
    ]);
    expect(tourStops([{ kind: 'township', id: 9 }], box(0), townships, clusters)).toEqual([
      { kind: 'city', bounds: box(0) },
    ]);
    expect(tourStops([{ kind: 'city' }], null, townships, clusters)).toEqual([]);
  });
});
