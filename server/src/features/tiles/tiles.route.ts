// GET /api/tiles/{layer}/{z}/{x}/{y}.mvt?asOf=: venues, grid cells and hazards as vector tiles,
// with a strong ETag, conditional 304s and gzip when the client accepts it. Tiles of a pinned
// asOf are held per app (raw and gzip, compressed once) under the data version they were read at.
import { createHash } from 'node:crypto';
import { gzip as gzipAsync, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import {
  TILE_CONTENT_TYPE,
  VENUE_TILE_MIN_ZOOM,
  tileParamsSchema,
  tileQuerySchema,
  type TileLayer,
} from '@svm/contract';
import { readScopeOf, requireTerritorial, scopeKey, type ReadScope } from '../../auth/scope.queries.ts';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { validate } from '../../kernel/validate.ts';
import type { Queryable } from '@svm/db';
import { encodeTile } from './tile-encoder.ts';
import {
  mvtTileFromPostgis,
  TILE_EXTENT,
  tileFeaturesForEncoder,
  type TileAddress,
  type VersionedTile,
} from './tiles.queries.ts';

/** The tile bytes and the data version they were read at; `encoder` picks PostGIS (pg driver
 *  only: one statement) or the JS encoder (both drivers: the version is read first). */
export async function renderVersionedTile(
  db: Queryable,
  layer: TileLayer,
  t: TileAddress,
  asOf: Date,
  encoder: 'postgis' | 'js',
  scope: ReadScope,
): Promise<VersionedTile> {
  // empty below the zoom where venue points are drawn, whatever the data: version 0 stands for that
  if (layer === 'venues' && t.z < VENUE_TILE_MIN_ZOOM) return { raw: new Uint8Array(), version: 0 };
  if (encoder === 'postgis') return mvtTileFromPostgis(db, layer, t, asOf, scope);
  const version = await dataVersion(db);
  return { raw: encodeTile(layer, await tileFeaturesForEncoder(db, layer, t, asOf, scope), TILE_EXTENT), version };
}

/** The tile bytes alone (tests, the benchmark's floor: the same SQL the route runs). */
export async function renderTile(
  db: Queryable,
  layer: TileLayer,
  t: TileAddress,
  asOf: Date,
  encoder: 'postgis' | 'js',
  scope: ReadScope,
): Promise<Uint8Array> {
  return (await renderVersionedTile(db, layer, t, asOf, encoder, scope)).raw;
}

/** "gzip" listed in Accept-Encoding without q=0 (a client may refuse it explicitly). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((p) => p.trim());
    return (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

const gzipLater = promisify(gzipAsync);
// small tiles compress in well under a millisecond; larger ones go to the thread pool, so a big
// venue tile does not hold every other request on the event loop while it is compressed
const SYNC_GZIP_BYTES = 32 * 1024;
const gzipped = async (raw: Uint8Array): Promise<Uint8Array> =>
  raw.byteLength <= SYNC_GZIP_BYTES ? gzipSync(raw) : gzipLater(raw);

/** A held tile: both encodings, compressed once. */
interface HeldTile {
  raw: Uint8Array;
  gzip: Uint8Array | null;
}
const heldBytes = (h: HeldTile) => h.raw.byteLength + (h.gzip?.byteLength ?? 0);

const digest = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\n');
  return hash.digest('base64url').slice(0, 32);
};

// A tile of a fixed past moment changes only when history is corrected; "now" moves on. Private:
// a tile's content depends on who asks, so no shared cache may hand one caller's tile to another.
const CACHE_PINNED = 'private, max-age=3600';
const CACHE_NOW = 'private, max-age=60';

/** Whether an If-None-Match header names `etag` (or is `*`). */
const matches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');

function tileResponse(
  body: Uint8Array,
  encoded: boolean,
  etag: string,
  cacheControl: string,
  ifNoneMatch: string | undefined,
): Response {
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding, Cookie, Authorization',
  };
  if (matches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = TILE_CONTENT_TYPE;
  if (encoded) headers['Content-Encoding'] = 'gzip';
  return new Response(body.byteLength ? new Uint8Array(body) : null, { status: 200, headers });
}

// Strong ETags, keyed on the scope (a validator never stands for another jurisdiction's tile) and
// on the encoding asked for (the gzip and identity forms differ). A held tile's tag is its key and
// data version, so a revalidation is answered from one read of the version, without the tile query.
const versionTag = (version: number, key: string, gzip: boolean) =>
  `"${digest(`v${version}`, key)}${gzip ? '-gz' : ''}"`;
const contentTag = (scope: ReadScope, raw: Uint8Array, gzip: boolean) =>
  `"${digest(scopeKey(scope), raw)}${gzip ? '-gz' : ''}"`;

export function tilesRoute({ db }: AppDeps) {
  // per app, not per process: test apps never see each other's tiles
  const held = new VersionedCache<HeldTile>({ maxEntries: 4096, maxBytes: 128 * 1024 * 1024, sizeOf: heldBytes });
  const encoder = db.driver === 'pg' ? 'postgis' : 'js';
  const hold = async (raw: Uint8Array): Promise<HeldTile> => ({
    raw,
    gzip: raw.byteLength ? await gzipped(raw) : null,
  });
  return new Hono().get(
    '/:layer/:z/:x/:y',
    validate('param', tileParamsSchema),
    validate('query', tileQuerySchema),
    async (c) => {
      const { layer, z, x, y } = c.req.valid('param');
      const { asOf } = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      if (layer === 'grid-cells') requireTerritorial(scope, 'grid cell tiles');
      const t = { z, x, y };
      const wantsGzip = acceptsGzip(c.req.header('Accept-Encoding'));
      const ifNoneMatch = c.req.header('If-None-Match');
      if (!asOf) {
        // "now" is exact only at this instant (overdue flips as time passes): never held
        const { raw } = await renderVersionedTile(db, layer, t, new Date(), encoder, scope);
        const body = wantsGzip && raw.byteLength ? await gzipped(raw) : raw;
        return tileResponse(body, body !== raw, contentTag(scope, raw, body !== raw), CACHE_NOW, ifNoneMatch);
      }
      const key = `${layer}/${z}/${x}/${y}@${asOf.toISOString()}#${scopeKey(scope)}`;
      // the version is read first only when it can spare the tile query (a validator to check, a tile
      // held); a cold tile reads it in its own statement
      let version: number | null | undefined;
      if (ifNoneMatch || held.has(key)) {
        version = await dataVersion(db);
        if (version !== null && matches(ifNoneMatch, versionTag(version, key, wantsGzip))) {
          return tileResponse(new Uint8Array(), false, versionTag(version, key, wantsGzip), CACHE_PINNED, ifNoneMatch);
        }
      }
      let tile: HeldTile;
      if (typeof version === 'number') {
        tile = await held.get(key, version, async () =>
          hold((await renderVersionedTile(db, layer, t, asOf, encoder, scope)).raw),
        );
      } else {
        const read = await renderVersionedTile(db, layer, t, asOf, encoder, scope);
        // null: the caller's own transaction wrote something uncommitted, so nothing is held
        version = version === null ? null : read.version;
        tile = version === null ? { raw: read.raw, gzip: null } : await held.get(key, version, () => hold(read.raw));
      }
      const gzip = wantsGzip && tile.raw.byteLength > 0 ? (tile.gzip ?? (await gzipped(tile.raw))) : null;
      const etag = version === null ? contentTag(scope, tile.raw, gzip !== null) : versionTag(version, key, wantsGzip);
      return tileResponse(gzip ?? tile.raw, gzip !== null, etag, CACHE_PINNED, ifNoneMatch);
    },
  );
}
