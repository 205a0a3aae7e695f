// The naive baselines and correctness oracles: each overview figure computed by a plain
// full-scan query straight from the base tables, following DESIGN.md's definitions, using none
// of the definition functions of db/migrations (venue_patrol_status, cell_patrol_status,
// hazards_as_of, hazard_states, hazards_awaiting, rebound_cohort, venue_grades). That
// independence is the point: when both agree, neither has silently drifted from the definitions.
// Parameters everywhere: $1 asOf, then the period [$2 from, $3 to) where one is needed.
import type { Queryable, Row } from '@svm/db';

// PostgreSQL's JIT would spend many seconds compiling these plans (their cost estimates are
// high) for nothing: the baseline measures the full scans, not the compiler.
function withoutJit<R extends object = Row>(db: Queryable, text: string, params: readonly unknown[]): Promise<R[]> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<R>(text, params);
  });
}

export interface NaiveTownshipRow {
  township_id: number;
  registered: number;
  found_unregistered: number;
  active: number;
  overdue: number;
  misgraded: number;
  cells_total: number;
  cells_unpatrolled: number;
  hazards_open: number;
  hazards_overdue: number;
  found: number;
  found_closed: number;
  cohort_closed: number;
  cohort_rebounded: number;
  provisional: boolean;
  territorial_signoffs: number;
  territorial_days: number;
  territorial_waiting: number;
  industry_signoffs: number;
  industry_days: number;
  industry_waiting: number;
  special_signoffs: number;
  special_days: number;
  special_waiting: number;
  overdue_skipped: number;
  waiting_skipped: number;
  signoffs_skipped: number;
}

// Active venues as of $1 with whether each is overdue and its computed level; shared text so
// the venue figures of every oracle follow one reading of the definitions.
const ACTIVE_VENUES = `
  pol AS (SELECT * FROM patrol_policy LIMIT 1),
  active AS (SELECT v.* FROM venues v WHERE v.registered_at <= $1 AND (v.closed_at IS NULL OR v.closed_at > $1)),
  last_visit AS (SELECT venue_id, max(patrolled_at) AS at FROM patrols WHERE patrolled_at <= $1 GROUP BY venue_id),
  venue_hazards AS (
    SELECT venue_id,
           count(*) FILTER (WHERE closed_at IS NULL OR closed_at > $1) AS open_n,
           count(*) FILTER (WHERE rebound_of IS NOT NULL
                              AND found_at > $1 - (SELECT rebound_window_days FROM pol) * interval '1 day') AS rebound_n
      FROM hazards WHERE found_at <= $1 GROUP BY venue_id),
  scores AS (
    SELECT a.id, coalesce(sum(r.points), 0) AS score
      FROM active a
      LEFT JOIN venue_hazards vh ON vh.venue_id = a.id
      LEFT JOIN grading_rules r ON r.enabled AND (
             (r.subject = 'category' AND r.category = a.category)
          OR (r.subject = 'indoor_ebike_charging' AND a.indoor_ebike_charging)
          OR (r.subject = 'charging_near_stock' AND a.charging_near_stock)
          OR (r.subject = 'flammables_stored' AND a.flammables_stored)
          OR (r.subject = 'people_living_on_site' AND a.people_living_on_site)
          OR (r.subject = 'occupancy_at_least' AND a.occupancy >= r.threshold)
          OR (r.subject = 'open_hazards_at_least' AND coalesce(vh.open_n, 0) >= r.threshold)
          OR (r.subject = 'rebounds_at_least' AND coalesce(vh.rebound_n, 0) >= r.threshold))
     GROUP BY a.id),
  venue_state AS (
    SELECT a.id, a.township_id, a.grid_cell_id, a.registration::text AS registration,
           coalesce(lv.at, a.registered_at) < $1 - (CASE a.risk_level::text WHEN 'high' THEN pol.high_days
                                                     WHEN 'medium' THEN pol.medium_days ELSE pol.low_days END) * interval '1 day' AS overdue,
           -- levels ranked by hand (0 low .. 2 high), not by the enum's order
           (CASE a.risk_level::text WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END) <
           (CASE WHEN s.score >= pol.grade_high_score THEN 2 WHEN s.score >= pol.grade_medium_score THEN 1 ELSE 0 END) AS misgraded
      FROM active a CROSS JOIN pol
      LEFT JOIN last_visit lv ON lv.venue_id = a.id
      JOIN scores s ON s.id = a.id)`;

export interface NaiveCellRow {
  id: number;
  township_id: number;
  last_patrol_at: Date | null;
  days_since_patrol: number | null;
  unpatrolled: boolean;
  venues: number;
  overdue_venues: number;
}

