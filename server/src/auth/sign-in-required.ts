// The one gate in front of the API: every /api route needs a signed-in caller except the few
// that must work before signing in. Routes still read scopeOf(c) for their filtering; this
// only makes sure a route that forgot to cannot answer an anonymous request.
import type { MiddlewareHandler } from 'hono';
import { Problem } from '../kernel/problem.ts';

export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/openapi.json',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/display-session',
]);

export const signInRequired: MiddlewareHandler = async (c, next) => {
  const path = c.req.path.length > 1 ? c.req.path.replace(/\/+$/, '') : c.req.path;
  if (!c.get('caller') && !PUBLIC_API_PATHS.has(path)) {
    throw Problem.unauthorized(
      'sign in first: POST /api/auth/login (a cookie session), or send Authorization: Bearer <token>',
    );
  }
  await next();
};
