import { describe, expect, it } from 'vitest';
import type { Queryable } from './client.ts';
import { rolledBack, violation } from './testing.ts';

// Two 0.1° townships side by side at 30°N, 121°E; A split into two cells at lon 121.05.
const square = (x0: number, y0: number, x1: number, y1: number) =>
  `POLYGON((${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0}))`;

async function twoTownships(tx: Queryable) {
  const [a] = await tx.query<{ id: number }>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
     VALUES ('A', '甲街道', 'A', 'subdistrict', ST_Multi(ST_GeomFromText($1, 4326))) RETURNING id`,
    [square(121, 30, 121.1, 30.1)],
  );
  const [b] = await tx.query<{ id: number }>(
    `INSERT INTO townships (code, name, name_en, kind, geom)
     VALUES ('B', '乙镇', 'B', 'town', ST_Multi(ST_GeomFromText($1, 4326))) RETURNING id`,
    [square(121.1, 30, 121.2, 30.1)],
  );
  const [a1] = await tx.query<{ id: number }>(
    `INSERT INTO grid_cells (code, township_id, name, geom) VALUES ('A-1', $1, 'A1', ST_Multi(ST_GeomFromText($2, 4326))) RETURNING id`,
    [a!.id, square(121, 30, 121.05, 30.1)],
  );
  const [a2] = await tx.query<{ id: number }>(
    `INSERT INTO grid_cells (code, township_id, name, geom) VALUES ('A-2', $1, 'A2', ST_Multi(ST_GeomFromText($2, 4326))) RETURNING id`,
    [a!.id, square(121.05, 30, 121.1, 30.1)],
  );
  return { a: a!.id, b: b!.id, a1: a1!.id, a2: a2!.id };
}

const insertVenue = (tx: Queryable, name: string, lon: number, lat: number, extra = '') =>
  tx.query<{ id: number; township_id: number | null; grid_cell_id: number | null }>(
    `INSERT INTO venues (name, category, risk_level, registered_at, geom${extra ? ', ' + extra.split('=')[0] : ''})
     VALUES ($1, 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint($2, $3), 4326)${extra ? ', ' + extra.split('=')[1] : ''})
     RETURNING id, township_id, grid_cell_id`,
    [name, lon, lat],
  );

describe('a venue takes its township and grid cell from where it is', () => {
  it('gets the township and cell that contain it', () =>
    rolledBack(async (tx) => {
      const ids = await twoTownships(tx);
      const [inA1] = await insertVenue(tx, 'west shop', 121.02, 30.05);
      expect(inA1).toMatchObject({ township_id: ids.a, grid_cell_id: ids.a1 });
      const [inB] = await insertVenue(tx, 'east shop', 121.15, 30.05);
      expect(inB).toMatchObject({ township_id: ids.b, grid_cell_id: null });
    }));

  it('on a shared edge gets exactly one township and one cell, the lower id', () =>
    rolledBack(async (tx) => {
      const ids = await twoTownships(tx);
      const [onTownshipEdge] = await insertVenue(tx, 'edge shop', 121.1, 30.05);
      expect(onTownshipEdge).toMatchObject({ township_id: Math.min(ids.a, ids.b), grid_cell_id: ids.a2 });
      const [onCellEdge] = await insertVenue(tx, 'cell edge shop', 121.05, 30.05);
      expect(onCellEdge).toMatchObject({ township_id: ids.a, grid_cell_id: Math.min(ids.a1, ids.a2) });
    }));

  it('moves with the venue', () =>
    rolledBack(async (tx) => {
      const ids = await twoTownships(tx);
      const [v] = await insertVenue(tx, 'moving shop', 121.02, 30.05);
      const [moved] = await tx.query<{ township_id: number; grid_cell_id: number | null }>(
        `UPDATE venues SET geom = ST_SetSRID(ST_MakePoint(121.15, 30.02), 4326) WHERE id = $1 RETURNING township_id, grid_cell_id`,
        [v!.id],
      );
      expect(moved).toEqual({ township_id: ids.b, grid_cell_id: null });
    }));
});

describe('the database refuses impossible states', () => {
  it('refuses a venue outside every township once townships exist', () =>
    rolledBack(async (tx) => {
      await twoTownships(tx);
      const e = await violation(
        tx,
        `INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('far away', 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(120.5, 30.05), 4326))`,
      );
      expect(e.constraint).toBe('venues_inside_township');
    }));

  it('refuses a risk level or category outside the enum', () =>
    rolledBack(async (tx) => {
      const level = await violation(
        tx,
        `INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('x', 'retail', 'extreme', '2026-01-01', ST_SetSRID(ST_MakePoint(121.02, 30.05), 4326))`,
      );
      expect(level.code).toBe('22P02');
      const category = await violation(
        tx,
        `INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('x', 'casino', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(121.02, 30.05), 4326))`,
      );
      expect(category.code).toBe('22P02');
    }));

  it('refuses a closed venue without a closing time and coordinates off the globe', () =>
    rolledBack(async (tx) => {
      const closed = await violation(
        tx,
        `INSERT INTO venues (name, category, risk_level, status, registered_at, geom)
        VALUES ('x', 'retail', 'low', 'closed', '2026-01-01', ST_SetSRID(ST_MakePoint(121.02, 30.05), 4326))`,
      );
      expect(closed.constraint).toBe('venues_closed_has_time');
      const offGlobe = await violation(
        tx,
        `INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('x', 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(200, 30), 4326))`,
      );
      expect(offGlobe.code).toBe('23514');
    }));

  it('refuses hazard states the lifecycle does not allow', () =>
    rolledBack(async (tx) => {
      await twoTownships(tx);
      const [v] = await insertVenue(tx, 'shop', 121.02, 30.05);
      const base = `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, closed_at, rectified_at, responsible_person, deadline, fixed_on_spot)`;
      const cases: [string, string][] = [
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'closed', NULL, '2026-03-05', 'p', '2026-03-10', false)`,
          'hazards_closed_has_time',
        ],
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'open', '2026-03-09', NULL, NULL, NULL, false)`,
          'hazards_closed_has_time',
        ],
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'rectifying', NULL, NULL, NULL, NULL, false)`,
          'hazards_assigned_when_rectifying',
        ],
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'rectifying', NULL, NULL, 'p', '2026-02-20', false)`,
          'hazards_deadline_after_finding',
        ],
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'rectified', NULL, NULL, 'p', '2026-03-10', false)`,
          'hazards_rectified_has_time',
        ],
        [
          `VALUES (${v!.id}, 'blocked_exit', 'major', '2026-03-01', 'closed', '2026-03-04', '2026-03-05', 'p', '2026-03-10', false)`,
          'hazards_closed_after_rectified',
        ],
      ];
      for (const [values, constraint] of cases) {
        expect((await violation(tx, `${base} ${values}`)).constraint, values).toBe(constraint);
      }
      const unknownType = await violation(
        tx,
        `INSERT INTO hazards (venue_id, type_code, severity, found_at) VALUES (${v!.id}, 'ghosts', 'major', '2026-03-01')`,
      );
      expect(unknownType.code).toBe('23503');
    }));

  it('refuses to close a hazard without a passed sign-off from every required party', () =>
    rolledBack(async (tx) => {
      await twoTownships(tx);
      const [v] = await insertVenue(tx, 'shop', 121.02, 30.05);
      const closing = (onSpot: boolean) =>
        tx.transaction(async (sp) => {
          await sp.query('SET CONSTRAINTS hazards_closed_accepted IMMEDIATE');
          const [h] = await sp.query<{ id: number }>(
            `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, responsible_person, deadline, rectified_at, fixed_on_spot)
           VALUES ($1, 'blocked_exit', 'major', '2026-03-01', 'rectified', 'p', '2026-03-10', '2026-03-05', $2) RETURNING id`,
            [v!.id, onSpot],
          );
          return h!.id;
        });
      const sign = (h: number, party: string, passed: boolean, at: string) =>
        tx.query(`INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, $2, $3, $4, 'x')`, [
          h,
          party,
          passed,
          at,
        ]);
      const close = (h: number) =>
        violation(tx, `UPDATE hazards SET status = 'closed', closed_at = '2026-03-09' WHERE id = $1`, [h]);

      const h = await closing(false);
      await sign(h, 'territorial', true, '2026-03-06');
      await sign(h, 'industry', true, '2026-03-07');
      await sign(h, 'special', false, '2026-03-07');
      const refused = await close(h);
      expect(refused.constraint).toBe('hazards_closed_accepted');
      expect(refused.message).toContain('special');
      // a later passed sign-off by the special party supersedes its failure
      await sign(h, 'special', true, '2026-03-08');
      await tx.query(`UPDATE hazards SET status = 'closed', closed_at = '2026-03-09' WHERE id = $1`, [h]);

      const spot = await closing(true);
      expect((await close(spot)).constraint).toBe('hazards_closed_accepted');
      await sign(spot, 'on_the_spot', true, '2026-03-05');
      await tx.query(`UPDATE hazards SET status = 'closed', closed_at = '2026-03-09' WHERE id = $1`, [spot]);
    }));

  it('refuses accounts without the jurisdiction their role needs, and a bad patrol policy', () =>
    rolledBack(async (tx) => {
      const township = await violation(
        tx,
        `INSERT INTO users (username, display_name, role) VALUES ('leader.x', 'x', 'township')`,
      );
      expect(township.constraint).toBe('users_township_bound');
      const dept = await violation(
        tx,
        `INSERT INTO users (username, display_name, role) VALUES ('dept.x', 'x', 'department')`,
      );
      expect(dept.constraint).toBe('users_department_bound');
      const policy = await violation(tx, `UPDATE patrol_policy SET high_days = 0`);
      expect(policy.code).toBe('23514');
      const thresholds = await violation(tx, `UPDATE patrol_policy SET grade_high_score = 10, grade_medium_score = 20`);
      expect(thresholds.constraint).toBe('patrol_policy_thresholds');
    }));
});

describe('the database layer', () => {
  it('turns a geometry error into an error on both drivers, never an empty answer', () =>
    rolledBack(async (tx) => {
      // a bow-tie polygon makes GEOS throw inside ST_Union
      const e = await violation(
        tx,
        `SELECT ST_Union(ST_GeomFromText('POLYGON((0 0,1 1,1 0,0 1,0 0))'),
                                                    ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))')) AS g`,
      );
      expect(e.message).toMatch(/GEOS|TopologyException|Self-intersection|lost an error/i);
      const [after] = await tx.query<{ one: number }>('SELECT 1 AS one');
      expect(after).toEqual({ one: 1 });
    }));
});
