// Sessions and display tokens in the database, looked up by the sha256 of the presented token.
import { sql, type Queryable } from '@svm/db';
import type { Role } from './caller.ts';

/** Who a presented token stands for: a person (through a session) or a wall display. */
export interface CredentialRow {
  session_id: number | null;
  display_token_id: number | null;
  user_id: number | null;
  name: string;
  role: Role | null;
  /** a person's township (township, grid_worker) or a display's bound township */
  township_id: number | null;
  department_id: number | null;
  /** a session whose last use is over a minute old: extend it */
  stale: boolean;
  /** when the session ends unless used again (null: a display token's bearer, which does not expire) */
  expires_at: Date | null;
}

// Bumped whenever this process ends credentials (logout, revocation, deactivation, a new password),
// so resolvers drop the callers they hold (auth/resolver.ts); a counter, not a cache: test apps
// sharing it only forget more often.
let credentialEpoch = 0;
export const credentialsEnded = (): void => void credentialEpoch++;
export const credentialEpochNow = (): number => credentialEpoch;

/**
 * The credential behind a token hash: a live session of an active user or of an unrevoked
 * display token, or (a bearer) an unrevoked display token itself. Null when none is valid.
 */
export async function credentialForTokenHash(db: Queryable, hash: string): Promise<CredentialRow | null> {
  const rows = await db.query<CredentialRow>(sql`
    SELECT s.id::int8 AS session_id, s.display_token_id, s.user_id,
           coalesce(u.display_name, d.label) AS name, u.role::text AS role,
           coalesce(u.township_id, d.township_id) AS township_id, u.department_id,
           s.last_seen_at < now() - interval '1 minute' AS stale, s.expires_at
      FROM sessions s
      LEFT JOIN users u ON u.id = s.user_id AND u.active
      LEFT JOIN display_tokens d ON d.id = s.display_token_id AND d.revoked_at IS NULL
     WHERE s.token_hash = ${hash} AND s.expires_at > now() AND (u.id IS NOT NULL OR d.id IS NOT NULL)
    UNION ALL
    SELECT NULL, d.id, NULL, d.label, NULL, d.township_id, NULL,
           d.last_used_at IS NULL OR d.last_used_at < now() - interval '1 minute', NULL
      FROM display_tokens d
     WHERE d.token_hash = ${hash} AND d.revoked_at IS NULL
     LIMIT 1`);
  return rows[0] ?? null;
}

/** Slides a session's expiry forward from now (called at most once a minute per session). */
export async function touchSession(db: Queryable, sessionId: number, lifetimeSeconds: number): Promise<void> {
  await db.query(sql`UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => ${lifetimeSeconds}::float8)
                      WHERE id = ${sessionId}`);
}

export async function touchDisplayToken(db: Queryable, id: number): Promise<void> {
  await db.query(sql`UPDATE display_tokens SET last_used_at = now() WHERE id = ${id}`);
}

/** A new session for a person or a display; returns its expiry. */
export async function createdSession(
  db: Queryable,
  holder: { userId: number } | { displayTokenId: number },
  hash: string,
  lifetimeSeconds: number,
  address: string,
): Promise<Date> {
  const userId = 'userId' in holder ? holder.userId : null;
  const displayTokenId = 'displayTokenId' in holder ? holder.displayTokenId : null;
  const rows = await db.query<{ expires_at: Date }>(sql`
    INSERT INTO sessions (token_hash, user_id, display_token_id, expires_at, address)
    VALUES (${hash}, ${userId}, ${displayTokenId}, now() + make_interval(secs => ${lifetimeSeconds}::float8), ${address})
    RETURNING expires_at`);
  return rows[0]!.expires_at;
}

/** Ends the session with this token hash; returns the person it belonged to (null: none, or a display's). */
export async function deletedSession(db: Queryable, hash: string): Promise<{ user_id: number | null } | null> {
  const rows = await db.query<{ user_id: number | null }>(
    sql`DELETE FROM sessions WHERE token_hash = ${hash} RETURNING user_id`,
  );
  // after the delete: a lookup racing it can no longer find the session once the epoch moves
  credentialsEnded();
  return rows[0] ?? null;
}

/** Expired sessions are dead weight; dropped now and then at sign-in. */
export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query(sql`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
}
