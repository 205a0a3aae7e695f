// The grid-cell list cache on a database of its own, where transactions really commit: a named
// as-of is answered once per data version, a committed patrol makes it recompute, "now" is never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import { CITY_READ_SCOPE } from '../../auth/scope.queries.ts';
import { oneCellCity } from '../../testing/one-cell-city.ts';
import { cachedGridCells, gridCellsKey, newGridCellsCache } from './grid-cells-cache.ts';

let db: Db;
let drop: () => Promise<void>;
let venueId: number;
let workerId: number;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  ({ venueId, workerId } = await oneCellCity(db, 'G'));
});
afterAll(async () => drop());

const filter = { asOf: new Date('2026-06-30T00:00:00Z'), townshipId: null, bbox: null, cellId: null };

describe('the grid-cell list cache', () => {
  it('answers a named as-of once per data version and recomputes after a committed change', async () => {
    const cache = newGridCellsCache();
    const first = await cachedGridCells(db, cache, CITY_READ_SCOPE, filter, true);
    // never patrolled: unpatrolled, its one venue overdue
    expect(first.map((r) => [r.unpatrolled, r.venues, r.overdue_venues])).toEqual([[true, 1, 1]]);
    expect(await cachedGridCells(db, cache, CITY_READ_SCOPE, filter, true)).toBe(first);
    // a patrol on 29 June, committed: the cell is patrolled and the venue no longer overdue as of 30 June
    await db.query(
      `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, '2026-06-29', 'ok')`,
      [venueId, workerId],
    );
    const after = await cachedGridCells(db, cache, CITY_READ_SCOPE, filter, true);
    expect(after.map((r) => [r.unpatrolled, r.venues, r.overdue_venues])).toEqual([[false, 1, 0]]);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it("never caches the clock's now, and keys by every input the list depends on", async () => {
    const cache = newGridCellsCache();
    await cachedGridCells(db, cache, CITY_READ_SCOPE, filter, false);
    expect([cache.hits, cache.misses]).toEqual([0, 0]);
    const keys = new Set([
      gridCellsKey(CITY_READ_SCOPE, filter),
      gridCellsKey(CITY_READ_SCOPE, { ...filter, asOf: new Date('2026-06-29T00:00:00Z') }),
      gridCellsKey(CITY_READ_SCOPE, { ...filter, townshipId: 1 }),
      gridCellsKey(CITY_READ_SCOPE, { ...filter, bbox: [121, 30, 121.05, 30.1] }),
      gridCellsKey(CITY_READ_SCOPE, { ...filter, cellId: 1 }),
      gridCellsKey({ ...CITY_READ_SCOPE, townshipId: 1 }, filter),
    ]);
    expect(keys.size).toBe(6);
  });
});
