// The production ResolveCaller: a session cookie, or a bearer token (a session token from
// `login as token`, or a wall display token), becomes a Caller; anything else is nobody.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Queryable } from '@svm/db';
import { CITY_SCOPE, type Caller, type ResolveCaller, type Scope } from './caller.ts';
import { credentialForTokenHash, touchDisplayToken, touchSession, type CredentialRow } from './sessions.queries.ts';
import type { AuthSettings } from './settings.ts';
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
  if ((role === 'township' || role === 'grid_worker' || role === null) && townshipId !== null) return { kind: 'township', townshipId };
  if (role === 'department' && departmentId !== null) return { kind: 'department', departmentId };
  return CITY_SCOPE;
}

export function callerFromCredential(row: Pick<CredentialRow, 'user_id' | 'name' | 'role' | 'township_id' | 'department_id'>): Caller {
  const display = row.user_id === null;
  return {
    userId: row.user_id,
    name: row.name,
    role: row.role,
    scope: scopeFor(row.role, row.township_id, row.department_id),
    readOnly: display || row.role === 'planner',
  };
}

export function sessionResolver(db: Queryable, settings: AuthSettings): ResolveCaller {
  return async (c) => {
    const token = presentedToken(c);
    if (!token) return null;
    const row = await credentialForTokenHash(db, tokenHash(token));
    if (!row) return null;
    if (row.stale) {
      if (row.session_id !== null) {
        const days = row.user_id === null ? settings.displaySessionDays * 24 : settings.sessionHours;
        await touchSession(db, row.session_id, days * 3600);
      } else if (row.display_token_id !== null) {
        await touchDisplayToken(db, row.display_token_id);
      }
    }
    return callerFromCredential(row);
  };
}
