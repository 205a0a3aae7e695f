// Account administration's queries: accounts as the admin routes answer them (with township,
// department and cells, never the password hash), creating and changing them.
import { sql, type Queryable } from '@svm/db';
import type { Role } from '../../auth/caller.ts';
import { credentialsEnded } from '../../auth/sessions.queries.ts';
import type { UserAccountDto } from '@svm/contract';

interface UserAccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  township_id: number | null;
  township_name: string | null;
  township_name_en: string | null;
  department_id: number | null;
  department_name: string | null;
  department_name_en: string | null;
  phone: string | null;
  active: boolean;
  has_password: boolean;
  created_at: Date;
  cell_codes: string[];
}

function userAccountDto(r: UserAccountRow): UserAccountDto {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    townshipId: r.township_id,
    township:
      r.township_id === null
        ? null
        : { id: r.township_id, name: r.township_name ?? '', nameEn: r.township_name_en ?? '' },
    departmentId: r.department_id,
    department:
      r.department_id === null
        ? null
        : { id: r.department_id, name: r.department_name ?? '', nameEn: r.department_name_en ?? '' },
    phone: r.phone,
    active: r.active,
    hasPassword: r.has_password,
    createdAt: r.created_at.toISOString(),
    cellCodes: r.cell_codes,
  };
}

// an account with its township, department and cells; the password only as "is one set"
const ACCOUNT_SELECT = sql`
    SELECT u.id, u.username, u.display_name, u.role::text AS role,
           u.township_id, t.name AS township_name, t.name_en AS township_name_en,
           u.department_id, d.name AS department_name, d.name_en AS department_name_en,
           u.phone, u.active, u.password_hash IS NOT NULL AS has_password, u.created_at,
           coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM grid_cells c WHERE c.worker_id = u.id), '{}')::text[] AS cell_codes
      FROM users u
      LEFT JOIN townships t ON t.id = u.township_id
      LEFT JOIN industry_departments d ON d.id = u.department_id`;

export interface UserFilter {
  role: Role | null;
  townshipId: number | null;
  active: boolean | null;
  /** part of the username or display name, any case */
  q: string | null;
  /** the id to start after (keyset paging) */
  afterId: number | null;
  /** rows to fetch (the route asks for one more than a page to know whether another follows) */
  limit: number;
}

/** Accounts in id order, filtered, with their township, department and cells; never the password hash. */
export async function userAccounts(db: Queryable, f: UserFilter): Promise<UserAccountDto[]> {
  // strpos, not LIKE: a "%" or "_" typed into q is looked for, not read as a wildcard
  const rows = await db.query<UserAccountRow>(sql`
    ${ACCOUNT_SELECT}
     WHERE (${f.role}::text IS NULL OR u.role::text = ${f.role}::text)
       AND (${f.townshipId}::int IS NULL OR u.township_id = ${f.townshipId}::int)
       AND (${f.active}::boolean IS NULL OR u.active = ${f.active}::boolean)
       AND (${f.q}::text IS NULL OR strpos(lower(u.username), lower(${f.q}::text)) > 0
                                 OR strpos(lower(u.display_name), lower(${f.q}::text)) > 0)
       AND (${f.afterId}::int IS NULL OR u.id > ${f.afterId}::int)
     ORDER BY u.id
     LIMIT ${f.limit}`);
  return rows.map(userAccountDto);
}

/** One account as the admin routes answer it; null when there is no such user. */
export async function userAccount(db: Queryable, id: number): Promise<UserAccountDto | null> {
  const rows = await db.query<UserAccountRow>(sql`${ACCOUNT_SELECT} WHERE u.id = ${id}`);
  return rows[0] ? userAccountDto(rows[0]) : null;
}

/** Whether any account exists (a database where nobody can sign in yet has none). */
export async function hasAccounts(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM users) AS found`);
  return rows[0]?.found ?? false;
}

/**
 * Whether deactivating this account would leave no active admin (no one could then administer
 * accounts, policy or imports). Locks the active admins' rows, so two admins deactivating each
 * other at once cannot both pass.
 */
export async function isLastActiveAdmin(db: Queryable, id: number): Promise<boolean> {
  const admins = await db.query<{ id: number }>(
    sql`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
  );
  return admins.length === 1 && admins[0]!.id === id;
}

export interface AccountChange {
  passwordHash?: string;
  active?: boolean;
  displayName?: string;
  /** null clears the phone */
  phone?: string | null;
}

/**
 * Applies the change; a new password or a change of the active flag ends the account's sessions
 * (a new display name or phone does not: it changes nothing the account may do). False when
 * there is no such user.
 */
export async function updatedUser(db: Queryable, id: number, change: AccountChange): Promise<boolean> {
  const rows = await db.query<{ id: number }>(sql`
    UPDATE users SET password_hash = coalesce(${change.passwordHash ?? null}::text, password_hash),
                     active = coalesce(${change.active ?? null}::boolean, active),
                     display_name = coalesce(${change.displayName ?? null}::text, display_name),
                     phone = CASE WHEN ${change.phone !== undefined}::boolean THEN ${change.phone ?? null}::text ELSE phone END
     WHERE id = ${id}
    RETURNING id`);
  if (!rows[0]) return false;
  if (change.passwordHash !== undefined || change.active !== undefined) {
    await db.query(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    credentialsEnded();
  }
  return true;
}
