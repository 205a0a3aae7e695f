import { describe, expect, it } from 'vitest';
import type { Queryable } from './client.ts';
import { rolledBack } from './testing.ts';

const AS_OF = '2026-06-30T12:00:00Z';
const square = (x0: number, x1: number) => `POLYGON((${x0} 30,${x1} 30,${x1} 30.1,${x0} 30.1,${x0} 30))`;

/** One township, cells A1 (west) and A2 (east), six venues with known patrols; policy 7/14/30 days. */
async function fixture(tx: Queryable) {
  const [t] = await tx.query<{ id: number }>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
    VALUES ('A', '甲街道', 'A', 'subdistrict', ST_Multi(ST_GeomFromText($1, 4326))) RETURNING id`,
    [square(121, 121.1)],
  );
  const [w] = await tx.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, township_id)
    VALUES ('worker.a', '网格员甲', 'grid_worker', $1) RETURNING id`,
    [t!.id],
  );
  const cell = async (code: string, x0: number, x1: number) =>
    (
      await tx.query<{ id: number }>(
        `INSERT INTO grid_cells (code, township_id, name, worker_id, geom) VALUES ($1, $2, $1, $3, ST_Multi(ST_GeomFromText($4, 4326))) RETURNING id`,
        [code, t!.id, w!.id, square(x0, x1)],
      )
    )[0]!.id;
  const a1 = await cell('A1', 121, 121.05);
  const a2 = await cell('A2', 121.05, 121.1);
  const venue = async (name: string, lon: number, level: string, registered: string, closed: string | null = null) =>
    (
      await tx.query<{ id: number }>(
        `INSERT INTO venues (name, category, risk_level, registered_at, status, closed_at, geom)
       VALUES ($1, 'retail', $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, 30.05), 4326)) RETURNING id`,
        [name, level, registered, closed ? 'closed' : 'active', closed, lon],
      )
    )[0]!.id;
  const v = {
    v1: await venue('v1', 121.01, 'high', '2026-01-01'),
    v2: await venue('v2', 121.02, 'high', '2026-01-01'),
    v3: await venue('v3', 121.03, 'low', '2026-06-10'),
    v4: await venue('v4', 121.06, 'medium', '2026-01-01'),
    v5: await venue('v5', 121.07, 'medium', '2026-01-01', '2026-06-15'),
    v6: await venue('v6', 121.08, 'low', '2026-07-01'),
  };
  const patrol = (venueId: number, at: string) =>
    tx.query(`INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, $3, 'ok')`, [
      venueId,
      w!.id,
      at,
    ]);
  await patrol(v.v1, '2026-06-25T09:00:00Z');
  await patrol(v.v2, '2026-06-20T09:00:00Z');
  await patrol(v.v4, '2026-06-01T09:00:00Z');
  await patrol(v.v4, '2026-07-05T09:00:00Z'); // after as-of: must not count
  await patrol(v.v5, '2026-06-10T09:00:00Z');
  return { a1, a2, v };
}

