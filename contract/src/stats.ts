// Township KPIs (DESIGN.md "Township KPIs") and GET /api/stats/summary: the figures a township
// or the whole city is judged by, as of a moment, over a period, with a weekly trend.
import { z } from 'zod';
import { townshipIdSchema, type TownshipId } from './ids.ts';
import { instantSchema, intParam } from './params.ts';
import type { ScopeDto } from './scope.ts';
import { type JointParty } from './constants.ts';

/** The default period: the 90 days before asOf. */
export const DEFAULT_PERIOD_DAYS = 90;
/** The weekly trend is at most this long (53 ISO weeks), so one request stays bounded. */
export const MAX_TREND_DAYS = 371;

const windowShape = { asOf: instantSchema.optional(), from: instantSchema.optional(), to: instantSchema.optional() };

export interface KpiWindow {
  asOf: Date;
  from: Date;
  to: Date;
}

/** Defaults the period (to = asOf, from = to − 90 days); a string says what is wrong. */
function resolveWindow(
  q: { asOf?: Date | undefined; from?: Date | undefined; to?: Date | undefined },
  maxDays: number,
): KpiWindow | string {
  const asOf = q.asOf ?? new Date();
  const to = q.to ?? (q.from && q.from >= asOf ? new Date(q.from.getTime() + DEFAULT_PERIOD_DAYS * 86_400_000) : asOf);
  const from = q.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
  if (from >= to) return `from (${from.toISOString()}) must be before to (${to.toISOString()})`;
  if (to.getTime() - from.getTime() > maxDays * 86_400_000)
    return `the period from..to may be at most ${maxDays} days long`;
  return { asOf, from, to };
}

/** asOf, from, to with the period defaulted and checked (from before to). */
export const townshipsQuerySchema = z.object(windowShape).transform((q, ctx) => {
  const w = resolveWindow(q, 36_600);
  if (typeof w === 'string') {
    ctx.addIssue({ code: 'custom', path: ['from'], message: w });
    return z.NEVER;
  }
  return w;
});
export type TownshipsQuery = z.output<typeof townshipsQuerySchema>;

/** The same window, at most 53 weeks long (the trend has one row per week), and an optional township. */
export const statsSummaryQuerySchema = z
  .object({
    ...windowShape,
    township: townshipIdSchema.optional(),
    /** only the latest N weeks of the trend (0: none); default every week of the period. The
     *  dashboard's tiles need two (week on week), and each week is a full KPI computation. */
    trendWeeks: intParam('trendWeeks', 0, 53).optional(),
  })
  .transform((q, ctx) => {
    const w = resolveWindow(q, MAX_TREND_DAYS);
    if (typeof w === 'string') {
      ctx.addIssue({ code: 'custom', path: ['from'], message: w });
      return z.NEVER;
    }
    return { ...w, township: q.township, trendWeeks: q.trendWeeks };
  });
export type StatsSummaryQuery = z.output<typeof statsSummaryQuerySchema>;

export interface AcceptanceDelay {
  party: JointParty;
  /** passed sign-offs by this party in the period (each measured from the rectification it accepted) */
  signOffs: number;
  /** mean days from rectification to this party's passed sign-off; null when it signed nothing off */
  meanDays: number | null;
  /** hazards rectified as of asOf still waiting for this party's sign-off */
  waiting: number;
}

export interface Kpis {
  venues: {
    /** active venues as of asOf (registered + foundUnregistered) */
    active: number;
    registered: number;
    foundUnregistered: number;
    /** active venues past their patrol interval */
    overdue: number;
    /** active venues whose assigned level is lower than the computed one */
    misgraded: number;
  };
  /** share of active venues not overdue; null with no active venue */
  patrolCompliance: number | null;
  cells: { total: number; unpatrolled: number };
  hazards: { open: number; overdue: number };
  /** of hazards found in [from, to), the share closed by asOf */
  closure: { found: number; closed: number; rate: number | null };
  /** of hazards closed in [from, to), the share that rebounded by asOf */
  rebound: { closed: number; rebounded: number; rate: number | null; provisional: boolean };
  acceptanceDelays: AcceptanceDelay[];
  /**
   * Hazards imported closed from a historic ledger that kept only when they were found and closed
   * (no responsible person, deadline or rectification time): a figure that needs a missing fact
   * leaves them out and says here how many it left out. The others (open, closure, rebound) count them.
   */
  skipped: KpiSkipped;
}

export interface KpiSkipped {
  /** open as of asOf but with no deadline on record: not counted in hazards.overdue */
  overdue: number;
  /** open as of asOf but with no rectification time on record: not counted in acceptanceDelays' waiting */
  waiting: number;
  /** passed joint sign-offs in the period with no rectification time to measure from: not in acceptanceDelays' signOffs and meanDays */
  signOffs: number;
}

export interface KpiPeriod {
  asOf: string;
  from: string;
  to: string;
}

export interface WeekKpis extends Kpis {
  /** ISO week, e.g. 2026-W47 */
  week: string;
  /** the week's part of the period: [from, to); the figures are as of `asOf` = min(to, request asOf) */
  from: string;
  to: string;
  asOf: string;
}

export interface StatsSummaryDto extends KpiPeriod {
  /** null: the whole city (or, for a department, all of its venues) */
  townshipId: TownshipId | null;
  /** whose figures these are (always sent): a township account gets its own township's, a department its categories' */
  scope?: ScopeDto;
  kpis: Kpis;
  trend: WeekKpis[];
}
