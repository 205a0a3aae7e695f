// The period presets (this week, month, quarter) as [from, to) days of the city's calendar, and
// day arithmetic on YYYY-MM-DD strings (the contract's, done in UTC so no zone shifts a day). The
// API reads each bare day as local midnight in the city's zone, so only "today" asks the zone.
import { addDays, cityTimeZone, dayOf, mondayOf, monthOf, quarterOf } from '@svm/contract/constants';

export { addDays };

export const PRESETS = ['week', 'month', 'quarter'] as const;
export type Preset = (typeof PRESETS)[number];

/** Today on the city's clocks (its zone from GET /api/config), the programme's calendar. */
export function todayInCity(now: Date = new Date(), zone: string = cityTimeZone()): string {
  return dayOf(now, zone);
}

/** The preset period containing `today`: ISO week from Monday, calendar month, calendar quarter; `to` exclusive. */
export function presetWindow(preset: Preset, today: string): { from: string; to: string } {
  if (preset === 'week') {
    const monday = mondayOf(today);
    return { from: monday, to: addDays(monday, 7) };
  }
  if (preset === 'month') return { from: monthOf(today), to: monthOf(today, 1) };
  const quarter = quarterOf(today);
  return { from: quarter, to: monthOf(quarter, 3) };
}

/** Which preset, if any, the window is. */
export function activePreset(from: string | null, to: string | null, today: string): Preset | null {
  return (
    PRESETS.find((p) => {
      const w = presetWindow(p, today);
      return w.from === from && w.to === to;
    }) ?? null
  );
}
