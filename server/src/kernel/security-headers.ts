// Security headers on every response (API, web app, errors). The app is same-origin and
// offline, so nothing remote is allowed and no CORS header is ever sent; the one exception is a
// deployment's own basemap (BASEMAP_STYLE_URL), whose origin may be fetched from.
import type { MiddlewareHandler } from 'hono';

/**
 * MapLibre GL and deck.gl need: workers from the app's own files (and blob: URLs, which
 * MapLibre falls back to), WebGL (no CSP directive), images and sprites from data:/blob:,
 * inline style attributes (MapLibre positions markers and controls with them), and fetches
 * of tiles and GeoJSON from the same origin only.
 *
 * With a basemap style URL its origin joins connect-src (the style, its TileJSON, tiles, glyphs
 * and sprites are all fetched, by the page and by MapLibre's workers) and img-src (sprite and
 * raster images). The header is the same on every response, the worker scripts included: a
 * worker loaded from a file runs under the policy its own response carries.
 */
export function contentSecurityPolicy(basemapStyleUrl?: string | null): string {
  const basemap = basemapStyleUrl ? ` ${new URL(basemapStyleUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `img-src 'self' data: blob:${basemap}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    `connect-src 'self'${basemap}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of an offline deployment (no basemap style URL). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

const HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// A same-origin app grants no other origin anything; a route that set one would be a leak.
const CORS_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
];

/** The headers middleware, its CSP opened to the basemap style's origin when there is one. */
export function securityHeadersFor(basemapStyleUrl?: string | null): MiddlewareHandler {
  const csp = contentSecurityPolicy(basemapStyleUrl);
  return async (c, next) => {
    await next();
    // problems and static files arrive here too (hono renders onError/notFound inside next())
    c.res.headers.set('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
    for (const name of CORS_HEADERS) c.res.headers.delete(name);
  };
}

export const securityHeaders: MiddlewareHandler = securityHeadersFor(null);
