// Rebound clusters: DBSCAN over rebound hazards in metres of the city's own UTM zone (city_metric_srid(),
// migration 0011), not degrees.
import { sql, type Queryable } from '@svm/db';
import { venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface ClusterParameters {
  asOf: Date;
  from: Date | null;
  to: Date | null;
  eps: number | null;
  minPoints: number | null;
  townshipId: number | null;
}

export interface ReboundClusterRow {
  id: number;
  member_count: number;
  hazard_ids: number[];
  venue_ids: number[];
  dominant_types: { typeCode: string; name: string; count: number }[];
  townships: { id: number; name: string }[];
  lon: number;
  lat: number;
  geometry: string;
}

export interface ClusterWindowRow {
  from: Date;
  to: Date;
  eps: number;
  min_points: number;
}

/** The window and DBSCAN parameters with the policy's defaults filled in. */
export async function clusterWindow(db: Queryable, p: ClusterParameters): Promise<ClusterWindowRow> {
  const rows = await db.query<ClusterWindowRow>(sql`
    SELECT coalesce(${p.from?.toISOString() ?? null}::timestamptz,
                    coalesce(${p.to?.toISOString() ?? null}::timestamptz, ${p.asOf.toISOString()}::timestamptz)
                      - make_interval(days => cluster_window_days)) AS "from",
           coalesce(${p.to?.toISOString() ?? null}::timestamptz, ${p.asOf.toISOString()}::timestamptz) AS "to",
           coalesce(${p.eps}::int, cluster_eps_m) AS eps,
           coalesce(${p.minPoints}::int, cluster_min_points) AS min_points
      FROM patrol_policy`);
  const row = rows[0];
  if (!row) throw new Error('patrol_policy has no row');
  return row;
}

/**
 * Clusters of rebound hazards found in [from, to) and by asOf. Noise points (fewer than
 * minPoints within eps) belong to no cluster. Every rebound the scope may see is clustered, then
 * clusters touching the township are kept, so for a city reader a cluster across a boundary is
 * shown whole. A township or department scope clusters only what it may see: a cluster straddling
 * two townships shows only the caller's members, and only if they form a cluster on their own
 * (hull, counts, types and townships all from them), so nothing of the other side shows through.
 * Hulls of one or two points, or of collinear points, are buffered by 30 m to stay polygons.
 */
export async function reboundClustersInWindow(
  db: Queryable,
  scope: ReadScope,
  w: ClusterWindowRow,
  asOf: Date,
  townshipId: number | null,
) {
  // The DBSCAN window function is costed so high that PostgreSQL would JIT-compile the plan,
  // which took seconds at city scale (200k venues) for a query that runs in a few hundred ms.
  // The window holds a few thousand rebounds: probing their venues by primary key beats hashing
  // every venue of the city, which the default random_page_cost (4, spinning disks) hides from
  // the planner. SET LOCAL ends with the transaction (or the savepoint's parent).
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    await tx.query('SET LOCAL random_page_cost = 1.1');
    return clustersQuery(tx, scope, w, asOf, townshipId);
  });
}

function clustersQuery(db: Queryable, scope: ReadScope, w: ClusterWindowRow, asOf: Date, townshipId: number | null) {
  return db.query<ReboundClusterRow>(sql`
    WITH reb AS (
           SELECT h.id, h.venue_id, h.type_code, v.township_id, ST_Transform(v.geom, (SELECT city_metric_srid())) AS g
             FROM hazards h JOIN venues v ON v.id = h.venue_id
            WHERE h.rebound_of IS NOT NULL AND ${venueInScope(scope)}
              AND h.found_at >= ${w.from.toISOString()}::timestamptz AND h.found_at < ${w.to.toISOString()}::timestamptz AND h.found_at <= ${asOf.toISOString()}::timestamptz),
         labelled AS (
           SELECT reb.*, ST_ClusterDBSCAN(g, eps => ${w.eps}::float8, minpoints => ${w.min_points}::int) OVER () AS cid FROM reb),
         members AS (
           SELECT l.*, min(l.id) OVER (PARTITION BY l.cid) AS cluster_id FROM labelled l WHERE l.cid IS NOT NULL),
         types AS (
           SELECT cluster_id, jsonb_agg(jsonb_build_object('typeCode', type_code, 'name', name, 'count', n)
                                        ORDER BY n DESC, type_code) FILTER (WHERE rank <= 3) AS dominant
             FROM (SELECT m.cluster_id, m.type_code, t.name, count(*)::int AS n,
                          row_number() OVER (PARTITION BY m.cluster_id ORDER BY count(*) DESC, m.type_code) AS rank
                     FROM members m JOIN hazard_types t ON t.code = m.type_code
                    GROUP BY m.cluster_id, m.type_code, t.name) c
            GROUP BY cluster_id),
         towns AS (
           SELECT cluster_id, jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) ORDER BY t.id) AS townships,
                  bool_or(t.id = ${townshipId}::int) AS touches
             FROM (SELECT DISTINCT cluster_id, township_id FROM members) m JOIN townships t ON t.id = m.township_id
            GROUP BY cluster_id),
         hulls AS (
           SELECT cluster_id, count(*)::int AS member_count,
                  -- jsonb rather than bigint[]: pg returns int8 arrays as strings
                  jsonb_agg(id ORDER BY id) AS hazard_ids,
                  jsonb_agg(DISTINCT venue_id ORDER BY venue_id) AS venue_ids,
                  ST_ConvexHull(ST_Collect(g)) AS hull, ST_Centroid(ST_Collect(g)) AS centre
             FROM members GROUP BY cluster_id)
    SELECT h.cluster_id AS id, h.member_count, h.hazard_ids, h.venue_ids,
           coalesce(ty.dominant, '[]'::jsonb) AS dominant_types, coalesce(tw.townships, '[]'::jsonb) AS townships,
           ST_X(ST_Transform(h.centre, 4326)) AS lon, ST_Y(ST_Transform(h.centre, 4326)) AS lat,
           ST_AsGeoJSON(ST_Transform(CASE WHEN GeometryType(h.hull) = 'POLYGON' THEN h.hull ELSE ST_Buffer(h.hull, 30) END, 4326), 6) AS geometry
      FROM hulls h
      LEFT JOIN types ty ON ty.cluster_id = h.cluster_id
      LEFT JOIN towns tw ON tw.cluster_id = h.cluster_id
     WHERE ${townshipId}::int IS NULL OR coalesce(tw.touches, false)
     ORDER BY h.member_count DESC, h.cluster_id`);
}
