// The period presets (this week, month, quarter) as [from, to) days, and day arithmetic on
// YYYY-MM-DD strings done in UTC so no local time zone shifts a day.
export const PRESETS = ['week', 'month', 'quarter'] as const;
export type Preset = (typeof PRESETS)[number];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

export function addDays(day: string, n: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** Today in Beijing time, the programme's calendar. */
export function todayInBeijing(now: Date = new Date()): string {
  return iso(new Date(now.getTime() + 8 * 3_600_000));
}

/** The preset period containing `today`: ISO week from Monday, calendar month, calendar quarter; `to` exclusive. */
export function presetWindow(preset: Preset, today: string): { from: string; to: string } {
  const d = parse(today);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (preset === 'week') {
    const monday = addDays(today, -((d.getUTCDay() + 6) % 7));
    return { from: monday, to: addDays(monday, 7) };
  }
  if (preset === 'month') return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(new Date(Date.UTC(y, m + 1, 1))) };
  const q = Math.floor(m / 3) * 3;
  return { from: iso(new Date(Date.UTC(y, q, 1))), to: iso(new Date(Date.UTC(y, q + 3, 1))) };
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
