// Named tile queries: each layer's features as of a moment inside a tile, encoded either by
// PostGIS (ST_AsMVT, PostgreSQL server) or clipped and quantised in SQL for the JS encoder
// (PGlite's PostGIS is built without protobuf-c, so ST_AsMVT/ST_AsMVTGeom raise there).
import { sql, type Queryable, type SQL } from '@svm/db';
import type { TileLayer } from '@svm/contract';
import { townshipInScope, venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export const TILE_EXTENT = 4096;
/** tile units of context kept around each tile so lines and outlines do not end at its edge */
export const TILE_BUFFER = 64;

// constants written into the SQL text (never request data): unary minus on a parameter of
// unknown type does not resolve in PostgreSQL
const EXTENT = sql.raw(String(TILE_EXTENT));
const BUFFER = sql.raw(String(TILE_BUFFER));
const EXTENT_PLUS_BUFFER = sql.raw(String(TILE_EXTENT + TILE_BUFFER));

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

// The tile's bounds in 4326 with the buffer, for `&&` against the GiST-indexed geom column.
const bounds4326 = (t: TileAddress) =>
  sql`ST_Transform(ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int, margin => ${TILE_BUFFER / TILE_EXTENT}::float8), 4326)`;

/** Each layer's rows in the scope: fid (feature id), geom (4326) and props, a jsonb of what the map
 *  styles and filters by (nulls stripped: MVT has no null, a missing value is left out). */
export function layerSource(layer: TileLayer, t: TileAddress, asOf: Date, scope: ReadScope): SQL {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  switch (layer) {
    case 'venues':
      // active venues as of then; misgraded = assigned level lower than computed (enum high < medium < low)
      return sql`SELECT v.id AS fid, v.geom, jsonb_build_object('id', v.id, 'riskLevel', v.risk_level, 'category', v.category,
                        'registration', v.registration, 'overdue', s.overdue, 'misgraded', v.risk_level > g.computed_level) AS props
                   FROM venues v
                   JOIN venue_patrol_status(${at}) s ON s.venue_id = v.id
                   JOIN venue_grades(${at}) g ON g.venue_id = v.id
                  WHERE v.geom && ${bounds4326(t)} AND ${venueInScope(scope)}`;
    case 'grid-cells':
      return sql`SELECT c.id AS fid, c.geom, jsonb_strip_nulls(jsonb_build_object('id', c.id, 'code', c.code, 'townshipId', c.township_id,
                        'daysSincePatrol', s.days_since_patrol, 'unpatrolled', s.unpatrolled, 'hasWorker', c.worker_id IS NOT NULL)) AS props
                   FROM grid_cells c
                   JOIN cell_patrol_status(${at}) s ON s.grid_cell_id = c.id
                  -- cells are territorial: none for a department scope (the route answers it 403)
                  WHERE c.geom && ${bounds4326(t)} AND ${townshipInScope(scope, 'c.township_id')}
                    AND ${scope.categories === null}::boolean`;
    case 'hazards':
      // hazards open as of then (the ledger holds the closed history); status as it stood then
      // comes from hazard_states, the same definition the ledger uses
      return sql`SELECT h.hazard_id AS fid, v.geom, jsonb_build_object('id', h.hazard_id, 'status', st.status,
                        'overdue', coalesce(h.overdue, false), 'rebound', h.rebound_of IS NOT NULL, 'type', h.type_code) AS props
                   FROM hazards_as_of(${at}) h
                   JOIN hazard_states(${at}) st ON st.hazard_id = h.hazard_id
                   JOIN venues v ON v.id = h.venue_id
                  WHERE h.is_open AND v.geom && ${bounds4326(t)} AND ${venueInScope(scope)}`;
  }
}

const LAYER_NAME: Record<TileLayer, SQL> = {
  venues: sql`'venues'`,
  'grid-cells': sql`'grid-cells'`,
  hazards: sql`'hazards'`,
};

/** A tile's bytes and the data version they were read at (null: the caller's transaction has
 *  uncommitted writes, do not cache; the reading of kernel/cache/data-version.queries.ts's dataVersion). */
export interface VersionedTile {
  raw: Uint8Array;
  version: number | null;
}

/** The encoded tile from PostGIS itself (PostgreSQL server only). The data version is read in the
 *  same statement, so tile and version come from one snapshot and a cold tile costs one round trip. */
export async function mvtTileFromPostgis(
  db: Queryable,
  layer: TileLayer,
  t: TileAddress,
  asOf: Date,
  scope: ReadScope,
): Promise<VersionedTile> {
  if (!JIT_PRONE.has(layer)) return mvtTile(db, layer, t, asOf, scope);
  // SET LOCAL ends with the transaction; three short statements against a JIT compile of seconds
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return mvtTile(tx, layer, t, asOf, scope);
  });
}

