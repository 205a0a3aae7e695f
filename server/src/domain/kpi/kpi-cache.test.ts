// The KPI cache on a database of its own, where transactions really commit: a named as-of is
// answered once per data version, a committed patrol makes it recompute, "now" is never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import { CITY_READ_SCOPE } from '../../auth/scope.queries.ts';
import { oneCellCity } from '../../testing/one-cell-city.ts';
import { cachedKpiCounts, kpiKey, newKpiCache } from './kpi-cache.ts';

let db: Db;
let drop: () => Promise<void>;
let venueId: number;
let workerId: number;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  ({ venueId, workerId } = await oneCellCity(db, 'K'));
});
afterAll(async () => drop());

const args = {
  scope: CITY_READ_SCOPE,
  asOf: new Date('2026-06-30T00:00:00Z'),
  from: new Date('2026-06-01'),
  to: new Date('2026-06-30'),
  townshipId: null,
};

describe('the KPI cache', () => {
  it('answers a named as-of once per data version and recomputes after a committed change', async () => {
    const cache = newKpiCache();
    const first = await cachedKpiCounts(db, cache, args, true);
    // never patrolled, registered half a year ago: overdue
    expect(first.map((r) => [r.active, r.overdue])).toEqual([[1, 1]]);
    expect(await cachedKpiCounts(db, cache, args, true)).toBe(first);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    // a patrol on 20 June, committed: the venue is no longer overdue as of 30 June
    await db.query(
      `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, '2026-06-20', 'ok')`,
      [venueId, workerId],
    );
    const after = await cachedKpiCounts(db, cache, args, true);
    expect(after.map((r) => [r.active, r.overdue])).toEqual([[1, 0]]);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it("never caches the clock's now, and keys by every input the counts depend on", async () => {
    const cache = newKpiCache();
    await cachedKpiCounts(db, cache, args, false);
    await cachedKpiCounts(db, cache, args, false);
    expect([cache.hits, cache.misses]).toEqual([0, 0]);
    const keys = new Set([
      kpiKey(args),
      kpiKey({ ...args, asOf: new Date('2026-06-29T00:00:00Z') }),
      kpiKey({ ...args, from: new Date('2026-05-01') }),
      kpiKey({ ...args, to: new Date('2026-06-29') }),
      kpiKey({ ...args, townshipId: 1 }),
      kpiKey({ ...args, scope: { ...CITY_READ_SCOPE, townshipId: 1 } }),
      kpiKey({ ...args, scope: { ...CITY_READ_SCOPE, categories: ['retail'] } }),
    ]);
    expect(keys.size).toBe(7);
  });
});
