// The week-on-week change of one KPI from the summary's trend (its last two ISO weeks).
import type { Kpis, WeekKpis } from '@svm/contract';

export interface WeekChange {
  /** current week minus the week before; null when either week has no figure */
  delta: number | null;
  /** whether the change is good news: up is good for compliance, bad for everything else */
  good: boolean | null;
}

export function weekChange(trend: WeekKpis[], pick: (k: Kpis) => number | null, upIsGood = false): WeekChange {
  const current = trend.at(-1);
  const previous = trend.at(-2);
  if (!current || !previous) return { delta: null, good: null };
  const a = pick(previous);
  const b = pick(current);
  if (a === null || b === null) return { delta: null, good: null };
  const delta = b - a;
  return { delta, good: delta === 0 ? null : delta > 0 === upIsGood };
}
