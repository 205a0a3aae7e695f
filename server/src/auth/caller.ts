// Who is asking, and what they may see: the one seam between authentication (which builds a
// Caller from a session cookie, bearer token or display token) and every route (which reads
// the caller's Scope and passes it to its named queries, where the filtering happens).
import type { Context, MiddlewareHandler } from 'hono';
import { Problem } from '../kernel/problem.ts';
import type { Caller, ResolveCaller, Scope } from '../kernel/identity.ts';

// the shapes live in kernel/identity.ts so AppDeps can name them; code above kernel/ imports them from here
export type { Caller, ResolveCaller, Role, Scope } from '../kernel/identity.ts';

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
