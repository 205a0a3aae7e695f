import { describe, expect, it } from 'vitest';
import type { Queryable } from '../client.ts';
import { listMigrations } from '../migrate.ts';
import { rolledBack, SEEDED_TABLES, tableDigests, testDb } from '../testing.ts';
import { seedCity } from './index.ts';
import { demoContents, DemoRemovalRefused, removeDemoCity } from './remove-demo.ts';

// A small demo city (400 venues, a month of history: about 300 cells, 20 townships), its wall
// token and a session, and beside it the city's own data, far from the demo (120.00-120.02°E,
// 30.00-30.02°N, the demo lies near 121.5°E 29.8°N):
//   township R01 with cell R01-001 (walked by the demo worker of the first demo cell), venue
//   "城东小店" with a patrol by the city's worker and a hazard whose special sign-off the demo's
//   special.fire gave; an admin, a grid worker of R01, a leader of demo township T01 (bound to the
//   demo: goes with it); a city-wide display token the demo admin made and one showing T01 (goes);
//   two reference points, one beside the city's venue and one beside a demo venue; audit rows by the
//   demo admin about the city's venue (kept) and about a demo venue (goes).
const DEMO = { seed: 42, venues: 400, years: 1 / 12, referenceDate: new Date('2026-06-30T00:00:00Z') };
const R01 = 'MULTIPOLYGON(((120 30, 120.02 30, 120.02 30.02, 120 30.02, 120 30)))';

interface City {
  township: number;
  cell: number;
  venue: number;
  admin: number;
  worker: number;
  patrol: number;
  hazard: number;
  token: number;
  nearOwnVenue: number;
  nearDemoVenue: number;
  demoAdmin: number;
  demoWorker: number;
  demoVenue: number;
}

async function one(tx: Queryable, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await tx.query<{ id: number }>(`${text} RETURNING id`, params);
  if (!row) throw new Error(`no id from ${text}`);
  return row.id;
}

