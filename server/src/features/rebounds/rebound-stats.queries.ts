// Rebound rates (cohort by closing date, DESIGN "Rebound rate") by period, township, hazard
// type and venue category, all from rebound_cohort(from, to, as_of).
import { sql, type Queryable, type SQL } from '@svm/db';
import type { ReboundPeriodUnit } from '@svm/contract';
import { venueIdInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface RateRow {
  closed: number;
  rebounded: number;
}
export interface PeriodRateRow extends RateRow {
  start: Date;
  end: Date;
  provisional: boolean;
}

const UNIT: Record<ReboundPeriodUnit, { trunc: SQL; step: SQL }> = {
  month: { trunc: sql.raw(`'month'`), step: sql.raw(`interval '1 month'`) },
  quarter: { trunc: sql.raw(`'quarter'`), step: sql.raw(`interval '3 months'`) },
};

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
// the township asked for, within what the scope may see (through each cohort hazard's venue)
const inTownship = (scope: ReadScope, townshipId: number | null) =>
  sql`(${townshipId}::int IS NULL OR c.township_id = ${townshipId}::int) AND ${venueIdInScope(scope, 'c.venue_id')}`;

/** The policy's rebound window in days. */
export async function reboundWindowDays(db: Queryable): Promise<number> {
  const rows = await db.query<{ days: number }>('SELECT rebound_window_days AS days FROM patrol_policy');
  return rows[0]?.days ?? 180;
}

/**
 * One row per calendar period of the city overlapping [from, to), each cohort cut to [from, to):
 * months and quarters start at local midnight on the 1st in `zone` (an IANA name, a parameter).
 * The series runs over the zone's wall clock (timestamp without time zone) and each start is
 * turned back into an instant there, so a period over a daylight-saving change is an hour short
 * or long.
 */
export async function reboundRatesByPeriod(
  db: Queryable,
  scope: ReadScope,
  from: Date,
  to: Date,
  asOf: Date,
  unit: ReboundPeriodUnit,
  townshipId: number | null,
  zone: string,
) {
  const u = UNIT[unit];
  const tz = sql`${zone}::text`;
  return db.query<PeriodRateRow>(sql`
    WITH periods AS (
      SELECT s AT TIME ZONE ${tz} AS start, (s + ${u.step}) AT TIME ZONE ${tz} AS "end"
        FROM generate_series(date_trunc(${u.trunc}, ${iso(from)} AT TIME ZONE ${tz}),
                             (${iso(to)} - interval '1 microsecond') AT TIME ZONE ${tz}, ${u.step}) AS s)
    SELECT p.start, p."end",
           count(c.hazard_id)::int AS closed,
           (count(c.hazard_id) FILTER (WHERE c.rebounded))::int AS rebounded,
           -- the flag rebound_cohort gives, also for a period with nothing closed in it
           least(p."end", ${iso(to)}) > ${iso(asOf)} - make_interval(days => pol.rebound_window_days) AS provisional
      FROM periods p
     CROSS JOIN patrol_policy pol
      LEFT JOIN LATERAL rebound_cohort(greatest(p.start, ${iso(from)}), least(p."end", ${iso(to)}), ${iso(asOf)}) c
        ON ${inTownship(scope, townshipId)}
     GROUP BY p.start, p."end", pol.rebound_window_days
     ORDER BY p.start`);
}

const DIMENSION = {
  township: { key: sql`c.township_id`, label: sql`t.name`, join: sql`JOIN townships t ON t.id = c.township_id` },
  hazardType: { key: sql`c.type_code`, label: sql`ht.name`, join: sql`JOIN hazard_types ht ON ht.code = c.type_code` },
  category: { key: sql`v.category::text`, label: sql`v.category::text`, join: sql`JOIN venues v ON v.id = c.venue_id` },
} as const;

export interface DimensionRateRow extends RateRow {
  key: string | number;
  label: string;
}

/** The cohort closed in [from, to) grouped by one dimension, commonest first. */
export async function reboundRatesBy(
  db: Queryable,
  scope: ReadScope,
  dimension: keyof typeof DIMENSION,
  from: Date,
  to: Date,
  asOf: Date,
  townshipId: number | null,
) {
  const d = DIMENSION[dimension];
  return db.query<DimensionRateRow>(sql`
    SELECT ${d.key} AS key, ${d.label} AS label, count(*)::int AS closed, (count(*) FILTER (WHERE c.rebounded))::int AS rebounded
      FROM rebound_cohort(${iso(from)}, ${iso(to)}, ${iso(asOf)}) c ${d.join}
     WHERE ${inTownship(scope, townshipId)}
     GROUP BY 1, 2
     ORDER BY closed DESC, key`);
}
