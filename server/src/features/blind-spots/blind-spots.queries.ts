// Named queries behind GET /api/blind-spots: coverage gaps, unassigned cells, unregistered venue
// density, unmatched reference points, unpatrolled cells and misgraded venues, as of a moment.
import { sql, type Queryable } from '@svm/db';
import { townshipInScope, venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
// the township asked for, within the scope (the route refuses department scopes: blind spots are territorial)
const inTownship = (scope: ReadScope, col: string, townshipId: number | null) =>
  sql`(${townshipId}::int IS NULL OR ${sql.raw(col)} = ${townshipId}::int) AND ${townshipInScope(scope, col)}`;

export interface GeoRow {
  id: number;
  geometry: string;
}

/**
 * Township minus the union of its cells, split into parts. Overlays use a 1e-7° grid size:
 * the seed snap-rounds boundaries to 1e-7°, and a fixed-precision overlay cannot throw the
 * TopologyException a floating one can. Parts under 100 m² are slivers, not gaps.
 */
export async function coverageGaps(db: Queryable, scope: ReadScope, townshipId: number | null) {
  return db.query<GeoRow & { township_id: number; township_name: string; area_m2: number }>(sql`
    SELECT row_number() OVER (ORDER BY t.id, d.path)::int AS id, t.id AS township_id, t.name AS township_name,
           ST_Area(d.geom::geography) AS area_m2, ST_AsGeoJSON(d.geom, 7) AS geometry
      FROM townships t
      LEFT JOIN LATERAL (SELECT ST_Union(c.geom, 1e-7) AS u FROM grid_cells c WHERE c.township_id = t.id) cells ON true
     CROSS JOIN LATERAL ST_Dump(CASE WHEN cells.u IS NULL THEN t.geom ELSE ST_Difference(t.geom, cells.u, 1e-7) END) d
     WHERE ${inTownship(scope, 't.id', townshipId)}
       AND GeometryType(d.geom) = 'POLYGON' AND ST_Area(d.geom::geography) >= 100
     ORDER BY t.id, d.path`);
}

export async function cellsWithoutWorker(db: Queryable, scope: ReadScope, townshipId: number | null) {
  return db.query<GeoRow & { code: string; name: string; township_id: number }>(sql`
    SELECT c.id, c.code, c.name, c.township_id, ST_AsGeoJSON(c.geom, 7) AS geometry
      FROM grid_cells c
     WHERE c.worker_id IS NULL AND ${inTownship(scope, 'c.township_id', townshipId)}
     ORDER BY c.code`);
}

/** Cells holding active venues found unregistered, with their count per km² of the cell. */
export async function unregisteredDensity(db: Queryable, scope: ReadScope, asOf: Date, townshipId: number | null) {
  return db.query<GeoRow & { code: string; township_id: number; count: number; area_km2: number }>(sql`
    SELECT c.id, c.code, c.township_id, n.count, ST_Area(c.geom::geography) / 1e6 AS area_km2, ST_AsGeoJSON(c.geom, 7) AS geometry
      FROM grid_cells c
      JOIN (SELECT v.grid_cell_id, count(*)::int AS count
              FROM venues v
             WHERE v.registration = 'found_unregistered' AND v.registered_at <= ${iso(asOf)}
               AND (v.closed_at IS NULL OR v.closed_at > ${iso(asOf)})
             GROUP BY v.grid_cell_id) n ON n.grid_cell_id = c.id
     WHERE ${inTownship(scope, 'c.township_id', townshipId)}
     ORDER BY n.count DESC, c.code`);
}

/**
 * Active venues found unregistered by then, wherever they stand: also those in a coverage gap,
 * outside every grid cell, which the per-cell density layer cannot show (DESIGN: census blind
 * spots are the venues found unregistered). The township is the venue's own.
 */
export async function unregisteredVenueCount(
  db: Queryable,
  scope: ReadScope,
  asOf: Date,
  townshipId: number | null,
): Promise<number> {
  const rows = await db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM venues v
     WHERE v.registration = 'found_unregistered' AND v.registered_at <= ${iso(asOf)}
       AND (v.closed_at IS NULL OR v.closed_at > ${iso(asOf)}) AND ${inTownship(scope, 'v.township_id', townshipId)}`);
  return rows[0]?.n ?? 0;
}

/**
 * Reference points with no venue of the register (active as of then) within the policy's
 * reference_match_m, measured on the spheroid; a township scope sees the points inside its township,
 * and the nearest venue it is told of (when one is within 1000 m) is one it may see. The `&&`
 * prefilters use the GiST index with expand_metres (migration 0011), a box in degrees that holds
 * every point within so many metres at any latitude; the exact test on the spheroid follows.
 * A point whose kept proof (matched_since, migration 0010: an open venue within match_m registered
 * then) is not later than asOf is matched without a probe; the others are probed as the definition reads.
 */
export async function unmatchedReferencePoints(db: Queryable, scope: ReadScope, asOf: Date, townshipId: number | null) {
  return db.query<
    GeoRow & { source: string; external_id: string; name: string; category: string; nearest_m: number | null }
  >(sql`
    SELECT r.id, r.source, r.external_id, r.name, r.category, ST_AsGeoJSON(r.geom, 7) AS geometry,
           -- the venue nearest in degrees (KNN on the GiST index) is not always the nearest on the
           -- ground (a degree of longitude is the shorter), but its distance bounds the nearest, so the
           -- minimum is taken over the few venues within that bound (1000 m at most) rather than over
           -- every venue within 1000 m: thousands in the city centre. Beyond 1000 m: none (null).
           (SELECT min(d.m)
              FROM (SELECT least((SELECT ST_Distance(n.geom::geography, r.geom::geography) FROM venues n
                                   WHERE n.registered_at <= ${iso(asOf)} AND ${venueInScope(scope, 'n')}
                                     AND (n.closed_at IS NULL OR n.closed_at > ${iso(asOf)})
                                   ORDER BY n.geom <-> r.geom LIMIT 1), 1000) AS m) k
              JOIN venues v ON v.geom && expand_metres(r.geom, k.m)
             CROSS JOIN LATERAL (SELECT ST_Distance(v.geom::geography, r.geom::geography) AS m) d
             WHERE v.registered_at <= ${iso(asOf)} AND ${venueInScope(scope)}
               AND (v.closed_at IS NULL OR v.closed_at > ${iso(asOf)}) AND d.m <= 1000) AS nearest_m
      FROM reference_points r
     CROSS JOIN patrol_policy p
     WHERE (r.matched_since IS NULL OR r.matched_since > ${iso(asOf)})
       AND NOT EXISTS (
             SELECT 1 FROM venues v
              WHERE v.geom && expand_metres(r.geom, p.reference_match_m)
                AND ST_DWithin(v.geom::geography, r.geom::geography, p.reference_match_m)
                AND v.registered_at <= ${iso(asOf)} AND (v.closed_at IS NULL OR v.closed_at > ${iso(asOf)}))
       AND (${townshipId}::int IS NULL OR EXISTS (SELECT 1 FROM townships t WHERE t.id = ${townshipId}::int AND ST_Covers(t.geom, r.geom)))
       AND (${scope.townshipId}::int IS NULL
            OR EXISTS (SELECT 1 FROM townships t WHERE t.id = ${scope.townshipId}::int AND ST_Covers(t.geom, r.geom)))
     ORDER BY r.id`);
}

export async function referenceMatchMetres(db: Queryable): Promise<number> {
  const rows = await db.query<{ m: number }>('SELECT reference_match_m AS m FROM patrol_policy');
  return rows[0]?.m ?? 30;
}

export async function unpatrolledCells(db: Queryable, scope: ReadScope, asOf: Date, townshipId: number | null) {
  return db.query<
    GeoRow & { code: string; township_id: number; days_since_patrol: number | null; last_patrol_at: Date | null }
  >(sql`
    SELECT c.id, c.code, c.township_id, s.days_since_patrol, s.last_patrol_at, ST_AsGeoJSON(c.geom, 7) AS geometry
      FROM cell_patrol_status(${iso(asOf)}) s JOIN grid_cells c ON c.id = s.grid_cell_id
     WHERE s.unpatrolled AND ${inTownship(scope, 'c.township_id', townshipId)}
     ORDER BY s.days_since_patrol DESC NULLS FIRST, c.code`);
}

/**
 * Active venues whose assigned level is lower than computed (enum order high < medium < low), by
 * the set-based grading of the whole city (venue_levels, 0009: venue_grades' score and level, rules
 * applied once per venue profile rather than once per venue) when the whole city is asked for; for
 * one township by venue_grades, which the planner narrows to that township's venues.
 */
export async function misgradedVenues(db: Queryable, scope: ReadScope, asOf: Date, townshipId: number | null) {
  const grading = sql.raw(townshipId === null && scope.townshipId === null ? 'venue_levels' : 'venue_grades');
  return db.query<
    GeoRow & {
      external_id: string | null;
      name: string;
      category: string;
      risk_level: string;
      computed_level: string;
      score: number;
    }
  >(sql`
    SELECT v.id, v.external_id, v.name, v.category::text AS category, v.risk_level::text AS risk_level, g.computed_level::text AS computed_level,
           g.score, ST_AsGeoJSON(v.geom, 7) AS geometry
      FROM venues v
      JOIN ${grading}(${iso(asOf)}) g ON g.venue_id = v.id
     WHERE v.registered_at <= ${iso(asOf)} AND (v.closed_at IS NULL OR v.closed_at > ${iso(asOf)})
       AND v.risk_level > g.computed_level AND ${inTownship(scope, 'v.township_id', townshipId)} AND ${venueInScope(scope)}
     ORDER BY g.score DESC, v.id`);
}