async function demoWithCityBeside(tx: Queryable): Promise<City> {
  await seedCity(tx, DEMO);
  // what createDemoSignIns (server) adds: the wall token, marked demo; and a signed-in session
  const demoToken = await one(
    tx,
    `INSERT INTO display_tokens (label, token_hash, demo) VALUES ('指挥中心大屏 (demo)', repeat('a', 64), true)`,
  );
  const [ids] = await tx.query<{ admin: number; special: number; worker: number; venue: number; cell: number }>(`
    SELECT (SELECT id FROM users WHERE username = 'admin') AS admin,
           (SELECT id FROM users WHERE username = 'special.fire') AS special,
           (SELECT min(id) FROM users WHERE role = 'grid_worker') AS worker,
           (SELECT min(id) FROM venues WHERE closed_at IS NULL) AS venue,
           (SELECT worker_id FROM grid_cells WHERE worker_id IS NOT NULL ORDER BY id LIMIT 1) AS cell`);
  const demo = ids!;
  await tx.query(
    `INSERT INTO sessions (token_hash, user_id, display_token_id, expires_at)
     VALUES (repeat('b', 64), $1, NULL, now() + interval '1 day'), (repeat('c', 64), NULL, $2, now() + interval '1 day')`,
    [demo.admin, demoToken],
  );
  await tx.query(
    `INSERT INTO login_failures (username, address) VALUES ('city', '192.0.2.1'), ('nobody', '192.0.2.1')`,
  );

  const township = await one(
    tx,
    `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ('R01', '城东街道', 'East Town', 'subdistrict', ST_GeomFromText($1, 4326))`,
    [R01],
  );
  const admin = await one(tx, `INSERT INTO users (username, display_name, role) VALUES ('chief', '市管理员', 'admin')`);
  const worker = await one(
    tx,
    `INSERT INTO users (username, display_name, role, township_id) VALUES ('walker', '王网格', 'grid_worker', $1)`,
    [township],
  );
  await tx.query(
    `INSERT INTO users (username, display_name, role, township_id) VALUES ('leader.extra', '试用负责人', 'township', 1)`,
  );
  const cell = await one(
    tx,
    `INSERT INTO grid_cells (code, name, township_id, worker_id, geom)
     VALUES ('R01-001', '城东第1网格', $1, $2, ST_Multi(ST_GeomFromText('POLYGON((120 30, 120.02 30, 120.02 30.02, 120 30.02, 120 30))', 4326)))`,
    [township, demo.cell],
  );
  const venue = await one(
    tx,
    `INSERT INTO venues (external_id, name, category, risk_level, registered_at, geom)
     VALUES ('EV-1', '城东小店', 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(120.01, 30.01), 4326))`,
  );
  const patrol = await one(
    tx,
    `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, '2026-06-01T09:00:00Z', 'hazards_found')`,
    [venue, worker],
  );
  const hazard = await one(
    tx,
    `INSERT INTO hazards (venue_id, patrol_id, type_code, severity, found_at) VALUES ($1, $2, 'no_extinguisher', 'general', '2026-06-01T09:00:00Z')`,
    [venue, patrol],
  );
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_id, actor_name) VALUES ($1, 'special', false, '2026-06-02', $2, '消防')`,
    [hazard, demo.special],
  );
  await tx.query(
    `INSERT INTO hazard_transitions (hazard_id, from_status, to_status, at, actor_id, actor_name) VALUES ($1, NULL, 'open', '2026-06-01T09:00:00Z', $2, '消防')`,
    [hazard, demo.special],
  );
  const token = await one(
    tx,
    `INSERT INTO display_tokens (label, token_hash, created_by) VALUES ('城东大屏', repeat('d', 64), $1)`,
    [demo.admin],
  );
  await tx.query(`INSERT INTO display_tokens (label, token_hash, township_id) VALUES ('试用大屏', repeat('e', 64), 1)`);
  const nearOwnVenue = await one(
    tx,
    `INSERT INTO reference_points (source, external_id, geom) VALUES ('survey', 'S-1', ST_SetSRID(ST_MakePoint(120.0101, 30.0101), 4326))`,
  );
  const nearDemoVenue = await one(
    tx,
    `INSERT INTO reference_points (source, external_id, geom) SELECT 'survey', 'S-2', geom FROM venues WHERE id = $1`,
    [demo.venue],
  );
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id) VALUES
       ($1, '系统管理员', 'venue.update', 'venue', $2), ($1, '系统管理员', 'venue.update', 'venue', $3),
       ($1, '系统管理员', 'auth.login', 'session', NULL)`,
    [demo.admin, String(venue), String(demo.venue)],
  );
  return {
    township,
    cell,
    venue,
    admin,
    worker,
    patrol,
    hazard,
    token,
    nearOwnVenue,
    nearDemoVenue,
    demoAdmin: demo.admin,
    demoWorker: demo.worker,
    demoVenue: demo.venue,
  };
}

const TABLES = [...SEEDED_TABLES, 'display_tokens', 'sessions', 'login_failures', 'audit_log'];

/** Rows and a digest of every row per table, so any change shows. */
const snapshot = (tx: Queryable) => tableDigests(tx, TABLES);

