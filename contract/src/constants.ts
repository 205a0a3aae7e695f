// Every enum list of the product and the shared day/instant rule, once, free of zod: the
// database's enum types are checked against these lists (db/src/enums.test.ts), the seed, the
// server and the web (which must not bundle zod for a list) all take them from here.
import { cityTimeZone, zonedInstant } from './time-zone.ts';

// the city's calendar (days, weeks, months in its zone), for the server and the web alike
export * from './time-zone.ts';

export const TOWNSHIP_KINDS = ['subdistrict', 'town', 'development_zone', 'district'] as const;
export type TownshipKind = (typeof TOWNSHIP_KINDS)[number];

export const VENUE_CATEGORIES = [
  'catering',
  'retail',
  'repair',
  'ebike',
  'entertainment',
  'warehouse',
  'workshop',
  'lodging',
  'training',
  'other',
] as const;
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const VENUE_REGISTRATIONS = ['registered', 'found_unregistered'] as const;
export type Registration = (typeof VENUE_REGISTRATIONS)[number];

export const VENUE_STATUSES = ['active', 'closed'] as const;
export type VenueStatus = (typeof VENUE_STATUSES)[number];

export const PATROL_RESULTS = ['ok', 'hazards_found', 'venue_closed', 'not_open'] as const;
export type PatrolResult = (typeof PATROL_RESULTS)[number];

export const HAZARD_SEVERITIES = ['general', 'major'] as const;
export type HazardSeverity = (typeof HAZARD_SEVERITIES)[number];

/**
 * A hazard type code of the city's catalogue: 1-64 letters, digits, '.', '-', '_', starting with a
 * letter or digit (FS-12.3, A.1-b_2, blocked_exit); codes compare case-sensitively.
 */
export const HAZARD_TYPE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const HAZARD_TYPE_CODE_RULE = '1-64 letters, digits, ".", "-" or "_", starting with a letter or digit';

export const HAZARD_STATUSES = ['open', 'rectifying', 'rectified', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

/** Who signs a closing: the three joint parties, or the patrolling worker for an on-the-spot fix. */
export const ACCEPTANCE_PARTIES = ['territorial', 'industry', 'special', 'on_the_spot'] as const;
export type AcceptanceParty = (typeof ACCEPTANCE_PARTIES)[number];

/** The parties of the joint acceptance (三方联合验收): each must pass before a hazard closes. */
export const JOINT_PARTIES = ['territorial', 'industry', 'special'] as const;
export type JointParty = (typeof JOINT_PARTIES)[number];

export const USER_ROLES = ['city', 'township', 'department', 'grid_worker', 'planner', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const REBOUND_PERIODS = ['month', 'quarter'] as const;
export type ReboundPeriodUnit = (typeof REBOUND_PERIODS)[number];

export const TILE_LAYERS = ['venues', 'grid-cells', 'hazards'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** What happened, in the ticker's words. One audit row may give several (a patrol and its hazards). */
export const EVENT_KINDS = [
  'patrol_recorded',
  'hazard_found',
  'rebound_detected',
  'hazard_updated',
  'acceptance_signed',
  'hazard_closed',
  'venue_changed',
  'data_imported',
  'settings_changed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The cached reads an event makes stale: the web invalidates its queries for each. */
export const EVENT_TOPICS = ['kpis', 'townships', 'grid-cells', 'heatmap', 'rebounds', 'venues', 'hazards'] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

/** The database enum type each list mirrors (the SQL is created by the migrations). */
export const DATABASE_ENUMS = {
  township_kind: TOWNSHIP_KINDS,
  venue_category: VENUE_CATEGORIES,
  risk_level: RISK_LEVELS,
  registration_status: VENUE_REGISTRATIONS,
  venue_status: VENUE_STATUSES,
  patrol_result: PATROL_RESULTS,
  hazard_severity: HAZARD_SEVERITIES,
  hazard_status: HAZARD_STATUSES,
  acceptance_party: ACCEPTANCE_PARTIES,
  user_role: USER_ROLES,
} as const satisfies Record<string, readonly string[]>;

/** True when `value` is one of `list` (narrows the type). */
export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

// ---- days and instants ----

/** What an instant may look like, said in the errors that refuse one. */
export const INSTANT_RULE = 'an ISO 8601 date or date-time such as 2026-11-30 or 2026-11-30T08:00:00+08:00';
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** True when YYYY-MM-DD names a day of the calendar (2026-02-30 does not). */
export function isRealDay(day: string): boolean {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const calendar = new Date(Date.UTC(y, m - 1, d));
  return calendar.getUTCFullYear() === y && calendar.getUTCMonth() === m - 1 && calendar.getUTCDate() === d;
}

/**
 * Reads an ISO date or date-time in the city's zone: a bare date means that day's start (local
 * midnight) there, and a date-time without an offset is a time on its clocks; Z or an offset
 * names the instant itself. Returns the instant, or the sentence that says why the text is not
 * one: the rule itself when it has the wrong shape, "not a real date" when the calendar has no
 * such day or it is outside 2000-2100.
 */
export function parseInstant(text: string, zone: string = cityTimeZone()): Date | string {
  if (!INSTANT_PATTERN.test(text)) return `must be ${INSTANT_RULE}`;
  const [, y, mo, d, h, mi, s, frac, offset] =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(.+)?$/.exec(text) ?? [];
  const date =
    offset !== undefined
      ? new Date(text)
      : zonedInstant(
          zone,
          Number(y),
          Number(mo),
          Number(d),
          Number(h ?? 0),
          Number(mi ?? 0),
          Number(s ?? 0),
          Math.floor(Number(frac ?? 0) * 1000),
        );
  const year = Number(y);
  // Date quietly rolls 2026-02-30 over to 2 March: the calendar day must survive a round trip
  if (
    !isRealDay(text) ||
    Number.isNaN(date.getTime()) ||
    year < FIRST_YEAR ||
    year > LAST_YEAR ||
    Number(h ?? 0) > 23 ||
    Number(mi ?? 0) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return `"${text}" is not a real date between ${FIRST_YEAR} and ${LAST_YEAR}`;
  }
  return date;
}
