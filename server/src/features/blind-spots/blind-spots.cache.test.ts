// The blind-spot answer cache on a database of its own, where writes really commit and bump the
// data version (route tests run inside rolled-back transactions, which never cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import type { BlindSpotsDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  await twoTownships(db);
});
afterAll(async () => drop());

/** The database, counting the transactions an answer is computed in (one per computed answer). */
function counting(inner: Queryable) {
  const seen = { computed: 0 };
  const db: Queryable = {
    ...inner,
    transaction: (fn) => {
      seen.computed++;
      return inner.transaction(fn);
    },
  };
  return { db, seen };
}

describe('the blind-spot answer cache', () => {
  it('answers a repeated asOf from the cache until committed data change, and never caches "now"', async () => {
    const { db: wrapped, seen } = counting(db);
    const { app } = await testApp(wrapped);
    const ask = async (q: string) => bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots${q}`));
    const asOf = '?asOf=2026-11-30T12:00:00Z';
    // the fixture's one found-unregistered venue, v5
    expect((await ask(asOf)).counts.unregisteredVenues).toBe(1);
    expect((await ask(asOf)).counts.unregisteredVenues).toBe(1);
    expect(seen.computed).toBe(1);
    // another moment is another answer
    await ask('?asOf=2026-11-23T12:00:00Z');
    expect(seen.computed).toBe(2);
    // a committed venue found unregistered (on B's island, outside every cell) makes it stale
    await db.query(`INSERT INTO venues (name, category, risk_level, registration, registered_at, geom)
      VALUES ('v8', 'retail', 'low', 'found_unregistered', '2026-03-01T00:00:00Z', ST_SetSRID(ST_MakePoint(121.33, 30.03), 4326))`);
    expect((await ask(asOf)).counts.unregisteredVenues).toBe(2);
    expect(seen.computed).toBe(3);
    // without asOf each request is its own moment: computed every time
    await ask('');
    await ask('');
    expect(seen.computed).toBe(5);
  });
});
