import { committedDatabase, rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '@svm/db';
import type { ProblemDetails } from '@svm/contract';
import { sessionResolver } from '../auth/resolver.ts';
import { DEFAULT_AUTH_SETTINGS } from '../auth/settings.ts';
import { seedIfEmpty, prepareCity, type CityOnStart } from '../seed-on-start.ts';
import { bodyOf, testApp } from '../testing/app.ts';
import { login, sessionCookie, withCookie } from '../testing/auth-fixture.ts';
import { scriptedIo } from '../testing/cli-io.ts';
import { adminCreate } from './admin-create.command.ts';
import { demoRemove } from './demo-remove.command.ts';

// The demo city as a start-up seeds it (400 venues, a month of history, the demo sign-ins).
const START: CityOnStart = {
  seedOnStart: true,
  seed: { seed: 42, venues: 400, years: 1 / 12, referenceDate: new Date('2026-06-30T00:00:00Z') },
  demo: { password: 'demo password', wallToken: 'demo-wall-test' },
};
const CHIEF_PASSWORD = 'lantern 灯笼 harbour 9';

const over = (db: Queryable) => ({
  open: async () => ({ db, where: 'the test database', close: async () => {} }),
});

const held = async (db: Queryable) =>
  (
    await db.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM townships)::int AS townships, (SELECT count(*) FROM grid_cells)::int AS cells,
             (SELECT count(*) FROM venues)::int AS venues, (SELECT count(*) FROM patrols)::int AS patrols,
             (SELECT count(*) FROM hazards)::int AS hazards, (SELECT count(*) FROM streets)::int AS streets,
             (SELECT count(*) FROM reference_points)::int AS reference_points, (SELECT count(*) FROM users)::int AS users,
             (SELECT count(*) FROM display_tokens)::int AS tokens, (SELECT count(*) FROM sessions)::int AS sessions`)
  )[0];

describe('pnpm demo:remove', () => {
  it('takes the demo out for good while the city’s first admin stays and signs in; the server then starts without seeding', async () => {
    const { db, drop } = await committedDatabase();
    try {
      expect(await seedIfEmpty(db, START.seed, START.demo)).not.toBeNull();
      const created = scriptedIo({ interactive: false, stdin: CHIEF_PASSWORD });
      const open = async () => ({ db, where: 'the test database', close: async () => {} });
      expect(await adminCreate(['--username', 'chief', '--password-stdin'], created, { open, demoPassword: 'x' })).toBe(
        0,
      );
      const { app } = await testApp(db, { resolveCaller: sessionResolver(db, DEFAULT_AUTH_SETTINGS) });
      expect((await login(app, { username: 'admin', password: 'demo password' })).status).toBe(200);
      const [{ version: before }] = (await db.query<{ version: number }>('SELECT version FROM data_version')) as [
        { version: number },
      ];

      const io = scriptedIo({ interactive: false });
      expect(await demoRemove(['--yes'], io, over(db))).toBe(0);
      expect(io.errors).toEqual([]);
      const said = io.said.join('\n');
      expect(said).toMatch(
        /^The demo city in the test database:\n {2}20 townships with \d+ grid cells and 400 venues\n/,
      );
      expect(said).toContain('  accounts: ');
      expect(said).toMatch(
        /Removed the demo city in \d+\.\d s\. The audit log records the removal \(action demo\.remove\)\./,
      );
      expect(said).toContain(
        "The database holds the city's own 0 townships, 1 account and 0 venues;\n" +
          'a server started on it does not seed the demo again',
      );
      expect(await held(db)).toEqual({
        townships: 0,
        cells: 0,
        venues: 0,
        patrols: 0,
        hazards: 0,
        streets: 0,
        reference_points: 0,
        users: 1,
        tokens: 0,
        sessions: 0,
      });
      const [{ version: after }] = (await db.query<{ version: number }>('SELECT version FROM data_version')) as [
        { version: number },
      ];
      expect(after).toBeGreaterThan(before);

      // started again, with SEED_ON_START either way: nothing is seeded over the city's admin
      const startUp: string[] = [];
      expect(await prepareCity(db, START, (l) => void startUp.push(l))).toBeNull();
      expect(await prepareCity(db, { ...START, seedOnStart: false }, (l) => void startUp.push(l))).toBeNull();
      expect(startUp).toEqual([
        'Not seeding the demo city (SEED_ON_START): the database has accounts but no townships yet; import them',
      ]);
      expect((await held(db))!.townships).toBe(0);

      // the demo's sign-ins are gone; the city's admin reads an empty city
      expect((await login(app, { username: 'admin', password: 'demo password' })).status).toBe(401);
      const wall = await app.request('/api/auth/display-session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: 'demo-wall-test' }),
      });
      expect(wall.status).toBe(401);
      expect((await bodyOf<ProblemDetails>(wall)).detail).toMatch(/unknown or has been revoked/);
      const chief = sessionCookie(await login(app, { username: 'chief', password: CHIEF_PASSWORD }));
      const townships = await app.request('/api/townships', withCookie(chief));
      expect(townships.status).toBe(200);
      expect(await townships.json()).toMatchObject({ type: 'FeatureCollection', features: [] });
      for (const path of [
        '/api/stats/summary',
        '/api/grid-cells',
        '/api/blind-spots',
        '/api/rebounds/clusters',
        '/api/health',
      ]) {
        expect((await app.request(path, withCookie(chief))).status, path).toBe(200);
      }
      // a second run has nothing to do
      const again = scriptedIo({ interactive: false });
      expect(await demoRemove(['--yes'], again, over(db))).toBe(0);
      expect(again.said).toEqual(['No demo city in the test database: nothing of it is left to remove.']);
    } finally {
      await drop();
    }
  });

  it('asks first on a terminal: no removes nothing, yes empties a demo-only database, which a default start would seed again', () =>
    rolledBack(async (tx) => {
      await seedIfEmpty(tx, START.seed, START.demo);
      const before = await held(tx);
      const no = scriptedIo({ interactive: true, answers: ['n'] });
      expect(await demoRemove([], no, over(tx))).toBe(1);
      expect(no.asked).toEqual([{ question: 'Remove all of it? This cannot be undone. [y/N] ', hidden: false }]);
      expect(no.said.at(-1)).toBe('Nothing removed.');
      expect(await held(tx)).toEqual(before);

      const yes = scriptedIo({ interactive: true, answers: ['yes'] });
      expect(await demoRemove([], yes, over(tx))).toBe(0);
      expect(yes.said.slice(-3)).toEqual([
        'The database holds no townships and no accounts now. A server started with SEED_ON_START=true (the default)',
        'seeds the demo city into it again: start it with SEED_ON_START=false, and create the first admin with',
        '  pnpm admin:create --username <name>',
      ]);
      const startUp: string[] = [];
      expect(await prepareCity(tx, { ...START, seedOnStart: false }, (l) => void startUp.push(l))).toBeNull();
      expect(await held(tx)).toMatchObject({ townships: 0, users: 0, tokens: 0, venues: 0 });
      expect(startUp).toEqual([
        'SEED_ON_START=false and no accounts yet: create the first admin with pnpm admin:create --username <name>',
      ]);
    }));

  it('will not remove without a terminal to ask on unless --yes, and refuses with 1 when the city’s patrols need a demo account', () =>
    rolledBack(async (tx) => {
      await seedIfEmpty(tx, START.seed, START.demo);
      let opened = false;
      const piped = scriptedIo({ interactive: false });
      const deps = {
        open: async () => {
          opened = true;
          return over(tx).open();
        },
      };
      expect(await demoRemove([], piped, deps)).toBe(2);
      expect(piped.errors).toEqual([
        'stdin is not a terminal, so the removal cannot be confirmed: pass --yes to remove without asking',
      ]);
      expect(opened).toBe(false);
      expect(await demoRemove(['--yes', '--keep-streets'], scriptedIo({ interactive: false }), deps)).toBe(2);

      // the city's own venue, beside the demo, patrolled by a demo grid worker
      await tx.query(`INSERT INTO townships (code, name, name_en, kind, geom)
        VALUES ('R01', '城东街道', 'East Town', 'subdistrict', ST_GeomFromText('MULTIPOLYGON(((120 30, 120.02 30, 120.02 30.02, 120 30.02, 120 30)))', 4326))`);
      await tx.query(`INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('城东小店', 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint(120.01, 30.01), 4326))`);
      await tx.query(`INSERT INTO patrols (venue_id, worker_id, patrolled_at, result)
        SELECT (SELECT id FROM venues WHERE name = '城东小店'), (SELECT min(id) FROM users WHERE role = 'grid_worker'), '2026-06-01', 'ok'`);
      const before = await held(tx);
      const refused = scriptedIo({ interactive: false });
      expect(await demoRemove(['--yes'], refused, deps)).toBe(1);
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors[0]).toMatch(
        /^Not removed: 1 patrols of the city's own venues \(outside the demo's townships\) were recorded by demo accounts .*nothing was removed\.$/,
      );
      expect(await held(tx)).toEqual(before);
    }));
});