describe('the programme definitions, as of a moment', () => {
  it('marks venues overdue when their last patrol (or registration) is older than their level allows', () =>
    rolledBack(async (tx) => {
      const { v } = await fixture(tx);
      const rows = await tx.query<{ venue_id: number; due_days: number; overdue: boolean }>(
        'SELECT venue_id, due_days, overdue FROM venue_patrol_status($1) ORDER BY venue_id',
        [AS_OF],
      );
      // v1 patrolled 5.1 days ago (high, 7): fine; v2 10.1 days (high): overdue; v3 never patrolled,
      // registered 20.5 days ago (low, 30): fine; v4 last patrol 29.1 days ago (medium, 14): overdue;
      // v5 closed and v6 not yet registered are not active
      expect(rows).toEqual([
        { venue_id: v.v1, due_days: 7, overdue: false },
        { venue_id: v.v2, due_days: 7, overdue: true },
        { venue_id: v.v3, due_days: 30, overdue: false },
        { venue_id: v.v4, due_days: 14, overdue: true },
      ]);
    }));

  it('marks cells unpatrolled after more than a week without a patrol, with their overdue share', () =>
    rolledBack(async (tx) => {
      const { a1, a2 } = await fixture(tx);
      const rows = await tx.query(
        `SELECT grid_cell_id, days_since_patrol, unpatrolled, venues, overdue_venues, overdue_share
           FROM cell_patrol_status($1) ORDER BY grid_cell_id`,
        [AS_OF],
      );
      expect(rows).toEqual([
        {
          grid_cell_id: a1,
          days_since_patrol: 5,
          unpatrolled: false,
          venues: 3,
          overdue_venues: 1,
          overdue_share: 1 / 3,
        },
        // v5's patrol on 10 June is the cell's last before as-of: 20 days
        { grid_cell_id: a2, days_since_patrol: 20, unpatrolled: true, venues: 1, overdue_venues: 1, overdue_share: 1 },
      ]);
      const policyChanged = await tx.transaction(async (sp) => {
        await sp.query('UPDATE patrol_policy SET grid_duty_days = 21, medium_days = 30');
        return sp.query(
          'SELECT grid_cell_id, unpatrolled, overdue_venues FROM cell_patrol_status($1) ORDER BY grid_cell_id',
          [AS_OF],
        );
      });
      expect(policyChanged).toEqual([
        { grid_cell_id: a1, unpatrolled: false, overdue_venues: 1 },
        { grid_cell_id: a2, unpatrolled: false, overdue_venues: 0 },
      ]);
    }));

  it('reads hazards as they stood, and rebound cohorts by closing date', () =>
    rolledBack(async (tx) => {
      const { v } = await fixture(tx);
      const hazard = async (
        found: string,
        deadline: string | null,
        closed: string | null,
        reboundOf: number | null = null,
      ) =>
        (
          await tx.query<{ id: number }>(
            `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, responsible_person, deadline, rectified_at, closed_at, rebound_of)
           VALUES ($1, 'blocked_exit', 'major', $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
            [
              v.v1,
              found,
              closed ? 'closed' : deadline ? 'rectifying' : 'open',
              deadline ? '店主' : null,
              deadline,
              closed,
              reboundOf,
            ],
          )
        )[0]!.id;
      const h1 = await hazard('2026-06-01', '2026-06-15', '2026-06-20');
      const h2 = await hazard('2026-06-01', '2026-06-15', null);
      const h3 = await hazard('2026-06-25', '2026-07-10', null);
      await hazard('2026-07-02', null, null);
      const h5 = await hazard('2026-06-28', '2026-07-08', null, h1);
      const rows = await tx.query('SELECT hazard_id, is_open, overdue FROM hazards_as_of($1) ORDER BY hazard_id', [
        AS_OF,
      ]);
      expect(rows).toEqual([
        { hazard_id: h1, is_open: false, overdue: false },
        { hazard_id: h2, is_open: true, overdue: true },
        { hazard_id: h3, is_open: true, overdue: false },
        { hazard_id: h5, is_open: true, overdue: false },
      ]);
      // as of 19 June, h1 was still open and past its deadline
      const earlier = await tx.query('SELECT is_open, overdue FROM hazards_as_of($1) WHERE hazard_id = $2', [
        '2026-06-19',
        h1,
      ]);
      expect(earlier).toEqual([{ is_open: true, overdue: true }]);
      const cohort = await tx.query('SELECT hazard_id, rebounded, provisional FROM rebound_cohort($1, $2, $3)', [
        '2026-06-01',
        '2026-07-01',
        AS_OF,
      ]);
      expect(cohort).toEqual([{ hazard_id: h1, rebounded: true, provisional: true }]);
      const beforeRebound = await tx.query('SELECT rebounded FROM rebound_cohort($1, $2, $3)', [
        '2026-06-01',
        '2026-07-01',
        '2026-06-27',
      ]);
      expect(beforeRebound).toEqual([{ rebounded: false }]);
    }));

  it("keeps each venue's and cell's latest patrol current as patrols are inserted, backdated and deleted", () =>
    rolledBack(async (tx) => {
      const { a1, a2, v } = await fixture(tx);
      const last = async () => {
        const vs = await tx.query<{ id: number; at: Date | null }>(
          'SELECT id, last_patrol_at AS at FROM venues ORDER BY id',
        );
        const cs = await tx.query<{ id: number; at: Date | null }>(
          'SELECT id, last_patrol_at AS at FROM grid_cells ORDER BY id',
        );
        const iso = (r: { id: number; at: Date | null }) => [r.id, r.at?.toISOString().slice(0, 10) ?? null];
        return { venues: Object.fromEntries(vs.map(iso)), cells: Object.fromEntries(cs.map(iso)) };
      };
      // the fixture's patrols: v4's latest is the one after as-of (5 July); A1 holds v1..v3, A2 v4..v6
      expect(await last()).toEqual({
        venues: {
          [v.v1]: '2026-06-25',
          [v.v2]: '2026-06-20',
          [v.v3]: null,
          [v.v4]: '2026-07-05',
          [v.v5]: '2026-06-10',
          [v.v6]: null,
        },
        cells: { [a1]: '2026-06-25', [a2]: '2026-07-05' },
      });
      // one statement inserting several rows (as the seed and the CSV import do): v3 gets its first, v1 a later one
      const [late] = await tx.query<{ id: number }>(
        `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result)
         SELECT u.v, (SELECT worker_id FROM patrols LIMIT 1), u.at, 'ok'
           FROM unnest($1::int[], $2::timestamptz[]) AS u(v, at) ORDER BY u.at DESC RETURNING id`,
        [
          [v.v3, v.v1, v.v3],
          ['2026-06-12', '2026-06-28', '2026-06-11'],
        ],
      );
      let now = await last();
      expect([now.venues[v.v1], now.venues[v.v3], now.cells[a1]]).toEqual(['2026-06-28', '2026-06-12', '2026-06-28']);
      // backdating v1's 28 June patrol to 1 June: its 25 June patrol is the latest again
      await tx.query(`UPDATE patrols SET patrolled_at = '2026-06-01' WHERE id = $1`, [late!.id]);
      now = await last();
      expect([now.venues[v.v1], now.cells[a1]]).toEqual(['2026-06-25', '2026-06-25']);
      // deleting v4's 5 July patrol: its 1 June one is left, and A2's latest is v5's 10 June
      await tx.query(`DELETE FROM patrols WHERE venue_id = $1 AND patrolled_at = '2026-07-05T09:00:00Z'`, [v.v4]);
      now = await last();
      expect([now.venues[v.v4], now.cells[a2]]).toEqual(['2026-06-01', '2026-06-10']);
      // deleting v5's only patrol: none is left for v5; A2 falls back to v4's 1 June
      await tx.query('DELETE FROM patrols WHERE venue_id = $1', [v.v5]);
      now = await last();
      expect([now.venues[v.v5], now.cells[a2]]).toEqual([null, '2026-06-01']);
    }));

  it('answers a past as-of from the patrols themselves when a later patrol is maintained', () =>
    rolledBack(async (tx) => {
      const { a1, a2, v } = await fixture(tx);
      // as of 22 June 12:00, v1's 25 June patrol (its maintained latest) had not happened: never patrolled
      // then, registered 1 Jan: overdue. v2's 20 June is 2.1 days old (high, 7): fine. v4's 1 June (medium, 14)
      // is 21.1 days old: overdue; v5 (closed 15 June) and v6 (registered 1 July) are not active.
      const at = '2026-06-22T12:00:00Z';
      const venues = await tx.query(
        'SELECT venue_id, last_patrol_at, overdue FROM venue_patrol_status($1) ORDER BY venue_id',
        [at],
      );
      expect(venues).toEqual([
        { venue_id: v.v1, last_patrol_at: null, overdue: true },
        { venue_id: v.v2, last_patrol_at: new Date('2026-06-20T09:00:00Z'), overdue: false },
        { venue_id: v.v3, last_patrol_at: null, overdue: false },
        { venue_id: v.v4, last_patrol_at: new Date('2026-06-01T09:00:00Z'), overdue: true },
      ]);
      // A1's latest by then is v2's 20 June (2 days: patrolled); A2's is v5's 10 June (12 days: unpatrolled)
      const cells = await tx.query(
        'SELECT grid_cell_id, last_patrol_at, days_since_patrol, unpatrolled FROM cell_patrol_status($1) ORDER BY grid_cell_id',
        [at],
      );
      expect(cells).toEqual([
        {
          grid_cell_id: a1,
          last_patrol_at: new Date('2026-06-20T09:00:00Z'),
          days_since_patrol: 2,
          unpatrolled: false,
        },
        {
          grid_cell_id: a2,
          last_patrol_at: new Date('2026-06-10T09:00:00Z'),
          days_since_patrol: 12,
          unpatrolled: true,
        },
      ]);
    }));

  it('grades a whole city set-based exactly as venue_grades does, for any as-of and rule set', () =>
    rolledBack(async (tx) => {
      const { v } = await fixture(tx);
      await tx.query('UPDATE venues SET indoor_ebike_charging = true, occupancy = 50 WHERE id = $1', [v.v1]);
      const hazard = async (found: string, closed: string | null, reboundOf: number | null = null) =>
        (
          await tx.query<{ id: number }>(
            `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, closed_at, rectified_at, responsible_person, deadline, rebound_of)
           VALUES ($1, 'blocked_exit', 'major', $2, $3, $4, $4, '店主', '2026-07-30', $5) RETURNING id`,
            [v.v1, found, closed ? 'closed' : 'rectifying', closed, reboundOf],
          )
        )[0]!.id;
      const hA = await hazard('2026-06-01', '2026-06-10');
      await hazard('2026-06-20', null, hA);
      await hazard('2026-06-25', null);
      const levels = (at: string) =>
        tx.query<{ venue_id: number; score: number; computed_level: string }>(
          'SELECT venue_id, score, computed_level::text FROM venue_levels($1) ORDER BY venue_id',
          [at],
        );
      const grades = (at: string) =>
        tx.query('SELECT venue_id, score, computed_level::text FROM venue_grades($1) ORDER BY venue_id', [at]);
      // v1: retail 5 + indoor charging 20 + occupancy 50 15 = 40; as of 5 June hA is open (1): 40 medium;
      // 22 June: hB open and a rebound found 2 days before: 55 medium; as-of: hB and hC open (+10), rebound (+15): 65 high
      const v1 = async (at: string) => (await levels(at)).find((r) => r.venue_id === v.v1);
      expect([await v1('2026-06-05'), await v1('2026-06-22'), await v1(AS_OF)]).toEqual([
        { venue_id: v.v1, score: 40, computed_level: 'medium' },
        { venue_id: v.v1, score: 55, computed_level: 'medium' },
        { venue_id: v.v1, score: 65, computed_level: 'high' },
      ]);
      for (const at of ['2026-06-05', '2026-06-22', AS_OF]) expect(await levels(at)).toEqual(await grades(at));
      await tx.query(`UPDATE grading_rules SET enabled = false WHERE code = 'occupancy_50'`);
      await tx.query(`UPDATE grading_rules SET points = 3 WHERE code = 'cat_retail'`);
      expect(await v1(AS_OF)).toEqual({ venue_id: v.v1, score: 48, computed_level: 'medium' });
      expect(await levels(AS_OF)).toEqual(await grades(AS_OF));
    }));
});
