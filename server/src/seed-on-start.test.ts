import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '@svm/db';
import { parseServerEnv } from './env.ts';
import { prepareCity, type CityOnStart } from './seed-on-start.ts';

// A small city (400 venues, a month of history) so seeding takes a few seconds.
const city = (seedOnStart: boolean): CityOnStart => ({
  seedOnStart,
  seed: { seed: 42, venues: 400, years: 1 / 12, referenceDate: new Date('2026-06-30T00:00:00Z') },
  demo: { password: 'demo password', wallToken: 'demo-wall-test' },
});

const held = async (tx: Queryable) =>
  (
    await tx.query<{ townships: number; users: number; tokens: number }>(
      `SELECT (SELECT count(*) FROM townships)::int AS townships, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM display_tokens)::int AS tokens`,
    )
  )[0];

describe('the city at start-up', () => {
  it('with SEED_ON_START=false seeds nothing into an empty database and says how to create the first admin', () =>
    rolledBack(async (tx) => {
      const { SEED_ON_START } = parseServerEnv({ SEED_ON_START: 'false' });
      const said: string[] = [];
      expect(await prepareCity(tx, city(SEED_ON_START), (l) => void said.push(l))).toBeNull();
      expect(await held(tx)).toEqual({ townships: 0, users: 0, tokens: 0 });
      expect(said).toEqual([
        'SEED_ON_START=false and no accounts yet: create the first admin with pnpm admin:create --username <name>',
      ]);
    }));

  it('by default seeds the demo city, marked demo, into a database with no townships and no accounts', () =>
    rolledBack(async (tx) => {
      const { SEED_ON_START } = parseServerEnv({});
      const said: string[] = [];
      const report = await prepareCity(tx, city(SEED_ON_START), (l) => void said.push(l));
      expect(report).toMatchObject({ townships: 20, venues: 400 });
      expect(said.join('\n')).toMatch(
        /^Seeded the demo city \(seed 42\)[^]*pnpm demo:remove takes the demo city out again/,
      );
      const [marks] = await tx.query(`
        SELECT (SELECT bool_and(demo) FROM townships) AS townships, (SELECT bool_and(demo) FROM users) AS users,
               (SELECT bool_and(demo) FROM display_tokens) AS tokens, (SELECT bool_and(demo) FROM streets) AS streets,
               (SELECT bool_and(demo) FROM reference_points) AS reference_points`);
      expect(marks).toEqual({ townships: true, users: true, tokens: true, streets: true, reference_points: true });
      // started again: the city is there, nothing more is seeded
      expect(await prepareCity(tx, city(true), (l) => void said.push(l))).toBeNull();
      expect(said).toHaveLength(1);
    }));

  it('never seeds over a city that started empty: accounts without townships stay as they are', () =>
    rolledBack(async (tx) => {
      await tx.query(`INSERT INTO users (username, display_name, role) VALUES ('chief', '市管理员', 'admin')`);
      const said: string[] = [];
      expect(await prepareCity(tx, city(true), (l) => void said.push(l))).toBeNull();
      expect(await held(tx)).toEqual({ townships: 0, users: 1, tokens: 0 });
      expect(said).toEqual([
        'Not seeding the demo city (SEED_ON_START): the database has accounts but no townships yet; import them',
      ]);
      expect(await prepareCity(tx, city(false), (l) => void said.push(l))).toBeNull();
      expect(said).toHaveLength(1);
    }));
});
