// Creating an account, shared by POST /api/auth/users, the accounts CSV import and the
// admin:create command: the taken-username check, the insert, and its audit entry (never the password).
import { sql, type Queryable } from '@svm/db';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../auth/audit.ts';
import type { Role } from '../auth/caller.ts';

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query(sql`SELECT 1 FROM users WHERE username = ${username}`)).length > 0;
}

export async function departmentExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(sql`SELECT 1 FROM industry_departments WHERE id = ${id}`)).length > 0;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  townshipId: number | null;
  departmentId: number | null;
  phone: string | null;
  passwordHash: string | null;
}

/** Inserts an account; its bindings must already fit its role (the table's checks are the last line). */
export async function insertedUser(db: Queryable, a: NewAccount): Promise<number> {
  const rows = await db.query<{ id: number }>(sql`
    INSERT INTO users (username, display_name, role, township_id, department_id, phone, password_hash)
    VALUES (${a.username}, ${a.displayName}, ${a.role}::user_role, ${a.townshipId}, ${a.departmentId}, ${a.phone}, ${a.passwordHash})
    RETURNING id`);
  return rows[0]!.id;
}

/** Inserts the account and audits its creation by `actor` (whether a password was set, not the password). */
export async function createdAccount(tx: Queryable, actor: Actor, a: NewAccount): Promise<number> {
  const id = await insertedUser(tx, a);
  await audit(tx, actor, {
    action: 'user.create',
    entity: 'user',
    entityId: id,
    detail: {
      username: a.username,
      role: a.role,
      townshipId: a.townshipId,
      departmentId: a.departmentId,
      passwordSet: a.passwordHash !== null,
    },
  });
  return id;
}
