// Test databases: one migrated database per test worker, cloned from a template that the
// global setup builds once; each test runs in a transaction that is rolled back.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Db, type Queryable } from './client.ts';
import { dbEnvSchema, parseEnv } from './config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { driver: 'pglite'; dumpFile: string } | { driver: 'pg'; url: string; template: string };
  }
}

let worker: Promise<Db> | undefined;

/** Replaces the database name in a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function openWorkerDb(): Promise<Db> {
  const target = inject('testDb');
  if (target.driver === 'pglite') {
    const blob = new Blob([readFileSync(target.dumpFile)]);
    return openDatabase({ driver: 'pglite', dataDir: null, loadDataDir: blob, statementTimeoutMs: 0 });
  }
  const name = `${target.template}_w${process.env.VITEST_POOL_ID ?? '0'}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ driver: 'pg', url: withDatabase(target.url, name), poolSize: 4, statementTimeoutMs: 0 });
}

/** The worker's migrated test database (shared by every test file the worker runs). */
export function testDb(): Promise<Db> {
  worker ??= openWorkerDb();
  return worker;
}

/**
 * Vacuums the worker's database once a test file is done (testing-after-file.ts). Each file's
 * tests roll back, but what they inserted stays behind as dead rows until a vacuum: after the
 * seed test's rolled-back city, a later file's full scans (the fuzz suite checksums every table
 * after each case) read tens of megabytes of dead pages per statement, and a 30 s suite took
 * over 6 minutes. VACUUM outside any transaction frees them and truncates the emptied tables,
 * so every file starts on the same small database whatever ran before it in this worker.
 */
export async function vacuumWorkerDb(): Promise<void> {
  if (!worker) return;
  const db = await worker;
  await db.query('VACUUM');
}

class Rollback extends Error {}

/** Runs `fn` inside a transaction that is always rolled back, so tests never see each other. */
export async function rolledBack<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await testDb();
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result as T;
}

/** Test-side environment: which server to test against (unset: the embedded database). */
export function testEnv() {
  return parseEnv(dbEnvSchema.pick({ DATABASE_URL: true }), process.env);
}

interface OwnDatabase {
  db: Db;
  drop: () => Promise<void>;
}

/** A new, empty database (not from the template), for tests of migrating from nothing. */
export function freshDatabase(): Promise<OwnDatabase> {
  return ownDatabase(false);
}

/**
 * A migrated database of the test's own, cloned from the run's template: writes really commit
 * there (tests of caches and of the data version need that), and no other test file shares it.
 */
export function committedDatabase(): Promise<OwnDatabase> {
  return ownDatabase(true);
}

async function ownDatabase(migrated: boolean): Promise<OwnDatabase> {
  const target = inject('testDb');
  if (target.driver === 'pglite') {
    const loadDataDir = migrated ? new Blob([readFileSync(target.dumpFile)]) : undefined;
    const db = await openDatabase({
      driver: 'pglite',
      dataDir: null,
      ...(loadDataDir ? { loadDataDir } : {}),
      statementTimeoutMs: 0,
    });
    return { db, drop: () => db.close() };
  }
  const name = `${target.template}_${migrated ? 'own' : 'fresh'}_${process.env.VITEST_POOL_ID ?? '0'}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(migrated ? `CREATE DATABASE ${name} TEMPLATE ${target.template}` : `CREATE DATABASE ${name}`);
  const db = await openDatabase({
    driver: 'pg',
    url: withDatabase(target.url, name),
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The database error a statement raised: its SQLSTATE and the constraint it broke, if any. */
export async function violation(tx: Queryable, query: string, params: readonly unknown[] = []) {
  try {
    await tx.transaction((sp) => sp.query(query, params));
  } catch (err) {
    const e = err as { code?: string; constraint?: string; message: string };
    return { code: e.code, constraint: e.constraint, message: e.message };
  }
  throw new Error(`expected the database to refuse: ${query}`);
}

/** The tables the seed writes, in the order it writes them. */
export const SEEDED_TABLES = [
  'townships',
  'industry_departments',
  'users',
  'grid_cells',
  'streets',
  'venues',
  'patrols',
  'hazards',
  'hazard_transitions',
  'acceptances',
  'reference_points',
] as const;

/**
 * Each table's row count and a digest of every row in id order (geometry as WKB), so any change
 * shows. The names are the test's own constants, never input.
 */
export async function tableDigests(tx: Queryable, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await tx.query<{ n: number; md5: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS md5 FROM ${table} t`,
    );
    out[table] = `${row?.n} ${row?.md5}`;
  }
  return out;
}
