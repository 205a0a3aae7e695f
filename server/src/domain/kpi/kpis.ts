// Turns KPI counts into the KPI DTO: sums townships into the city, derives shares and means; the one
// derivation behind the stats summary and the townships list, so their figures agree.
import { JOINT_PARTIES, type Kpis } from '@svm/contract';
import type { KpiCountsRow } from './kpis.queries.ts';

type Counts = Omit<KpiCountsRow, 'township_id' | 'provisional'>;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
// days to two decimals: a KPI, not a measurement
const days = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** The sum of several townships' counts (the city, or a township on its own). */
export function sumCounts(rows: readonly KpiCountsRow[]): Counts {
  const total = {} as Record<keyof Counts, number>;
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'township_id' || typeof value !== 'number') continue;
      const k = key as keyof Counts;
      total[k] = (total[k] ?? 0) + value;
    }
  }
  return total;
}

export function toKpis(c: Counts, provisional: boolean): Kpis {
  const n = (v: number | undefined) => v ?? 0;
  return {
    venues: {
      active: n(c.active),
      registered: n(c.registered),
      foundUnregistered: n(c.found_unregistered),
      overdue: n(c.overdue),
      misgraded: n(c.misgraded),
    },
    patrolCompliance: ratio(n(c.active) - n(c.overdue), n(c.active)),
    cells: { total: n(c.cells_total), unpatrolled: n(c.cells_unpatrolled) },
    hazards: { open: n(c.hazards_open), overdue: n(c.hazards_overdue) },
    closure: { found: n(c.found), closed: n(c.found_closed), rate: ratio(n(c.found_closed), n(c.found)) },
    rebound: {
      closed: n(c.cohort_closed),
      rebounded: n(c.cohort_rebounded),
      rate: ratio(n(c.cohort_rebounded), n(c.cohort_closed)),
      provisional,
    },
    acceptanceDelays: JOINT_PARTIES.map((party) => ({
      party,
      signOffs: n(c[`${party}_signoffs`]),
      meanDays: days(n(c[`${party}_delay_days`]), n(c[`${party}_signoffs`])),
      waiting: n(c[`${party}_waiting`]),
    })),
    skipped: {
      overdue: n(c.overdue_skipped),
      waiting: n(c.waiting_skipped),
      signOffs: n(c.signoffs_skipped),
    },
  };
}

/** Whether a period ending at `to` is provisional as of `asOf`: read from any row (it is the same in all). */
export function provisionalOf(rows: readonly KpiCountsRow[], fallback: boolean): boolean {
  return rows[0]?.provisional ?? fallback;
}
