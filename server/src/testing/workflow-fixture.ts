// Test helpers for the write workflow: the fixture's users, JSON writes as a signed-in user, and a
// checksum of every table a write could touch (to prove a refused write changed nothing).
import type { Queryable } from '@svm/db';
import type { App } from '../app.ts';
import { callerForUser } from './auth.ts';
import { testApp } from './app.ts';

export async function userId(tx: Queryable, username: string): Promise<number> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
  if (!rows[0]) throw new Error(`no fixture user ${username}`);
  return rows[0].id;
}

export async function venueId(tx: Queryable, name: string): Promise<number> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM venues WHERE name = $1', [name]);
  if (!rows[0]) throw new Error(`no fixture venue ${name}`);
  return rows[0].id;
}

/** The app asking as this fixture user, signed in (null: as nobody). */
export async function appAs(tx: Queryable, user: number | null): Promise<App> {
  return (await testApp(tx, { caller: user === null ? null : await callerForUser(tx, user) })).app;
}

/** A JSON write by whoever `app` asks as; `body` a string is sent as is. */
export function write(app: App, method: string, path: string, body: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  return app.request(path, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const TABLES = [
  'users',
  'sessions',
  'display_tokens',
  'venues',
  'patrols',
  'hazards',
  'hazard_transitions',
  'acceptances',
  'audit_log',
  'patrol_policy',
  'grading_rules',
  'hazard_types',
  'townships',
  'grid_cells',
  'reference_points',
] as const;

/** md5 of every row of every written table, in id order: equal before and after means nothing changed. */
export async function checksum(tx: Queryable): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await tx.query<{ sum: string | null; n: number }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum, count(*)::int AS n FROM ${table} t`,
    );
    out[table] = `${rows[0]?.n}:${rows[0]?.sum}`;
  }
  return out;
}