/** Every grid cell as of $1: last patrol in it, whole days since, unpatrolled, active and overdue venues. */
export function naiveCells(db: Queryable, asOf: Date): Promise<NaiveCellRow[]> {
  return withoutJit<NaiveCellRow>(
    db,
    `
    WITH ${ACTIVE_VENUES},
    cell_visit AS (SELECT grid_cell_id, max(patrolled_at) AS at FROM patrols WHERE patrolled_at <= $1 GROUP BY grid_cell_id),
    cell_venues AS (SELECT grid_cell_id, count(*) AS n, count(*) FILTER (WHERE overdue) AS overdue_n
                      FROM venue_state GROUP BY grid_cell_id)
    SELECT c.id, c.township_id, cv.at AS last_patrol_at,
           floor(extract(epoch FROM $1 - cv.at) / 86400)::int AS days_since_patrol,
           (cv.at IS NULL OR cv.at < $1 - pol.grid_duty_days * interval '1 day') AS unpatrolled,
           coalesce(n.n, 0)::int AS venues, coalesce(n.overdue_n, 0)::int AS overdue_venues
      FROM grid_cells c CROSS JOIN pol
      LEFT JOIN cell_visit cv ON cv.grid_cell_id = c.id
      LEFT JOIN cell_venues n ON n.grid_cell_id = c.id
     ORDER BY c.id`,
    [asOf],
  );
}

