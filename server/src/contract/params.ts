// Query parameters shared by many routes: the as-of moment, a time window, paging, enums.
import { z } from 'zod';

const ISO_RULE = 'an ISO 8601 date or date-time such as 2026-11-30 or 2026-11-30T08:00:00+08:00';

/** An instant given as an ISO date or date-time; a bare date means that day's start in UTC. */
export const instantSchema = z
  .string({ error: `must be ${ISO_RULE}` })
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, `must be ${ISO_RULE}`)
  .transform((text, ctx) => {
    const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
    const year = date.getUTCFullYear();
    // Date quietly rolls 2026-02-30 over to 2 March: the calendar day must survive a round trip
    const [y, m, d] = text.slice(0, 10).split('-').map(Number);
    const calendar = new Date(Date.UTC(y!, m! - 1, d!));
    const realDay = calendar.getUTCFullYear() === y && calendar.getUTCMonth() === m! - 1 && calendar.getUTCDate() === d;
    if (!realDay || Number.isNaN(date.getTime()) || year < 2000 || year > 2100) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a real date between 2000 and 2100` });
      return z.NEVER;
    }
    return date;
  });

/** `asOf`: every "as of" answer is computed at this moment (default: now). */
export const asOfSchema = z.object({ asOf: instantSchema.optional() });

/** `from` / `to`: a half-open window [from, to); `to` must be after `from`. */
export const periodSchema = z
  .object({ from: instantSchema.optional(), to: instantSchema.optional() })
  .refine((p) => !p.from || !p.to || p.from < p.to, { message: 'from must be before to', path: ['from'] });

/** A whole number from `min` to `max` in a query string: plain decimal digits only. */
export const intParam = (name: string, min: number, max: number) => {
  const rule = `${name} must be a whole number from ${min} to ${max}`;
  return z.string({ error: rule }).regex(/^\d{1,9}$/, rule).transform(Number).pipe(z.number().min(min, rule).max(max, rule));
};

/**
 * A positive id in a query string or path: plain decimal digits only. Number() would also read
 * " 1", "0x1F", "1e3" and "" (as 1, 31, 1000 and 0); such values are refused, not guessed at.
 */
export const idParam = (rule: string) =>
  z.string({ error: rule }).regex(/^[1-9]\d{0,9}$/, rule).transform(Number).pipe(z.number().max(2_147_483_647, rule));

/** Keyset paging: `limit` (1-1000, default 100) and the opaque `cursor` a previous page returned. */
export const pageSchema = z.object({
  limit: intParam('limit', 1, 1000).default(100),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'cursor must be the value a previous page returned').optional(),
});

export interface Page<T> {
  items: T[];
  /** pass as `cursor` to get the next page; null on the last page */
  nextCursor: string | null;
}

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const VENUE_CATEGORIES = [
  'catering', 'retail', 'repair', 'ebike', 'entertainment', 'warehouse', 'workshop', 'lodging', 'training', 'other',
] as const;
export const HAZARD_STATUSES = ['open', 'rectifying', 'rectified', 'closed'] as const;
export const ACCEPTANCE_PARTIES = ['territorial', 'industry', 'special', 'on_the_spot'] as const;
export const VENUE_REGISTRATIONS = ['registered', 'found_unregistered'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type Registration = (typeof VENUE_REGISTRATIONS)[number];

/** The facts about a venue that the grading standard reads. */
export interface VenueFacts {
  occupancy: number;
  floorAreaM2: number;
  indoorEbikeCharging: boolean;
  chargingNearStock: boolean;
  flammablesStored: boolean;
  peopleLivingOnSite: boolean;
}
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export type AcceptanceParty = (typeof ACCEPTANCE_PARTIES)[number];

/** An enum query parameter with a message that lists what is allowed. */
export const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: (i) => `${name} "${String(i.input)}" is not one of ${values.join(', ')}` });

/** "true" / "false" in a query string. */
export const booleanParam = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be true or false` }).transform((v) => v === 'true');
