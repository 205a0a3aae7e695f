// Test helpers for signed-in callers: the Caller a fixture user would be after signing in, and a
// set of accounts (one per role, plus wrong-township and wrong-department ones) for the
// write-authority tests over the twoTownships fixture.
import type { Queryable } from '@svm/db';
import type { Caller } from '../auth/caller.ts';
import { callerFromCredential } from '../auth/resolver.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../auth/caller.ts';

/** The caller a user is once signed in (the production resolver's mapping from the users row). */
export async function callerForUser(tx: Queryable, userId: number): Promise<Caller> {
  const rows = await tx.query<{
    id: number;
    display_name: string;
    role: Role;
    township_id: number | null;
    department_id: number | null;
  }>('SELECT id, display_name, role::text AS role, township_id, department_id FROM users WHERE id = $1', [userId]);
  const u = rows[0];
  if (!u) throw new Error(`no user ${userId}`);
  return callerFromCredential({
    user_id: u.id,
    name: u.display_name,
    role: u.role,
    township_id: u.township_id,
    department_id: u.department_id,
  });
}

export interface Accounts {
  admin: number;
  city: number;
  planner: number;
  leaderA: number;
  leaderB: number;
  /** industry authority for retail and catering (the fixture's venues are retail) */
  commerce: number;
  /** industry authority for e-bike shops only */
  transport: number;
  departments: { commerce: number; transport: number };
}

async function insertId(tx: Queryable, text: string, params: unknown[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(`${text} RETURNING id`, params);
  return rows[0]!.id;
}

/** Adds the accounts to a fixture with townships A and B; `password` (if given) is set on every one. */
export async function addAccounts(
  tx: Queryable,
  f: { townshipA: number; townshipB: number },
  password?: string,
): Promise<Accounts> {
  const hash = password === undefined ? null : await hashPassword(password);
  const dept = (code: string, name: string, categories: string) =>
    insertId(
      tx,
      'INSERT INTO industry_departments (code, name, name_en, categories) VALUES ($1, $2, $3, $4::venue_category[])',
      [code, name, code, categories],
    );
  const departments = {
    commerce: await dept('fx_commerce', '商务局', '{retail,catering}'),
    transport: await dept('fx_transport', '交通局', '{ebike}'),
  };
  const user = (username: string, name: string, role: Role, townshipId: number | null, departmentId: number | null) =>
    insertId(
      tx,
      'INSERT INTO users (username, display_name, role, township_id, department_id, password_hash) VALUES ($1, $2, $3::user_role, $4, $5, $6)',
      [username, name, role, townshipId, departmentId, hash],
    );
  return {
    admin: await user('fx_admin', '管理员', 'admin', null, null),
    city: await user('fx_city', '指挥中心', 'city', null, null),
    planner: await user('fx_planner', '规划员', 'planner', null, null),
    leaderA: await user('fx_leader_a', '东湖负责人', 'township', f.townshipA, null),
    leaderB: await user('fx_leader_b', '西山负责人', 'township', f.townshipB, null),
    commerce: await user('fx_commerce', '商务局审核', 'department', null, departments.commerce),
    transport: await user('fx_transport', '交通局审核', 'department', null, departments.transport),
    departments,
  };
}