// Venue and hazard tiles are costed high (a status lookup per venue, PostGIS functions per row),
// so PostgreSQL JIT-compiles them, for longer than they run: on the 200k city 1.9 s of a 5.6 s
// z14 venue tile, 110 ms of a hazard tile (EXPLAIN ANALYZE). Grid-cell tiles stay under the JIT cost.
const JIT_PRONE: ReadonlySet<TileLayer> = new Set(['venues', 'hazards']);

async function mvtTile(
  db: Queryable,
  layer: TileLayer,
  t: TileAddress,
  asOf: Date,
  scope: ReadScope,
): Promise<VersionedTile> {
  const envelope = sql`ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int)`;
  const rows = await db.query<{ tile: Uint8Array | null; version: number; dirty: boolean }>(sql`
    -- MATERIALIZED: the tile-geometry test stays above the joins, so features are clipped only
    -- for rows that survive them (a hazard tile's venues without an open hazard are never clipped)
    WITH src AS MATERIALIZED (${layerSource(layer, t, asOf, scope)}),
         mvt AS (SELECT src.*, ST_AsMVTGeom(ST_Transform(src.geom, 3857), ${envelope}, ${EXTENT}, ${BUFFER}, true) AS tile_geom
                   FROM src)
    SELECT ST_AsMVT(q, ${LAYER_NAME[layer]}, ${EXTENT}, 'tile_geom', 'fid') AS tile,
           (SELECT version FROM data_version WHERE id = 1) AS version, txid_current_if_assigned() IS NOT NULL AS dirty
      FROM (SELECT fid, props, tile_geom FROM mvt WHERE tile_geom IS NOT NULL ORDER BY fid) q`);
  const row = rows[0];
  return {
    raw: row?.tile ?? new Uint8Array(),
    version: row && !row.dirty && row.version !== null ? Number(row.version) : null,
  };
}

export interface TileFeatureRow {
  fid: number;
  props: Record<string, string | number | boolean>;
  /** GeoJSON of the geometry in tile coordinates: 0..4096, y down, snapped to whole units */
  tile_geom: string;
}

/**
 * The layer's features clipped and quantised in SQL the way ST_AsMVTGeom does: into 3857,
 * clipped to the tile plus its buffer, mapped to 0..extent with y pointing down, snapped to
 * whole units, and polygons made valid with exterior rings of positive area in tile space
 * (clockwise on screen), as the MVT spec requires.
 */
export async function tileFeaturesForEncoder(
  db: Queryable,
  layer: TileLayer,
  t: TileAddress,
  asOf: Date,
  scope: ReadScope,
): Promise<TileFeatureRow[]> {
  const bounds = sql`ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int, margin => ${TILE_BUFFER / TILE_EXTENT}::float8)`;
  const envelope = sql`ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int)`;
  return db.query<TileFeatureRow>(sql`
    WITH src AS (${layerSource(layer, t, asOf, scope)}),
         env AS (SELECT ST_XMin(e) AS x0, ST_YMax(e) AS y1, ST_XMax(e) - ST_XMin(e) AS w, ST_YMax(e) - ST_YMin(e) AS h
                   FROM ${envelope} AS e),
         clipped AS (
           SELECT src.*, CASE WHEN GeometryType(src.geom) IN ('POINT', 'MULTIPOINT')
                              THEN ST_Transform(src.geom, 3857)
                              ELSE ST_ClipByBox2D(ST_Transform(src.geom, 3857), ${bounds}) END AS g3857
             FROM src),
         quantised AS (
           -- SRID 0 from here: tile space is no projection
           SELECT clipped.*, ST_SnapToGrid(ST_Affine(ST_SetSRID(g3857, 0), ${EXTENT} / env.w, 0, 0, -${EXTENT} / env.h,
                                                      -env.x0 * ${EXTENT} / env.w, env.y1 * ${EXTENT} / env.h), 1) AS q
             FROM clipped, env),
         shaped AS (
           SELECT quantised.*, CASE WHEN GeometryType(q) IN ('POLYGON', 'MULTIPOLYGON')
                                    THEN ST_ForcePolygonCCW(ST_CollectionExtract(ST_MakeValid(q), 3))
                                    ELSE q END AS tg
             FROM quantised
            WHERE NOT ST_IsEmpty(q)
              AND ST_Intersects(q, ST_MakeEnvelope(-${BUFFER}, -${BUFFER}, ${EXTENT_PLUS_BUFFER}, ${EXTENT_PLUS_BUFFER})))
    SELECT fid, props, ST_AsGeoJSON(tg) AS tile_geom
      FROM shaped
     WHERE NOT ST_IsEmpty(tg)
     ORDER BY fid`);
}
