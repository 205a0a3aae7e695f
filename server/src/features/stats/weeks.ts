// ISO weeks (Monday 00:00 to Monday 00:00 on the city's clocks) cut to a period, for the KPI trend.
// A week over a daylight-saving change is 167 or 169 hours long.
import { addDays, dayOf, dayStart, isoWeekLabel, mondayOf } from '@svm/contract';

export interface IsoWeek {
  /** e.g. 2026-W48 */
  label: string;
  from: Date;
  to: Date;
}

/** The ISO weeks in the zone that overlap [from, to), each cut to the period. */
export function isoWeeks(from: Date, to: Date, zone: string): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let monday = mondayOf(dayOf(from, zone)); ; monday = addDays(monday, 7)) {
    const start = dayStart(monday, zone);
    if (start.getTime() >= to.getTime()) break;
    const end = dayStart(addDays(monday, 7), zone);
    weeks.push({
      label: isoWeekLabel(monday),
      from: new Date(Math.max(start.getTime(), from.getTime())),
      to: new Date(Math.min(end.getTime(), to.getTime())),
    });
  }
  return weeks;
}
