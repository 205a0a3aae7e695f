// Database settings: which driver, where the embedded data lives, how big the pool is.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(`${repoRoot}data`),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(8),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** how long a request waits for a pool connection (a database that is down answers 503 after this, never hangs) */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export type DbConfig =
  | { driver: 'pglite'; dataDir: string | null; loadDataDir?: Blob; statementTimeoutMs: number }
  | { driver: 'pg'; url: string; poolSize: number; statementTimeoutMs: number; connectTimeoutMs?: number };

/** Turns parsed environment into a driver choice: no DATABASE_URL means the embedded database. */
export function dbConfigFromEnv(env: DbEnv): DbConfig {
  return env.DATABASE_URL
    ? {
        driver: 'pg',
        url: env.DATABASE_URL,
        poolSize: env.DB_POOL_SIZE,
        statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
        connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      }
    : { driver: 'pglite', dataDir: `${env.DATA_DIR}/pglite`, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS };
}

/** Parses the variables above and lists every bad one in a single error. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
