// The wall's set-up, read from its address alone (a screen is configured by its URL):
//   /wall?tour=city,townships,clusters&hold=20   (the default)
//   /wall?tour=city,3,7,clusters&hold=30         (the city, townships 3 and 7, then the clusters)
// and the tour it expands to once the townships and rebound clusters are known.
import type { Bbox } from '@svm/contract';

export type TourToken =
  { kind: 'city' } | { kind: 'townships' } | { kind: 'township'; id: number } | { kind: 'clusters' };

export interface WallConfig {
  tour: TourToken[];
  /** seconds each view is held */
  holdSeconds: number;
}

export const DEFAULT_TOUR = 'city,townships,clusters';
export const DEFAULT_HOLD = 20;
export const HOLD_RANGE = [5, 3600] as const;
/** the clusters step shows this many of the largest clusters, one after another */
export const MAX_CLUSTER_STOPS = 5;

function token(text: string): TourToken | null {
  if (text === 'city' || text === 'townships' || text === 'clusters') return { kind: text };
  return /^[1-9]\d{0,8}$/.test(text) ? { kind: 'township', id: Number(text) } : null;
}

/** Reads the wall's set-up from a query string; anything malformed falls back to its default. */
export function parseWallConfig(search: string): WallConfig {
  const p = new URLSearchParams(search);
  const tokens = (p.get('tour') ?? '')
    .split(',')
    .map((t) => token(t.trim()))
    .filter((t) => t !== null);
  const hold = Number(p.get('hold'));
  const holdOk = Number.isInteger(hold) && hold >= HOLD_RANGE[0] && hold <= HOLD_RANGE[1];
  return {
    tour: tokens.length ? tokens : DEFAULT_TOUR.split(',').map((t) => token(t)!),
    holdSeconds: holdOk ? hold : DEFAULT_HOLD,
  };
}

export type TourStop =
  | { kind: 'city'; bounds: Bbox }
  | { kind: 'township'; id: number; bounds: Bbox }
  | { kind: 'cluster'; id: number; bounds: Bbox };

export interface Place {
  id: number;
  bounds: Bbox;
}

/**
 * The concrete stops: `townships` expands to every township in turn, `clusters` to the largest
 * clusters (by member count); an unknown township id is skipped. Never empty while the city is known.
 */
export function tourStops(
  tour: readonly TourToken[],
  city: Bbox | null,
  townships: readonly Place[],
  clusters: readonly (Place & { members: number })[],
): TourStop[] {
  if (!city) return [];
  const biggest = [...clusters].sort((a, b) => b.members - a.members || a.id - b.id).slice(0, MAX_CLUSTER_STOPS);
  const stops = tour.flatMap((t): TourStop[] => {
    if (t.kind === 'city') return [{ kind: 'city', bounds: city }];
    if (t.kind === 'townships') return townships.map((s) => ({ kind: 'township', id: s.id, bounds: s.bounds }));
    if (t.kind === 'township') {
      const s = townships.find((x) => x.id === t.id);
      return s ? [{ kind: 'township', id: s.id, bounds: s.bounds }] : [];
    }
    return biggest.map((c) => ({ kind: 'cluster', id: c.id, bounds: c.bounds }));
  });
  return stops.length ? stops : [{ kind: 'city', bounds: city }];
}
