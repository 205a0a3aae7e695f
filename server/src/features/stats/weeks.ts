// ISO weeks (Monday to Monday, UTC) cut to a period, for the KPI trend.
export interface IsoWeek {
  /** e.g. 2026-W48 */
  label: string;
  from: Date;
  to: Date;
}

const DAY = 86_400_000;

function isoLabel(monday: Date): string {
  // the ISO year is the year of the week's Thursday
  const thursday = new Date(monday.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO weeks that overlap [from, to), each cut to the period. */
export function isoWeeks(from: Date, to: Date): IsoWeek[] {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const monday = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * DAY);
  const weeks: IsoWeek[] = [];
  for (let m = monday.getTime(); m < to.getTime(); m += 7 * DAY) {
    const weekFrom = new Date(Math.max(m, from.getTime()));
    const weekTo = new Date(Math.min(m + 7 * DAY, to.getTime()));
    weeks.push({ label: isoLabel(new Date(m)), from: weekFrom, to: weekTo });
  }
  return weeks;
}
