// GET /api/tiles/{layer}/{z}/{x}/{y}.mvt?asOf=: venues, grid cells and hazards as vector tiles,
// with a strong ETag, conditional 304s and gzip when the client accepts it.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { TILE_CONTENT_TYPE, VENUE_TILE_MIN_ZOOM, tileParamsSchema, tileQuerySchema, type TileLayer } from '../../contract/index.ts';
import { readScopeOf, requireTerritorial, scopeKey, type ReadScope } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../deps.ts';
import { validate } from '../../validate.ts';
import type { Queryable } from '@svm/db';
import { encodeTile } from './tile-encoder.ts';
import { mvtTileFromPostgis, TILE_EXTENT, tileFeaturesForEncoder, type TileAddress } from './tiles.queries.ts';

/** The tile bytes; `encoder` picks PostGIS (pg driver only) or the JS encoder (both drivers). */
export async function renderTile(
  db: Queryable, layer: TileLayer, t: TileAddress, asOf: Date, encoder: 'postgis' | 'js', scope: ReadScope,
): Promise<Uint8Array> {
  if (layer === 'venues' && t.z < VENUE_TILE_MIN_ZOOM) return new Uint8Array();
  if (encoder === 'postgis') return mvtTileFromPostgis(db, layer, t, asOf, scope);
  return encodeTile(layer, await tileFeaturesForEncoder(db, layer, t, asOf, scope), TILE_EXTENT);
}

/** "gzip" listed in Accept-Encoding without q=0 (a client may refuse it explicitly). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

// A tile of a fixed past moment changes only when history is corrected; "now" moves on. Private:
// a tile's content depends on who asks, so no shared cache may hand one caller's tile to another.
const CACHE_PINNED = 'private, max-age=3600';
const CACHE_NOW = 'private, max-age=60';

export function tilesRoute({ db }: AppDeps) {
  return new Hono().get('/:layer/:z/:x/:y', validate('param', tileParamsSchema), validate('query', tileQuerySchema), async (c) => {
    const { layer, z, x, y } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const scope = await readScopeOf(c, db);
    if (layer === 'grid-cells') requireTerritorial(scope, 'grid cell tiles');
    const raw = await renderTile(db, layer, { z, x, y }, asOf ?? new Date(), db.driver === 'pg' ? 'postgis' : 'js', scope);
    const gzip = acceptsGzip(c.req.header('Accept-Encoding'));
    const body = gzip && raw.byteLength > 0 ? gzipSync(raw) : raw;
    // strong: one ETag per exact byte sequence sent, so the gzip and identity forms differ
    // keyed on the scope too, so a validator never stands for another jurisdiction's tile
    const etag = `"${createHash('sha256').update(scopeKey(scope)).update('\n').update(raw).digest('base64url').slice(0, 32)}${body === raw ? '' : '-gz'}"`;
    const headers: Record<string, string> = {
      'Content-Type': TILE_CONTENT_TYPE,
      'Cache-Control': asOf ? CACHE_PINNED : CACHE_NOW,
      ETag: etag,
      Vary: 'Accept-Encoding, Cookie, Authorization',
    };
    if (body !== raw) headers['Content-Encoding'] = 'gzip';
    const match = c.req.header('If-None-Match');
    if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      delete headers['Content-Type'];
      delete headers['Content-Encoding'];
      return new Response(null, { status: 304, headers });
    }
    return new Response(body.byteLength ? new Uint8Array(body) : null, { status: 200, headers });
  });
}