/** One row of KPI counts per township as of $1 over [$2, $3), ordered by township id. */
export function naiveTownshipCounts(db: Queryable, asOf: Date, from: Date, to: Date): Promise<NaiveTownshipRow[]> {
  return withoutJit<NaiveTownshipRow>(
    db,
    `
    WITH ${ACTIVE_VENUES},
    cell_visit AS (SELECT grid_cell_id, max(patrolled_at) AS at FROM patrols WHERE patrolled_at <= $1 GROUP BY grid_cell_id),
    vs AS (SELECT township_id, count(*) FILTER (WHERE registration = 'registered') AS registered,
                  count(*) FILTER (WHERE registration = 'found_unregistered') AS found_unregistered,
                  count(*) AS active, count(*) FILTER (WHERE overdue) AS overdue, count(*) FILTER (WHERE misgraded) AS misgraded
             FROM venue_state GROUP BY township_id),
    cs AS (SELECT c.township_id, count(*) AS total,
                  count(*) FILTER (WHERE cv.at IS NULL OR cv.at < $1 - pol.grid_duty_days * interval '1 day') AS unpatrolled
             FROM grid_cells c CROSS JOIN pol LEFT JOIN cell_visit cv ON cv.grid_cell_id = c.id GROUP BY c.township_id),
    hz AS (SELECT township_id,
                  count(*) FILTER (WHERE closed_at IS NULL OR closed_at > $1) AS open,
                  count(*) FILTER (WHERE (closed_at IS NULL OR closed_at > $1) AND deadline < $1) AS overdue,
                  count(*) FILTER (WHERE found_at >= $2 AND found_at < $3) AS found,
                  count(*) FILTER (WHERE found_at >= $2 AND found_at < $3 AND closed_at <= $1) AS found_closed,
                  -- imported closed without the facts (0017), still open as of $1: left out, counted apart
                  count(*) FILTER (WHERE recorded_closed AND closed_at > $1 AND deadline IS NULL) AS overdue_skipped,
                  count(*) FILTER (WHERE recorded_closed AND closed_at > $1 AND rectified_at IS NULL) AS waiting_skipped
             FROM hazards WHERE found_at <= $1 GROUP BY township_id),
    rc AS (SELECT h.township_id, count(*) AS closed,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM hazards r WHERE r.rebound_of = h.id AND r.found_at <= $1)) AS rebounded
             FROM hazards h WHERE h.closed_at >= $2 AND h.closed_at < $3 AND h.closed_at <= $1 GROUP BY h.township_id),
    -- status as of $1: the latest transition by then, else read from the hazard's own timestamps
    last_transition AS (
      SELECT hazard_id, to_status::text AS status FROM (
        SELECT t.*, row_number() OVER (PARTITION BY t.hazard_id ORDER BY t.at DESC, t.id DESC) AS k
          FROM hazard_transitions t WHERE t.at <= $1) x WHERE k = 1),
    hstate AS (
      SELECT h.id, h.township_id, h.fixed_on_spot,
             coalesce(lt.status, CASE WHEN h.closed_at <= $1 THEN 'closed' WHEN h.rectified_at <= $1 THEN 'rectified'
                                      WHEN h.status::text = 'open' THEN 'open' ELSE 'rectifying' END) AS status
        FROM hazards h LEFT JOIN last_transition lt ON lt.hazard_id = h.id WHERE h.found_at <= $1),
    last_signoff AS (
      SELECT hazard_id, party::text AS party, passed FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a.hazard_id, a.party ORDER BY a.at DESC, a.id DESC) AS k
          FROM acceptances a WHERE a.at <= $1) x WHERE k = 1),
    aw AS (SELECT s.township_id, p.party, count(*) AS n
             FROM hstate s CROSS JOIN (VALUES ('territorial'), ('industry'), ('special')) AS p(party)
             LEFT JOIN last_signoff ls ON ls.hazard_id = s.id AND ls.party = p.party
            WHERE s.status = 'rectified' AND NOT s.fixed_on_spot AND coalesce(ls.passed, false) = false
            GROUP BY s.township_id, p.party),
    so AS (SELECT h.township_id, a.party::text AS party, count(*) AS n,
                  sum(extract(epoch FROM a.at - coalesce(
                        (SELECT max(t.at) FROM hazard_transitions t WHERE t.hazard_id = a.hazard_id
                            AND t.to_status::text = 'rectified' AND t.at <= a.at), h.rectified_at)) / 86400) AS days
             FROM acceptances a JOIN hazards h ON h.id = a.hazard_id
            WHERE a.passed AND a.party::text <> 'on_the_spot' AND a.at >= $2 AND a.at < $3 AND a.at <= $1
              AND coalesce((SELECT max(t.at) FROM hazard_transitions t WHERE t.hazard_id = a.hazard_id
                               AND t.to_status::text = 'rectified' AND t.at <= a.at), h.rectified_at) IS NOT NULL
            GROUP BY h.township_id, a.party),
    so_skipped AS (SELECT h.township_id, count(*) AS n
             FROM acceptances a JOIN hazards h ON h.id = a.hazard_id
            WHERE a.passed AND a.party::text <> 'on_the_spot' AND a.at >= $2 AND a.at < $3 AND a.at <= $1
              AND coalesce((SELECT max(t.at) FROM hazard_transitions t WHERE t.hazard_id = a.hazard_id
                               AND t.to_status::text = 'rectified' AND t.at <= a.at), h.rectified_at) IS NULL
            GROUP BY h.township_id)
    SELECT t.id AS township_id,
           coalesce(vs.registered, 0)::int AS registered, coalesce(vs.found_unregistered, 0)::int AS found_unregistered,
           coalesce(vs.active, 0)::int AS active, coalesce(vs.overdue, 0)::int AS overdue, coalesce(vs.misgraded, 0)::int AS misgraded,
           coalesce(cs.total, 0)::int AS cells_total, coalesce(cs.unpatrolled, 0)::int AS cells_unpatrolled,
           coalesce(hz.open, 0)::int AS hazards_open, coalesce(hz.overdue, 0)::int AS hazards_overdue,
           coalesce(hz.found, 0)::int AS found, coalesce(hz.found_closed, 0)::int AS found_closed,
           coalesce(rc.closed, 0)::int AS cohort_closed, coalesce(rc.rebounded, 0)::int AS cohort_rebounded,
           $3 > $1 - (SELECT rebound_window_days FROM pol) * interval '1 day' AS provisional,
           coalesce((SELECT n FROM so WHERE so.township_id = t.id AND party = 'territorial'), 0)::int AS territorial_signoffs,
           coalesce((SELECT days FROM so WHERE so.township_id = t.id AND party = 'territorial'), 0)::float8 AS territorial_days,
           coalesce((SELECT n FROM aw WHERE aw.township_id = t.id AND party = 'territorial'), 0)::int AS territorial_waiting,
           coalesce((SELECT n FROM so WHERE so.township_id = t.id AND party = 'industry'), 0)::int AS industry_signoffs,
           coalesce((SELECT days FROM so WHERE so.township_id = t.id AND party = 'industry'), 0)::float8 AS industry_days,
           coalesce((SELECT n FROM aw WHERE aw.township_id = t.id AND party = 'industry'), 0)::int AS industry_waiting,
           coalesce((SELECT n FROM so WHERE so.township_id = t.id AND party = 'special'), 0)::int AS special_signoffs,
           coalesce((SELECT days FROM so WHERE so.township_id = t.id AND party = 'special'), 0)::float8 AS special_days,
           coalesce((SELECT n FROM aw WHERE aw.township_id = t.id AND party = 'special'), 0)::int AS special_waiting,
           coalesce(hz.overdue_skipped, 0)::int AS overdue_skipped, coalesce(hz.waiting_skipped, 0)::int AS waiting_skipped,
           coalesce((SELECT n FROM so_skipped WHERE so_skipped.township_id = t.id), 0)::int AS signoffs_skipped
      FROM townships t
      LEFT JOIN vs ON vs.township_id = t.id LEFT JOIN cs ON cs.township_id = t.id
      LEFT JOIN hz ON hz.township_id = t.id LEFT JOIN rc ON rc.township_id = t.id
     ORDER BY t.id`,
    [asOf, from, to],
  );
}

