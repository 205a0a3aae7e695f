// The rebound-cluster answer cache on a database of its own, where writes really commit and bump
// the data version (route tests run inside rolled-back transactions, which never cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import type { ReboundClustersDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { reboundCity } from '../../testing/rebounds.fixture.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  // one transaction: a closed hazard's sign-off is checked at commit
  await db.transaction((tx) => reboundCity(tx));
});
afterAll(async () => drop());

/** The database, counting the transactions clusters are computed in (one per computed answer). */
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

describe('the rebound-cluster answer cache', () => {
  it('answers a repeated request from the cache until committed data change, and never caches "now"', async () => {
    const { db: wrapped, seen } = counting(db);
    const { app } = await testApp(wrapped);
    const ask = async (q: string) => bodyOf<ReboundClustersDto>(await app.request(`/api/rebounds/clusters${q}`));
    const asOf = '?asOf=2026-11-30T12:00:00Z';
    // the fixture's one cluster: r1, r2, r3 within 200 m
    expect((await ask(asOf)).features.map((f) => f.properties.memberCount)).toEqual([3]);
    expect((await ask(asOf)).features.map((f) => f.properties.memberCount)).toEqual([3]);
    expect(seen.computed).toBe(1);
    // other parameters are another answer
    expect(await ask(`${asOf}&eps=50`)).toMatchObject({ parameters: { epsMetres: 50 } });
    expect(seen.computed).toBe(2);
    // a committed policy change (eps 300 -> 10 m) makes the default answer stale: r1..r3 are 100+ m apart
    await db.query('UPDATE patrol_policy SET cluster_eps_m = 10');
    expect((await ask(asOf)).features).toEqual([]);
    expect(seen.computed).toBe(3);
    await ask('');
    await ask('');
    expect(seen.computed).toBe(5);
  });
});
