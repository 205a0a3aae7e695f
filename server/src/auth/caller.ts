// Who is asking, and what they may see: the one seam between authentication (which builds a
// Caller from a session cookie, bearer token or display token) and every route (which reads
// the caller's Scope and passes it to its named queries, where the filtering happens).
import type { Context, MiddlewareHandler } from 'hono';
import { Problem } from '../problem.ts';

export type Role = 'city' | 'township' | 'department' | 'grid_worker' | 'planner' | 'admin';

/**
 * The part of the city a caller may read. Queries filter by it in SQL:
 * - `city`: everything (command center, planner, admin);
 * - `township`: venues, cells, hazards, patrols and clusters of one township;
 * - `department`: venues (and their hazards/patrols) whose category is one of the
 *   department's categories, anywhere in the city.
 */
export type Scope =
  | { kind: 'city' }
  | { kind: 'township'; townshipId: number }
  | { kind: 'department'; departmentId: number };

export interface Caller {
  /** null for a wall display token, which is not a person */
  userId: number | null;
  name: string;
  /** null for a wall display token */
  role: Role | null;
  scope: Scope;
  /** display tokens and planners read only */
  readOnly: boolean;
}

/** Builds the caller of a request, or null when it carries no valid credentials. */
export type ResolveCaller = (c: Context) => Promise<Caller | null>;

export const CITY_SCOPE: Scope = { kind: 'city' };

declare module 'hono' {
  interface ContextVariableMap {
    caller: Caller | null;
  }
}

/** Resolves the caller once per request and keeps it on the context. */
export function identify(resolve: ResolveCaller): MiddlewareHandler {
  return async (c, next) => {
    c.set('caller', await resolve(c));
    await next();
  };
}

/** The signed-in caller (401 problem when there is none). */
export function callerOf(c: Context): Caller {
  const caller = c.get('caller');
  if (!caller) throw Problem.unauthorized('sign in first: POST /api/auth/login, or send a bearer token');
  return caller;
}

/** The signed-in caller's read scope (401 problem when there is none). */
export function scopeOf(c: Context): Scope {
  return callerOf(c).scope;
}