export interface NaiveBlindSpotCounts {
  cells_without_worker: number;
  unregistered_venues: number;
  unmatched_reference_points: number;
  unpatrolled_cells: number;
  misgraded_venues: number;
}

/** The blind-spot counts city-wide as of $1 (coverage-gap geometry is compared elsewhere, by area). */
export async function naiveBlindSpotCounts(db: Queryable, asOf: Date): Promise<NaiveBlindSpotCounts> {
  const rows = await withoutJit<NaiveBlindSpotCounts>(
    db,
    `
    WITH ${ACTIVE_VENUES},
    cell_visit AS (SELECT grid_cell_id, max(patrolled_at) AS at FROM patrols WHERE patrolled_at <= $1 GROUP BY grid_cell_id)
    SELECT (SELECT count(*) FROM grid_cells WHERE worker_id IS NULL)::int AS cells_without_worker,
           (SELECT count(*) FROM venue_state WHERE registration = 'found_unregistered')::int AS unregistered_venues,
           -- every point against all venues would be 10^10 pairs in the city; instead the venues in a
           -- disc of twice the match distance in degrees of longitude at the point's latitude (a
           -- degree of latitude is longer, so the disc holds every venue within the distance; the
           -- index serves it), then the distance on the spheroid. Not the server's box (expand_metres).
           (SELECT count(*) FROM reference_points r CROSS JOIN pol
             WHERE NOT EXISTS (
               SELECT 1 FROM venues v
                WHERE v.registered_at <= $1 AND (v.closed_at IS NULL OR v.closed_at > $1)
                  AND ST_DWithin(v.geom, r.geom, 2 * pol.reference_match_m / (111320 * cos(radians(ST_Y(r.geom)))))
                  AND ST_Distance(v.geom::geography, r.geom::geography) <= pol.reference_match_m))::int
             AS unmatched_reference_points,
           (SELECT count(*) FROM grid_cells c CROSS JOIN pol LEFT JOIN cell_visit cv ON cv.grid_cell_id = c.id
             WHERE cv.at IS NULL OR cv.at < $1 - pol.grid_duty_days * interval '1 day')::int AS unpatrolled_cells,
           (SELECT count(*) FROM venue_state WHERE misgraded)::int AS misgraded_venues`,
    [asOf],
  );
  return rows[0]!;
}

export interface NaiveClusterRow {
  member_count: number;
  hazard_ids: number[];
}

/**
 * Rebound clusters of the hazards that are rebounds (rebound_of set) found in [$2, $3) and by $1:
 * DBSCAN in metres of the UTM zone of the centre of the townships' extent (worked out here from the
 * townships, not read from the city_settings row the server uses), with the policy's eps and min
 * points, members listed per cluster.
 */
export function naiveReboundClusters(db: Queryable, asOf: Date, from: Date, to: Date): Promise<NaiveClusterRow[]> {
  return withoutJit<NaiveClusterRow>(
    db,
    `
    WITH pol AS (SELECT * FROM patrol_policy LIMIT 1),
    ext AS (SELECT ST_Extent(geom) AS e FROM townships),
    zone AS (SELECT CASE WHEN ST_YMin(e) + ST_YMax(e) < 0 THEN 32700 ELSE 32600 END
                    + floor(((ST_XMin(e) + ST_XMax(e)) / 2 + 180) / 6)::int + 1 AS srid FROM ext),
    reb AS (SELECT h.id, ST_Transform(v.geom, (SELECT srid FROM zone)) AS g FROM hazards h JOIN venues v ON v.id = h.venue_id
             WHERE h.rebound_of IS NOT NULL AND h.found_at >= $2 AND h.found_at < $3 AND h.found_at <= $1),
    labelled AS (SELECT reb.id, ST_ClusterDBSCAN(g, eps => pol.cluster_eps_m::float8, minpoints => pol.cluster_min_points) OVER () AS cid
                   FROM reb CROSS JOIN pol)
    SELECT count(*)::int AS member_count, jsonb_agg(id ORDER BY id) AS hazard_ids
      FROM labelled WHERE cid IS NOT NULL GROUP BY cid ORDER BY min(id)`,
    [asOf, from, to],
  );
}

/** The policy's cluster window in days (the endpoint's default window before asOf). */
export async function naiveClusterWindowDays(db: Queryable): Promise<number> {
  const rows = await db.query<{ d: number }>('SELECT cluster_window_days AS d FROM patrol_policy LIMIT 1');
  return rows[0]?.d ?? 90;
}
