// The township KPIs as raw counts per township, as of a moment over a period (for both the stats
// summary and the townships list), built on the programme's definition functions (0003) and hazard
// states (0004). Rates are derived in kpis.ts so that the city's figures are sums of the townships'
// counts, not means of rates.
import { sql, type Queryable } from '@svm/db';
import {
  hazardIdInScope,
  townshipInScope,
  venueIdInScope,
  venueInScope,
  type ReadScope,
} from '../../auth/scope.queries.ts';

export interface KpiCountsRow {
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
  territorial_delay_days: number;
  territorial_waiting: number;
  industry_signoffs: number;
  industry_delay_days: number;
  industry_waiting: number;
  special_signoffs: number;
  special_delay_days: number;
  special_waiting: number;
  /** hazards imported closed without a deadline, open as of asOf: left out of hazards_overdue */
  overdue_skipped: number;
  /** hazards imported closed without a rectification time, open as of asOf: left out of *_waiting */
  waiting_skipped: number;
  /** passed joint sign-offs in the period measured from no known rectification: left out of *_signoffs */
  signoffs_skipped: number;
}

export interface KpiArgs {
  /** whose figures: a township scope counts its township, a department its categories' venues */
  scope: ReadScope;
  asOf: Date;
  from: Date;
  to: Date;
  /** null: every township */
  townshipId: number | null;
}

/**
 * One row of KPI counts per township in the scope (all of them, or the one asked for), ordered by code.
 * A department's rows count its categories' venues, their hazards and sign-offs; its cells are the
 * cells holding at least one of its active venues (a cell's patrol duty is the cell's, not per venue).
 */
export async function kpiCountsByTownship(
  db: Queryable,
  { scope, asOf, from, to, townshipId }: KpiArgs,
): Promise<KpiCountsRow[]> {
  const t = townshipId;
  // PostgreSQL's JIT compiles this plan for seconds (its cost estimate is high) to save nothing:
  // the work is index probes per venue. SET LOCAL ends with the transaction (or savepoint's parent).
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return kpiCounts(tx, { scope, asOf, from, to, townshipId: t });
  });
}

