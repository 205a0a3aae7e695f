// Who is making a write: the signed-in caller, re-read from the users table so a deactivated
// account or a changed role takes effect at once. Display tokens and planners never write.
import type { Context } from 'hono';
import { sql, type Queryable } from '@svm/db';
import { callerOf, type Role } from './caller.ts';
import type { VenueCategory } from '@svm/contract';
import { Problem } from '../kernel/problem.ts';

export interface Actor {
  id: number;
  name: string;
  role: Role;
  /** township leaders and grid workers */
  townshipId: number | null;
  /** department accounts, with the categories they are the industry authority for */
  departmentId: number | null;
  categories: VenueCategory[];
}

interface ActorRow {
  id: number;
  display_name: string;
  role: Role;
  township_id: number | null;
  department_id: number | null;
  categories: VenueCategory[] | null;
  active: boolean;
}

/** The acting user (401 when nobody is signed in, 403 for read-only callers and deactivated accounts). */
export async function actorOf(c: Context, db: Queryable): Promise<Actor> {
  const caller = callerOf(c);
  if (caller.userId === null) throw Problem.forbidden(`${caller.name} is a read-only display and writes nothing`);
  if (caller.readOnly)
    throw Problem.forbidden(`${caller.name} (${caller.role ?? 'display'}) reads only and writes nothing`);
  const rows = await db.query<ActorRow>(sql`
    SELECT u.id, u.display_name, u.role::text AS role, u.township_id, u.department_id,
           d.categories::text[] AS categories, u.active
      FROM users u LEFT JOIN industry_departments d ON d.id = u.department_id
     WHERE u.id = ${caller.userId}`);
  const row = rows[0];
  if (!row) throw Problem.unauthorized(`the signed-in account (user ${caller.userId}) no longer exists; sign in again`);
  if (!row.active) throw Problem.forbidden(`user ${row.id} is deactivated and may not write`);
  if (row.role === 'planner')
    throw Problem.forbidden(`${row.display_name} is a planner: planners read the whole city and write nothing`);
  return {
    id: row.id,
    name: row.display_name,
    role: row.role,
    townshipId: row.township_id,
    departmentId: row.department_id,
    categories: row.categories ?? [],
  };
}
