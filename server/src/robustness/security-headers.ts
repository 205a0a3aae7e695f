// Security headers on every response (API, web app, errors). The app is same-origin and
// offline, so nothing remote is allowed and no CORS header is ever sent.
import type { MiddlewareHandler } from 'hono';

/**
 * MapLibre GL and deck.gl need: workers from the app's own files (and blob: URLs, which
 * MapLibre falls back to), WebGL (no CSP directive), images and sprites from data:/blob:,
 * inline style attributes (MapLibre positions markers and controls with them), and fetches
 * of tiles and GeoJSON from the same origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// A same-origin app grants no other origin anything; a route that set one would be a leak.
const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers'];

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // problems and static files arrive here too (hono renders onError/notFound inside next())
  for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
  for (const name of CORS_HEADERS) c.res.headers.delete(name);
};
