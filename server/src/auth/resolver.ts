// The production ResolveCaller: a session cookie, or a bearer token (a session token from
// `login as token`, or a wall display token), becomes a Caller; anything else is nobody.
// Resolved callers are held a few seconds per resolver (so per app), sparing every tile and
// API call a database round trip.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Queryable } from '@svm/db';
import { CITY_SCOPE, type Caller, type ResolveCaller, type Scope } from './caller.ts';
import {
  credentialEpochNow,
  credentialForTokenHash,
  touchDisplayToken,
  touchSession,
  type CredentialRow,
} from './sessions.queries.ts';
import type { AuthSettings } from './settings.ts';
import { connectionHeld } from '../kernel/connection-hold.ts';
import { tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'svm_session';

/** The presented token: `Authorization: Bearer …` first, then the session cookie. */
export function presentedToken(c: Context): string | null {
  const header = c.req.header('Authorization');
  const bearer = header?.match(/^Bearer\s+(\S{1,200})\s*$/i)?.[1];
  if (bearer) return bearer;
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie && cookie.length <= 200 ? cookie : null;
}

/** Role → read scope (decided in the seam): township and grid worker read their township, a department its categories. */
export function scopeFor(role: Caller['role'], townshipId: number | null, departmentId: number | null): Scope {
  if ((role === 'township' || role === 'grid_worker' || role === null) && townshipId !== null)
    return { kind: 'township', townshipId };
  if (role === 'department' && departmentId !== null) return { kind: 'department', departmentId };
  return CITY_SCOPE;
}

export function callerFromCredential(
  row: Pick<CredentialRow, 'user_id' | 'name' | 'role' | 'township_id' | 'department_id'>,
): Caller {
  const display = row.user_id === null;
  return {
    userId: row.user_id,
    name: row.name,
    role: row.role,
    scope: scopeFor(row.role, row.township_id, row.department_id),
    readOnly: display || row.role === 'planner',
  };
}

/**
 * How long a resolved caller is reused without asking the database. Bounded staleness: a session
 * ended in this process (logout, revocation, deactivation, new password: credentialsEnded) is
 * dropped at once; one ended by another process, by direct SQL, or by a transaction still
 * committing is honoured within ttlMs; a session never outlives its expires_at. Failures are not
 * held (a bad token costs its lookup every time, and cannot fill the memory).
 */
export interface CallerCacheOptions {
  ttlMs: number;
  maxEntries: number;
}
export const CALLER_CACHE: CallerCacheOptions = { ttlMs: 5_000, maxEntries: 1_000 };

interface Held {
  caller: Caller;
  until: number;
  /** the session's own end (expires_at) */
  expires: number;
  epoch: number;
}

export function sessionResolver(
  db: Queryable,
  settings: AuthSettings,
  cache: CallerCacheOptions = CALLER_CACHE,
): ResolveCaller {
  // keyed by the token's hash, never the token itself; a Map iterates oldest first
  const held = new Map<string, Held>();
  return async (c) => {
    const token = presentedToken(c);
    if (!token) return null;
    const hash = tokenHash(token);
    const now = Date.now();
    const hit = held.get(hash);
    // while an import job holds the embedded database's one connection nothing can end a session
    // there (every statement waits for the job), so a held caller stays exact until it expires
    const fresh = (h: Held) => h.until > now || (connectionHeld(db) && h.expires > now);
    if (hit && fresh(hit) && hit.epoch === credentialEpochNow()) return hit.caller;
    if (hit) held.delete(hash);
    const epoch = credentialEpochNow();
    const row = await credentialForTokenHash(db, hash);
    if (!row) return null;
    if (row.stale) {
      if (row.session_id !== null) {
        const days = row.user_id === null ? settings.displaySessionDays * 24 : settings.sessionHours;
        await touchSession(db, row.session_id, days * 3600);
      } else if (row.display_token_id !== null) {
        await touchDisplayToken(db, row.display_token_id);
      }
    }
    const caller = callerFromCredential(row);
    // not held when credentials ended while it was looked up: the row read may predate that
    if (cache.ttlMs > 0 && epoch === credentialEpochNow()) {
      const expires = row.expires_at ? new Date(row.expires_at).getTime() : Infinity;
      held.set(hash, { caller, until: Math.min(now + cache.ttlMs, expires), expires, epoch });
      for (const key of held.keys()) {
        if (held.size <= cache.maxEntries) break;
        held.delete(key);
      }
    }
    return caller;
  };
}