async function counts(tx: Queryable): Promise<Record<string, number>> {
  const [row] = await tx.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM townships)::int AS townships,
           (SELECT count(*) FROM grid_cells)::int AS cells,
           (SELECT count(*) FROM venues)::int AS venues,
           (SELECT count(*) FROM patrols)::int AS patrols,
           (SELECT count(*) FROM hazards)::int AS hazards,
           (SELECT count(*) FROM hazard_transitions)::int AS transitions,
           (SELECT count(*) FROM acceptances)::int AS acceptances,
           (SELECT count(*) FROM streets)::int AS streets,
           (SELECT count(*) FROM reference_points)::int AS reference_points,
           (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM display_tokens)::int AS display_tokens,
           (SELECT count(*) FROM sessions)::int AS sessions,
           (SELECT count(*) FROM industry_departments)::int AS departments,
           (SELECT count(*) FROM login_failures)::int AS login_failures`);
  return row!;
}

describe('removing the demo city', () => {
  it('takes every row the demo wrote and leaves the city’s own, naming removed actors by name only', () =>
    rolledBack(async (tx) => {
      const city = await demoWithCityBeside(tx);
      const before = await demoContents(tx);
      expect(before).toMatchObject({ townships: 20, venues: 400, venuesAddedSinceSeed: 0, boundDisplayTokens: 1 });
      expect(before!.boundAccounts).toEqual(['leader.extra']);
      expect(before!.gridCells).toBeGreaterThan(250);
      expect(before!.patrols).toBeGreaterThan(400);
      expect(before!.hazards).toBeGreaterThan(0);
      expect(before!.streets).toBeGreaterThan(100);
      expect(before!.referencePoints).toBeGreaterThan(300);
      expect(before!.sessions).toBe(2);
      // the city's cell counts its own patrol; the reference point beside a demo venue is proven by it
      const proof = () =>
        tx.query<{ id: number; matched: boolean }>(
          'SELECT id, matched_since IS NOT NULL AS matched FROM reference_points WHERE id = ANY($1) ORDER BY id',
          [[city.nearOwnVenue, city.nearDemoVenue]],
        );
      expect(await proof()).toEqual([
        { id: city.nearOwnVenue, matched: true },
        { id: city.nearDemoVenue, matched: true },
      ]);
      const demoUsers = before!.users;

      const steps: string[] = [];
      const report = await removeDemoCity(tx, {
        actorName: 'demo:remove (test)',
        onProgress: (step) => void steps.push(step),
      });
      expect(report).not.toBeNull();
      expect(report!.removed).toMatchObject({ ...before, auditRows: 2, loginFailures: 1 });
      expect(report!.removed.users).toBe(demoUsers);
      expect(steps).toContain('accounts');
      // nothing of the demo is left, and of the city's all is
      expect(await counts(tx)).toEqual({
        townships: 1,
        cells: 1,
        venues: 1,
        patrols: 1,
        hazards: 1,
        transitions: 1,
        acceptances: 1,
        streets: 0,
        reference_points: 2,
        users: 2,
        display_tokens: 1,
        sessions: 0,
        departments: 5,
        login_failures: 1,
      });
      expect(await demoContents(tx)).toBeNull();
      expect(report!.remains).toEqual({ townships: 1, users: 2, activeAdmins: 1, venues: 1, displayTokens: 1 });
      const [kept] = await tx.query<Record<string, unknown>>(
        `SELECT (SELECT array_agg(username ORDER BY username) FROM users) AS users,
                (SELECT worker_id FROM grid_cells WHERE id = $1) AS cell_worker,
                (SELECT last_patrol_at FROM grid_cells WHERE id = $1) AS cell_last_patrol,
                (SELECT created_by FROM display_tokens WHERE id = $2) AS token_creator,
                (SELECT array_agg(actor_id) FROM acceptances) AS acceptance_actors,
                (SELECT array_agg(actor_name) FROM acceptances) AS acceptance_names,
                (SELECT array_agg(actor_id) FROM hazard_transitions) AS transition_actors,
                (SELECT township_id FROM venues WHERE id = $3) AS venue_township,
                (SELECT township_id FROM hazards WHERE id = $4) AS hazard_township`,
        [city.cell, city.token, city.venue, city.hazard],
      );
      expect(kept).toEqual({
        users: ['chief', 'walker'],
        cell_worker: null,
        cell_last_patrol: new Date('2026-06-01T09:00:00Z'),
        token_creator: null,
        acceptance_actors: [null],
        acceptance_names: ['消防'],
        transition_actors: [null],
        venue_township: city.township,
        hazard_township: city.township,
      });
      // the proof that rested on a demo venue is cleared (0010), the city's own stays
      expect(await proof()).toEqual([
        { id: city.nearOwnVenue, matched: true },
        { id: city.nearDemoVenue, matched: false },
      ]);
      // the audit log keeps the seed's row and the row about the city's venue (its actor by name
      // only), loses the rows about the demo's venue and its admin's sign-in, and records the removal
      const audit = await tx.query<{ actor_id: number | null; actor_name: string; action: string; entity_id: string }>(
        'SELECT actor_id, actor_name, action, entity_id FROM audit_log ORDER BY id',
      );
      expect(audit.map((a) => a.action)).toEqual(['seed', 'venue.update', 'demo.remove']);
      expect(audit[1]).toEqual({
        actor_id: null,
        actor_name: '系统管理员',
        action: 'venue.update',
        entity_id: String(city.venue),
      });
      const [removal] = await tx.query<{ actor_name: string; detail: { removed: { townships: number } } }>(
        `SELECT actor_name, detail FROM audit_log WHERE action = 'demo.remove'`,
      );
      expect(removal).toMatchObject({ actor_name: 'demo:remove (test)', detail: { removed: { townships: 20 } } });
      // the indexes built for the removal are gone with it
      expect(await tx.query(`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'demo_removal%'`)).toEqual([]);
      // a second run finds nothing to remove
      expect(await removeDemoCity(tx, { actorName: 'again' })).toBeNull();
    }));

  it('leaves every row as it was when a step fails part-way', () =>
    rolledBack(async (tx) => {
      await demoWithCityBeside(tx);
      const before = await snapshot(tx);
      await expect(
        removeDemoCity(tx, {
          actorName: 'demo:remove (test)',
          onProgress: (step) => {
            if (step === 'accounts') throw new Error('the disk is full');
          },
        }),
      ).rejects.toThrow('the disk is full');
      expect(await snapshot(tx)).toEqual(before);
      expect(await tx.query(`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'demo_removal%'`)).toEqual([]);
    }));

  it('refuses, removing nothing, when a demo account recorded a patrol of the city’s own venue', () =>
    rolledBack(async (tx) => {
      const city = await demoWithCityBeside(tx);
      await tx.query(
        `INSERT INTO patrols (venue_id, worker_id, patrolled_at, result) VALUES ($1, $2, '2026-06-03', 'ok')`,
        [city.venue, city.demoWorker],
      );
      const before = await snapshot(tx);
      const refusal = removeDemoCity(tx, { actorName: 'demo:remove (test)' });
      await expect(refusal).rejects.toBeInstanceOf(DemoRemovalRefused);
      await expect(refusal).rejects.toThrow(/^1 patrols of the city's own venues .* \(worker\.t\d\d-\d{3}\)/);
      expect(await snapshot(tx)).toEqual(before);
    }));

  it('finds nothing to remove in a database the demo never held', () =>
    rolledBack(async (tx) => {
      await tx.query(`INSERT INTO users (username, display_name, role) VALUES ('chief', '市管理员', 'admin')`);
      expect(await demoContents(tx)).toBeNull();
      expect(await removeDemoCity(tx, { actorName: 'demo:remove (test)' })).toBeNull();
      expect(await tx.query('SELECT action FROM audit_log')).toEqual([]);
    }));

  it('finds the demo in a database seeded before 0012 by the seed’s own audit row and names', () =>
    rolledBack(async (tx) => {
      const city = await demoWithCityBeside(tx);
      // the city's township beside the demo with a code of the seed's form, added later (higher id)
      await tx.query(`INSERT INTO townships (code, name, name_en, kind, geom)
        VALUES ('T99', '新区', 'New Area', 'town', ST_GeomFromText('MULTIPOLYGON(((119 30, 119.01 30, 119.01 30.01, 119 30.01, 119 30)))', 4326))`);
      await tx.query(`INSERT INTO users (username, display_name, role) VALUES ('worker.x', '后加的', 'city')`);
      const marked = () =>
        tx.query<{ table: string; demo: number; own: number }>(`
          SELECT 'townships' AS table, count(*) FILTER (WHERE demo)::int AS demo, count(*) FILTER (WHERE NOT demo)::int AS own FROM townships
          UNION ALL SELECT 'users', count(*) FILTER (WHERE demo)::int, count(*) FILTER (WHERE NOT demo)::int FROM users
          UNION ALL SELECT 'display_tokens', count(*) FILTER (WHERE demo)::int, count(*) FILTER (WHERE NOT demo)::int FROM display_tokens
          UNION ALL SELECT 'streets', count(*) FILTER (WHERE demo)::int, count(*) FILTER (WHERE NOT demo)::int FROM streets
          UNION ALL SELECT 'reference_points', count(*) FILTER (WHERE demo)::int, count(*) FILTER (WHERE NOT demo)::int FROM reference_points`);
      const seeded = await marked();
      // back to before 0012 (the seed's rows then carried no mark), then 0012 applied as it ships,
      // after an earlier migration's update left trigger events waiting (as 0011's does)
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
      for (const table of ['townships', 'users', 'display_tokens', 'streets', 'reference_points']) {
        await tx.query(`ALTER TABLE ${table} DROP COLUMN demo`);
      }
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      await tx.query('UPDATE reference_points SET name = name');
      await tx.exec(listMigrations().find((m) => m.name === '0012_demo_marks.sql')!.sql);
      expect(await marked()).toEqual(seeded);
      const [own] = await tx.query(
        `SELECT (SELECT array_agg(code ORDER BY code) FROM townships WHERE NOT demo) AS townships,
                (SELECT array_agg(username ORDER BY username) FROM users WHERE NOT demo) AS users`,
      );
      expect(own).toEqual({ townships: ['R01', 'T99'], users: ['chief', 'leader.extra', 'walker', 'worker.x'] });
      expect((await removeDemoCity(tx, { actorName: 'demo:remove (test)' }))!.remains.townships).toBe(2);
      expect(await tx.query('SELECT id FROM venues')).toEqual([{ id: city.venue }]);
    }));

  // A column naming a row the removal deletes must be handled there (deleted with it, or set to
  // NULL): a table added later with such a foreign key fails this list until remove-demo.ts knows it.
  it('knows every foreign key into the tables it deletes from', async () => {
    const db = await testDb();
    const rows = await db.query<{ ref: string }>(`
      SELECT format('%s.%s -> %s %s', c.conrelid::regclass, a.attname, c.confrelid::regclass, c.confdeltype) AS ref
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f'
         AND c.confrelid::regclass::text IN ('townships', 'users', 'display_tokens', 'grid_cells', 'venues', 'patrols', 'hazards')
       ORDER BY 1`);
    // confdeltype: a = no action (handled by the removal's order or an UPDATE), c = cascade
    expect(rows.map((r) => r.ref)).toEqual([
      'acceptances.actor_id -> users a',
      'acceptances.hazard_id -> hazards c',
      'audit_log.actor_id -> users a',
      'display_tokens.created_by -> users a',
      'display_tokens.township_id -> townships a',
      'grid_cells.township_id -> townships a',
      'grid_cells.worker_id -> users a',
      'hazard_transitions.actor_id -> users a',
      'hazard_transitions.hazard_id -> hazards c',
      'hazards.patrol_id -> patrols a',
      'hazards.rebound_of -> hazards a',
      'hazards.township_id -> townships a',
      'hazards.venue_id -> venues a',
      'import_error_reports.created_by -> users c',
      'import_jobs.created_by -> users c',
      'patrols.grid_cell_id -> grid_cells a',
      'patrols.venue_id -> venues a',
      'patrols.worker_id -> users a',
      'sessions.display_token_id -> display_tokens c',
      'sessions.user_id -> users c',
      'users.township_id -> townships a',
      'venues.grid_cell_id -> grid_cells a',
      'venues.township_id -> townships a',
    ]);
  });
});
