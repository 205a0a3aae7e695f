// Accounts, the "who am I" details and wall display tokens, as the sign-in routes need them.
import { sql, type Queryable } from '@svm/db';
import type { Role } from '../../auth/caller.ts';
import { credentialsEnded } from '../../auth/sessions.queries.ts';
import type { DisplayTokenDto, VenueCategory } from '@svm/contract';

export interface LoginUserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  township_id: number | null;
  department_id: number | null;
  password_hash: string | null;
  active: boolean;
}

export async function userByUsername(db: Queryable, username: string): Promise<LoginUserRow | null> {
  const rows = await db.query<LoginUserRow>(sql`
    SELECT id, username, display_name, role::text AS role, township_id, department_id, password_hash, active
      FROM users WHERE username = ${username}`);
  return rows[0] ?? null;
}

export interface NamedPlace {
  id: number;
  name: string;
  nameEn: string;
}

export async function usernameOf(db: Queryable, userId: number): Promise<string | null> {
  const rows = await db.query<{ username: string }>(sql`SELECT username FROM users WHERE id = ${userId}`);
  return rows[0]?.username ?? null;
}

export async function townshipNamed(db: Queryable, id: number): Promise<NamedPlace | null> {
  const rows = await db.query<NamedPlace>(sql`SELECT id, name, name_en AS "nameEn" FROM townships WHERE id = ${id}`);
  return rows[0] ?? null;
}

export async function departmentNamed(
  db: Queryable,
  id: number,
): Promise<(NamedPlace & { categories: VenueCategory[] }) | null> {
  const rows = await db.query<NamedPlace & { categories: VenueCategory[] }>(sql`
    SELECT id, name, name_en AS "nameEn", categories::text[] AS categories FROM industry_departments WHERE id = ${id}`);
  return rows[0] ?? null;
}

interface DisplayTokenRow {
  id: number;
  label: string;
  township_id: number | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function displayTokenDto(r: DisplayTokenRow): DisplayTokenDto {
  return {
    id: r.id,
    label: r.label,
    scope: r.township_id === null ? { kind: 'city' } : { kind: 'township', townshipId: r.township_id },
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

const TOKEN_COLUMNS = sql.raw('id, label, township_id, created_at, last_used_at, revoked_at');

export async function insertedDisplayToken(
  db: Queryable,
  label: string,
  townshipId: number | null,
  hash: string,
  createdBy: number | null,
): Promise<DisplayTokenDto> {
  const rows = await db.query<DisplayTokenRow>(sql`
    INSERT INTO display_tokens (label, township_id, token_hash, created_by) VALUES (${label}, ${townshipId}, ${hash}, ${createdBy})
    RETURNING ${TOKEN_COLUMNS}`);
  return displayTokenDto(rows[0]!);
}

export async function displayTokens(db: Queryable): Promise<DisplayTokenDto[]> {
  const rows = await db.query<DisplayTokenRow>(sql`SELECT ${TOKEN_COLUMNS} FROM display_tokens ORDER BY id`);
  return rows.map(displayTokenDto);
}

/** Revokes the token and ends every session opened with it; null when there is no such token. */
export async function revokedDisplayToken(db: Queryable, id: number): Promise<DisplayTokenDto | null> {
  const rows = await db.query<DisplayTokenRow>(sql`
    UPDATE display_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${id} RETURNING ${TOKEN_COLUMNS}`);
  if (!rows[0]) return null;
  await db.query(sql`DELETE FROM sessions WHERE display_token_id = ${id}`);
  credentialsEnded();
  return displayTokenDto(rows[0]);
}

/** An unrevoked display token by the hash of its value. */
export async function liveDisplayTokenByHash(
  db: Queryable,
  hash: string,
): Promise<{ id: number; label: string; township_id: number | null } | null> {
  const rows = await db.query<{ id: number; label: string; township_id: number | null }>(
    sql`SELECT id, label, township_id FROM display_tokens WHERE token_hash = ${hash} AND revoked_at IS NULL`,
  );
  return rows[0] ?? null;
}
