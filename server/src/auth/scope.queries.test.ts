// The scoping predicates fold away for a city-wide reader (its plans are the unscoped plans) and
// become plain filters or semi-joins for a township or a department.
import { sql, type Queryable, type SQL } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { twoTownships } from '../testing/fixture.ts';
import { CITY_READ_SCOPE, hazardIdInScope, resolveScope, venueIdInScope, venueInScope } from './scope.queries.ts';

const plan = async (tx: Queryable, query: SQL) =>
  (await tx.query<Record<string, string>>(sql`EXPLAIN ${query}`)).map((r) => Object.values(r).join('')).join('\n');

describe('the read-scope predicates', () => {
  it('leave no trace in a city-wide plan, and filter or semi-join for a township or a department', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const [dept] = await tx.query<{ id: number }>(`INSERT INTO industry_departments (code, name, name_en, categories)
                                                     VALUES ('sq-food', '市场监管局', 'Market', '{catering,lodging}') RETURNING id`);
      const township = await resolveScope(tx, { kind: 'township', townshipId: f.townshipA });
      const department = await resolveScope(tx, { kind: 'department', departmentId: dept!.id });
      expect(department.categories).toEqual(['catering', 'lodging']);
      const venues = (s: typeof township) => sql`SELECT v.id FROM venues v WHERE ${venueInScope(s)}`;
      const hazards = (s: typeof township) => sql`SELECT h.id FROM hazards h WHERE ${venueIdInScope(s, 'h.venue_id')}`;
      const signOffs = (s: typeof township) =>
        sql`SELECT a.id FROM acceptances a WHERE ${hazardIdInScope(s, 'a.hazard_id')}`;
      // city: the predicate is constant-folded to true, so no filter and no subquery on venues remain
      expect(await plan(tx, venues(CITY_READ_SCOPE))).not.toMatch(/Filter/);
      expect(await plan(tx, hazards(CITY_READ_SCOPE))).not.toMatch(/venues|Filter/);
      expect(await plan(tx, signOffs(CITY_READ_SCOPE))).not.toMatch(/venues|hazards|Filter/);
      // the inlined function: a plain comparison on the venue's own columns
      expect(await plan(tx, venues(township))).toMatch(new RegExp(`township_id = ${f.townshipA}\\b`));
      expect(await plan(tx, venues(department))).toMatch(/category = ANY \('\{catering,lodging\}'/);
      expect(await plan(tx, hazards(township))).toMatch(/venues sv/);
      expect(await plan(tx, signOffs(department))).toMatch(/hazards sh/);
      expect(await plan(tx, venues(township))).not.toMatch(/venue_in_scope/);
    });
  });

  it('counts exactly the venues of the scope', async () => {
    await rolledBack(async (tx) => {
      // twoTownships: A holds v1-v5 (v4 closed), B holds v6 and v7; all of them retail
      const f = await twoTownships(tx);
      const [dept] = await tx.query<{ id: number }>(`INSERT INTO industry_departments (code, name, name_en, categories)
                                                     VALUES ('sq-shops', '商务局', 'Commerce', '{retail}'), ('sq-none', '无', 'None', '{ebike}') RETURNING id`);
      const count = async (scope: typeof CITY_READ_SCOPE) =>
        (await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM venues v WHERE ${venueInScope(scope)}`))[0]!
          .n;
      expect(await count(CITY_READ_SCOPE)).toBe(7);
      expect(await count(await resolveScope(tx, { kind: 'township', townshipId: f.townshipA }))).toBe(5);
      expect(await count(await resolveScope(tx, { kind: 'township', townshipId: f.townshipB }))).toBe(2);
      expect(await count(await resolveScope(tx, { kind: 'department', departmentId: dept!.id }))).toBe(7);
      expect(await count(await resolveScope(tx, { kind: 'department', departmentId: dept!.id + 1 }))).toBe(0);
    });
  });
});
