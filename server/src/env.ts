// The server's configuration, parsed once at start-up; nothing else reads process.env.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTimeZone } from '@svm/contract';
import { dbEnvSchema, parseEnv } from '@svm/db';
import { z } from 'zod';

// z.coerce.boolean() would read "false" as true, so spell the accepted values out.
const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export const serverEnvSchema = dbEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** seed the demo city when the database has no townships and no accounts */
  SEED_ON_START: flag.default(true),
  SEED_VENUES: z.coerce.number().int().min(0).max(5_000_000).default(10_000),
  SEED_YEARS: z.coerce.number().int().min(1).max(10).default(1),
  SEED: z.coerce.number().int().default(20_261_130),
  /** on SIGTERM/SIGINT, how long requests in flight may take before their connections are cut */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** the built web app; relative paths are taken from the working directory */
  WEB_DIST: z
    .string()
    .min(1)
    .default(defaultWebDist)
    .transform((p) => resolve(p)),
  /** a basemap style of the deployment's own tile server; unset: the built-in offline style */
  BASEMAP_STYLE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * the city's IANA time zone (America/Los_Angeles, Asia/Urumqi): its local midnights bound every
   * day, week, month and quarter; unset: the zone stored with the city (Asia/Shanghai at first)
   */
  CITY_TZ: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone name such as Asia/Shanghai or America/Los_Angeles')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // --- sign-in ---
  /** the password of the seeded demo accounts (set when the demo city is seeded, not afterwards) */
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('svm-demo-2026'),
  /** the seeded city wall display's token: the screen opens /wall?token=<this> */
  DEMO_WALL_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,200}$/, 'must be 8-200 letters, digits, _ or -')
    .default('demo-wall-city'),
  /** a session lasts this long after its last use */
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** a wall display's session lasts this long after its last use */
  DISPLAY_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** behind a reverse proxy: client address from X-Forwarded-For, https from X-Forwarded-Proto */
  TRUST_PROXY: flag.default(false),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Parses an environment; throws one error listing every bad variable. */
export function parseServerEnv(source: NodeJS.ProcessEnv): ServerEnv {
  return parseEnv(serverEnvSchema, source);
}

function loadEnv(): ServerEnv {
  try {
    return parseServerEnv(process.env);
  } catch (err) {
    // a configuration mistake is not a crash: say what is wrong, without a stack trace
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

export const env: ServerEnv = loadEnv();
