// Who is making a write. Until sign-in lands every write names its actor in the
// `X-Actor-Id` header (a user id); the auth issue replaces only `actorOf`.
import type { Context } from 'hono';
import type { Queryable } from '@svm/db';
import { Problem } from './problem.ts';

export interface Actor {
  id: number;
  name: string;
  role: string;
  townshipId: number | null;
}

interface ActorRow {
  id: number;
  display_name: string;
  role: string;
  township_id: number | null;
  active: boolean;
}

/** The acting user: a positive integer `X-Actor-Id` naming an existing, active user (401 / 403 otherwise). */
export async function actorOf(c: Context, db: Queryable): Promise<Actor> {
  const header = c.req.header('X-Actor-Id');
  if (header === undefined || header.trim() === '') {
    throw Problem.unauthorized('this write needs an X-Actor-Id header naming the acting user (a positive integer user id)');
  }
  if (!/^[1-9][0-9]{0,8}$/.test(header.trim())) {
    throw Problem.unauthorized(`X-Actor-Id "${header.slice(0, 40)}" must be a positive integer user id`);
  }
  const id = Number(header.trim());
  const rows = await db.query<ActorRow>(
    'SELECT id, display_name, role::text AS role, township_id, active FROM users WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) throw Problem.unauthorized(`X-Actor-Id ${id} names no user`);
  if (!row.active) throw Problem.forbidden(`user ${id} is deactivated and may not write`);
  return { id: row.id, name: row.display_name, role: row.role, townshipId: row.township_id };
}