async function kpiCounts(db: Queryable, { scope, asOf, from, to, townshipId: t }: KpiArgs): Promise<KpiCountsRow[]> {
  return db.query<KpiCountsRow>(sql`
    WITH vs AS (
      SELECT s.township_id,
             count(*) FILTER (WHERE v.registration = 'registered') AS registered,
             count(*) FILTER (WHERE v.registration = 'found_unregistered') AS found_unregistered,
             count(*) AS active,
             count(*) FILTER (WHERE s.overdue) AS overdue,
             -- enum order is high < medium < low, so an assigned level "lower" than computed sorts after it
             count(*) FILTER (WHERE v.risk_level > g.computed_level) AS misgraded
        FROM venue_patrol_status(${asOf}::timestamptz) s
        JOIN venues v ON v.id = s.venue_id
        -- the set-based grading (0009): venue_grades' per-venue lateral costs seconds for a whole city
        JOIN venue_levels(${asOf}::timestamptz) g ON g.venue_id = s.venue_id
       WHERE (${t}::int IS NULL OR s.township_id = ${t}::int) AND ${venueInScope(scope)}
       GROUP BY s.township_id
    ), cs AS (
      SELECT township_id, count(*) AS total, count(*) FILTER (WHERE unpatrolled) AS unpatrolled
        FROM cell_patrol_status(${asOf}::timestamptz) cps
       WHERE (${t}::int IS NULL OR township_id = ${t}::int) AND ${townshipInScope(scope, 'cps.township_id')}
         AND (${scope.categories === null}::boolean OR EXISTS (
               SELECT 1 FROM venue_patrol_status(${asOf}::timestamptz) cv JOIN venues v ON v.id = cv.venue_id
                WHERE cv.grid_cell_id = cps.grid_cell_id AND ${venueInScope(scope)}))
       GROUP BY township_id
    ), hz AS (
      SELECT township_id,
             count(*) FILTER (WHERE is_open) AS open,
             count(*) FILTER (WHERE overdue) AS overdue,
             count(*) FILTER (WHERE found_at >= ${from}::timestamptz AND found_at < ${to}::timestamptz) AS found,
             count(*) FILTER (WHERE found_at >= ${from}::timestamptz AND found_at < ${to}::timestamptz
                                AND closed_at IS NOT NULL) AS found_closed
        FROM hazards_as_of(${asOf}::timestamptz) ha
       WHERE (${t}::int IS NULL OR township_id = ${t}::int) AND ${venueIdInScope(scope, 'ha.venue_id')}
       GROUP BY township_id
    ), rc AS (
      SELECT township_id, count(*) AS closed, count(*) FILTER (WHERE rebounded) AS rebounded
        FROM rebound_cohort(${from}::timestamptz, ${to}::timestamptz, ${asOf}::timestamptz) rco
       WHERE (${t}::int IS NULL OR township_id = ${t}::int) AND ${venueIdInScope(scope, 'rco.venue_id')}
       GROUP BY township_id
    ), signoffs AS (
      -- each passed joint sign-off in the period, measured from the rectification it accepted:
      -- the latest one logged at or before it (the hazard's own rectified_at when none was logged)
      SELECT h.township_id, a.party,
             extract(epoch FROM a.at - coalesce(r.at, h.rectified_at)) / 86400 AS days
        FROM acceptances a
        JOIN hazards h ON h.id = a.hazard_id
        LEFT JOIN LATERAL (SELECT max(tr.at) AS at FROM hazard_transitions tr
                            WHERE tr.hazard_id = a.hazard_id AND tr.to_status = 'rectified' AND tr.at <= a.at) r ON true
       WHERE a.passed AND a.party <> 'on_the_spot'
         AND a.at >= ${from}::timestamptz AND a.at < ${to}::timestamptz AND a.at <= ${asOf}::timestamptz
         AND (${t}::int IS NULL OR h.township_id = ${t}::int) AND ${venueIdInScope(scope, 'h.venue_id')}
    ), ad AS (
      SELECT township_id,
             count(*) FILTER (WHERE party = 'territorial') AS territorial_n,
             coalesce(sum(days) FILTER (WHERE party = 'territorial'), 0) AS territorial_days,
             count(*) FILTER (WHERE party = 'industry') AS industry_n,
             coalesce(sum(days) FILTER (WHERE party = 'industry'), 0) AS industry_days,
             count(*) FILTER (WHERE party = 'special') AS special_n,
             coalesce(sum(days) FILTER (WHERE party = 'special'), 0) AS special_days
        FROM signoffs WHERE days IS NOT NULL
       GROUP BY township_id
    ), sd AS (
      -- a hazard imported closed without its rectification time (0017) has sign-offs on record
      -- that no rectification is known for: counted apart, not as a delay
      SELECT township_id, count(*) AS skipped FROM signoffs WHERE days IS NULL GROUP BY township_id
    ), sk AS (
      -- the same hazards as they stood before their recorded closing: whether they were overdue
      -- (no deadline) or waiting for a sign-off (no rectification time) is unknown
      SELECT h.township_id,
             count(*) FILTER (WHERE h.deadline IS NULL) AS overdue,
             count(*) FILTER (WHERE h.rectified_at IS NULL) AS waiting
        FROM hazards h
       WHERE h.recorded_closed AND h.closed_at > ${asOf}::timestamptz AND h.found_at <= ${asOf}::timestamptz
         AND (${t}::int IS NULL OR h.township_id = ${t}::int) AND ${venueIdInScope(scope, 'h.venue_id')}
       GROUP BY h.township_id
    ), aw AS (
      SELECT township_id,
             count(*) FILTER (WHERE party = 'territorial') AS territorial,
             count(*) FILTER (WHERE party = 'industry') AS industry,
             count(*) FILTER (WHERE party = 'special') AS special
        FROM hazards_awaiting(${asOf}::timestamptz) haw
       WHERE (${t}::int IS NULL OR township_id = ${t}::int)
         AND ${hazardIdInScope(scope, 'haw.hazard_id')}
       GROUP BY township_id
    )
    SELECT t.id AS township_id,
           coalesce(vs.registered, 0)::int AS registered, coalesce(vs.found_unregistered, 0)::int AS found_unregistered,
           coalesce(vs.active, 0)::int AS active, coalesce(vs.overdue, 0)::int AS overdue,
           coalesce(vs.misgraded, 0)::int AS misgraded,
           coalesce(cs.total, 0)::int AS cells_total, coalesce(cs.unpatrolled, 0)::int AS cells_unpatrolled,
           coalesce(hz.open, 0)::int AS hazards_open, coalesce(hz.overdue, 0)::int AS hazards_overdue,
           coalesce(hz.found, 0)::int AS found, coalesce(hz.found_closed, 0)::int AS found_closed,
           coalesce(rc.closed, 0)::int AS cohort_closed, coalesce(rc.rebounded, 0)::int AS cohort_rebounded,
           (SELECT ${to}::timestamptz > ${asOf}::timestamptz - make_interval(days => p.rebound_window_days)
              FROM patrol_policy p) AS provisional,
           coalesce(ad.territorial_n, 0)::int AS territorial_signoffs,
           coalesce(ad.territorial_days, 0)::float8 AS territorial_delay_days,
           coalesce(aw.territorial, 0)::int AS territorial_waiting,
           coalesce(ad.industry_n, 0)::int AS industry_signoffs,
           coalesce(ad.industry_days, 0)::float8 AS industry_delay_days,
           coalesce(aw.industry, 0)::int AS industry_waiting,
           coalesce(ad.special_n, 0)::int AS special_signoffs,
           coalesce(ad.special_days, 0)::float8 AS special_delay_days,
           coalesce(aw.special, 0)::int AS special_waiting,
           coalesce(sk.overdue, 0)::int AS overdue_skipped,
           coalesce(sk.waiting, 0)::int AS waiting_skipped,
           coalesce(sd.skipped, 0)::int AS signoffs_skipped
      FROM townships t
      LEFT JOIN vs ON vs.township_id = t.id
      LEFT JOIN cs ON cs.township_id = t.id
      LEFT JOIN hz ON hz.township_id = t.id
      LEFT JOIN rc ON rc.township_id = t.id
      LEFT JOIN ad ON ad.township_id = t.id
      LEFT JOIN aw ON aw.township_id = t.id
      LEFT JOIN sd ON sd.township_id = t.id
      LEFT JOIN sk ON sk.township_id = t.id
     WHERE (${t}::int IS NULL OR t.id = ${t}::int) AND ${townshipInScope(scope, 't.id')}
     ORDER BY t.code`);
}
