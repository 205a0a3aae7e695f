// The city's calendar: days, weeks (from Monday), months and quarters in an IANA time zone, worked
// out with Intl alone (no time zone library), and the zone one process (one city) reads in.
// Calendar days are YYYY-MM-DD strings; their arithmetic is done in UTC, where no day is 23 or 25
// hours long; only turning a day into an instant (or back) asks the zone.

/** The zone of the seeded demo city (Ningbo), and of every city before CITY_TZ existed. */
export const DEFAULT_CITY_TIME_ZONE = 'Asia/Shanghai';

let processZone = DEFAULT_CITY_TIME_ZONE;

/** The city's zone in this process: a bare date in a query or an import file is a day there. */
export function cityTimeZone(): string {
  return processZone;
}

/** Sets the city's zone of this process (the server at start-up, the web once it read /api/config). */
export function setCityTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new RangeError(`"${zone}" is not an IANA time zone name`);
  processZone = zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when Intl knows `zone` as a time zone name (Asia/Urumqi, America/Los_Angeles, UTC). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    wallClock(zone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock at `t` (ms since the epoch) written as if it were UTC, whole seconds. */
function wallAt(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of wallClock(zone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** How far the zone's clock is ahead of UTC at `instant`, in ms (Los Angeles in winter: -8 h). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const t = instant.getTime();
  return wallAt(t, zone) - (t - (((t % 1000) + 1000) % 1000));
}

/**
 * The instant the zone's clocks show the wall time `wall` (written as a UTC time). A time that
 * happens twice (clocks set back) is its first; one the clocks skip (set forward) is read with
 * the offset before the change, so it lands as far past the change as it was meant past it
 * (02:30 on a spring-forward night is 03:30) and a skipped midnight gives the day's first instant.
 */
function instantOfWall(wall: number, zone: string): number {
  const before = wall - zoneOffsetMs(new Date(wall - 86_400_000), zone);
  const after = wall - zoneOffsetMs(new Date(wall + 86_400_000), zone);
  const real = [before, after].filter((t) => wallAt(t, zone) === wall - (((wall % 1000) + 1000) % 1000));
  return real.length ? Math.min(...real) : before;
}

/** The instant of a local date and time in the zone (month 1-12). */
export function zonedInstant(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, ms);
  return new Date(instantOfWall(wall.getTime(), zone));
}

const dayParts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** The first instant of the calendar day YYYY-MM-DD in the zone (its local midnight). */
export function dayStart(day: string, zone: string): Date {
  const [y, m, d] = dayParts(day);
  return zonedInstant(zone, y, m, d);
}

/** The calendar day (YYYY-MM-DD) the zone's clocks show at `instant`. */
export function dayOf(instant: Date, zone: string): string {
  return new Date(wallAt(instant.getTime(), zone)).toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (before, when n < 0). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const [y, m, d] = dayParts(day);
  return addDays(day, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
}

/** The first day of the month holding `day`, or of the month `months` later. */
export function monthOf(day: string, months = 0): string {
  const [y, m] = dayParts(day);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The first day of the calendar quarter holding `day` (1 January, 1 April, 1 July, 1 October). */
export function quarterOf(day: string): string {
  const [y, m] = dayParts(day);
  return monthOf(`${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`);
}

/** The ISO week label of the week starting on the Monday `monday`: 2026-W48 (the year of its Thursday). */
export function isoWeekLabel(monday: string): string {
  const thursday = addDays(monday, 3);
  const [y, m, d] = dayParts(thursday);
  const week = Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/** Local midnight starting the week (Monday), month or quarter that holds `instant` in the zone. */
export function periodStart(unit: 'day' | 'week' | 'month' | 'quarter', instant: Date, zone: string): Date {
  const day = dayOf(instant, zone);
  const first = { day, week: mondayOf(day), month: monthOf(day), quarter: quarterOf(day) }[unit];
  return dayStart(first, zone);
}

/** An offset written ±HH:MM (+08:00, -07:00). */
function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${ms < 0 ? '-' : '+'}${hh}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The last second of the calendar day in the zone, written with the offset its clocks have then:
 * 2026-11-30T23:59:59+08:00 in Shanghai, 2026-03-08T23:59:59-07:00 in Los Angeles (after the change).
 */
export function dayEndText(day: string, zone: string): string {
  const [y, m, d] = dayParts(day);
  return `${day}T23:59:59${offsetText(zoneOffsetMs(zonedInstant(zone, y, m, d, 23, 59, 59), zone))}`;
}
