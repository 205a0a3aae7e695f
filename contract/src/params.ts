// Query parameters shared by many routes: the as-of moment, a time window, paging, enums.
import { z } from 'zod';
import { INSTANT_PATTERN, INSTANT_RULE, parseInstant } from './constants.ts';
import { listOf } from './listing.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';

/** An instant given as an ISO date or date-time; a bare date means that day's start in the city's zone. */
export const instantSchema = z
  .string({ error: `must be ${INSTANT_RULE}` })
  // the pattern also goes into the OpenAPI document (and so into the read fuzz corpus)
  .regex(INSTANT_PATTERN, `must be ${INSTANT_RULE}`)
  .transform((text, ctx) => {
    const instant = parseInstant(text);
    if (typeof instant === 'string') {
      ctx.addIssue({ code: 'custom', message: instant });
      return z.NEVER;
    }
    return instant;
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
  return z
    .string({ error: rule })
    .regex(/^\d{1,9}$/, rule)
    .transform(Number)
    .pipe(z.number().min(min, rule).max(max, rule));
};

/**
 * A positive id in a query string or path: plain decimal digits only. Number() would also read
 * " 1", "0x1F", "1e3" and "" (as 1, 31, 1000 and 0); such values are refused, not guessed at.
 */
export const idParam = (rule: string) =>
  z
    .string({ error: rule })
    .regex(/^[1-9]\d{0,9}$/, rule)
    .transform(Number)
    .pipe(z.number().max(2_147_483_647, rule));

/** Keyset paging: `limit` (1-1000, default 100) and the opaque `cursor` a previous page returned. */
export const pageSchema = z.object({
  limit: intParam('limit', 1, 1000).default(100),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'cursor must be the value a previous page returned')
    .optional(),
});

export interface Page<T> {
  items: T[];
  /** pass as `cursor` to get the next page; null on the last page */
  nextCursor: string | null;
}

/** The facts about a venue that the grading standard reads. */
export interface VenueFacts {
  occupancy: number;
  floorAreaM2: number;
  indoorEbikeCharging: boolean;
  chargingNearStock: boolean;
  flammablesStored: boolean;
  peopleLivingOnSite: boolean;
}

/** An enum query parameter with a message that lists what is allowed. */
export const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: (i) => `${name} "${String(i.input)}" is not one of ${listOf(values)}` });

/** "true" / "false" in a query string. */
export const booleanParam = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be true or false` }).transform((v) => v === 'true');

/** A search text in a query string: trimmed, 1 to 100 characters of storable text. */
export const searchTextParam = (name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} must be 1 to 100 characters`)
    .max(100, `${name} must be 1 to 100 characters`)
    .refine(isStorableText, storableTextRule(name));
