// Measurement 1 (and the tile half of 3 and 5): each tile layer over the fixed tile set,
// through the HTTP API and as the route's bare SQL on the database (the floor), one at a time
// (interleaved per tile, alternating which goes first, so neither gets the warmer cache) and at
// concurrency 4; plus each tile's gzip bytes and the same features' GeoJSON bytes.
import { gzipSync } from 'node:zlib';
import { sql, type Queryable } from '@svm/db';
import { CITY_READ_SCOPE, layerSource, renderTile } from '@svm/server/bench';
import type { TileLayer } from '@svm/contract';
import { getRaw } from './bench-server.ts';
import { atConcurrency, figures, ratio, round, timed, type Figures, type Throughput } from './measure.ts';
import { tileKey, type Tile } from './tile-set.ts';

export const TILE_LAYERS: TileLayer[] = ['venues', 'grid-cells', 'hazards'];

export interface TileLayerResult {
  layer: TileLayer;
  tiles: number;
  http: Figures;
  bare: Figures;
  /** median HTTP latency over the bare SQL's (target ≤ 1.15) */
  medianRatio: number | null;
  p95Ratio: number | null;
  byZoom: Record<string, { http: Figures; bare: Figures }>;
  httpC4: Throughput;
  bareC4: Throughput;
  /** HTTP tiles per second at concurrency 4 over the bare SQL's (target ≥ 0.8) */
  throughputRatio: number | null;
}

export interface TileContext {
  url: string;
  token: string;
  /** a pool of at least 4 connections straight to the city database */
  db: Queryable;
  asOf: Date;
}

const tileUrl = (ctx: TileContext, layer: TileLayer, t: Tile) =>
  `${ctx.url}/api/tiles/${layer}/${tileKey(t)}.mvt?asOf=${ctx.asOf.toISOString()}`;
// what a browser sends: gzip accepted, no validator (every tile is a first visit)
const httpTile = (ctx: TileContext, layer: TileLayer, t: Tile) =>
  getRaw(tileUrl(ctx, layer, t), ctx.token, { 'Accept-Encoding': 'gzip' });
const bareTile = (ctx: TileContext, layer: TileLayer, t: Tile) =>
  renderTile(ctx.db, layer, t, ctx.asOf, 'postgis', CITY_READ_SCOPE);

export async function measureTiles(
  ctx: TileContext,
  layer: TileLayer,
  tiles: readonly Tile[],
): Promise<TileLayerResult> {
  const http: number[] = [];
  const bare: number[] = [];
  const zoomSamples = new Map<number, { http: number[]; bare: number[] }>();
  for (const [i, t] of tiles.entries()) {
    const pair =
      i % 2 === 0
        ? [await timed(() => httpTile(ctx, layer, t)), await timed(() => bareTile(ctx, layer, t))]
        : [await timed(() => bareTile(ctx, layer, t)), await timed(() => httpTile(ctx, layer, t))].reverse();
    http.push(pair[0]!);
    bare.push(pair[1]!);
    const z = zoomSamples.get(t.z) ?? { http: [], bare: [] };
    z.http.push(pair[0]!);
    z.bare.push(pair[1]!);
    zoomSamples.set(t.z, z);
  }
  // a moment not asked before: the server holds the tiles of the pass above (pinned asOf), and the
  // figure is of tiles computed, as the bare SQL's are, not of tiles served from memory
  const c4 = { ...ctx, asOf: new Date(ctx.asOf.getTime() - 1000) };
  const httpC4 = await atConcurrency(tiles, 4, (t) => httpTile(c4, layer, t));
  const bareC4 = await atConcurrency(tiles, 4, (t) => bareTile(c4, layer, t));
  const h = figures(http);
  const b = figures(bare);
  return {
    layer,
    tiles: tiles.length,
    http: h,
    bare: b,
    medianRatio: ratio(h.medianMs, b.medianMs),
    p95Ratio: ratio(h.p95Ms, b.p95Ms),
    byZoom: Object.fromEntries(
      [...zoomSamples].map(([z, s]) => [`z${z}`, { http: figures(s.http), bare: figures(s.bare) }]),
    ),
    httpC4,
    bareC4,
    throughputRatio: ratio(httpC4.perSecond, bareC4.perSecond),
  };
}

export interface TilePayload {
  layer: TileLayer;
  tiles: number;
  /** mean bytes per tile, over the tiles with at least one feature */
  mvtGzipBytes: number;
  mvtBytes: number;
  geojsonBytes: number;
  geojsonGzipBytes: number;
  /** gzip MVT bytes over the same features' GeoJSON bytes (gzip too) */
  gzipRatio: number | null;
}

/** Bytes of each tile as sent (gzip) against the same rows as a GeoJSON FeatureCollection. */
export async function measurePayload(ctx: TileContext, layer: TileLayer, tiles: readonly Tile[]): Promise<TilePayload> {
  let n = 0;
  let mvt = 0;
  let mvtGz = 0;
  let gj = 0;
  let gjGz = 0;
  for (const t of tiles) {
    const got = await httpTile(ctx, layer, t);
    if (got.bytes === 0) continue;
    const gzipped = got.headers['content-encoding'] === 'gzip';
    const raw = await bareTile(ctx, layer, t);
    const rows = await ctx.db.query<{ fc: string | null }>(sql`
      SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
               'type', 'Feature', 'id', fid, 'geometry', ST_AsGeoJSON(geom, 6)::json, 'properties', props) ORDER BY fid), '[]'::json))::text AS fc
        FROM (${layerSource(layer, t, ctx.asOf, CITY_READ_SCOPE)}) s`);
    const geojson = Buffer.from(rows[0]?.fc ?? '', 'utf8');
    n++;
    mvt += raw.byteLength;
    mvtGz += gzipped ? got.bytes : gzipSync(got.body).byteLength;
    gj += geojson.byteLength;
    gjGz += gzipSync(geojson).byteLength;
  }
  const mean = (v: number) => (n === 0 ? 0 : round(v / n, 0));
  return {
    layer,
    tiles: n,
    mvtGzipBytes: mean(mvtGz),
    mvtBytes: mean(mvt),
    geojsonBytes: mean(gj),
    geojsonGzipBytes: mean(gjGz),
    gzipRatio: ratio(mvtGz, gjGz),
  };
}
