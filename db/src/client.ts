// One database layer, two drivers: embedded PGlite + PostGIS, or PostgreSQL + PostGIS via pg.
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes, type Results, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbConfig } from './config.ts';
import { lockFolder } from './folder-lock.ts';

export type Driver = 'pglite' | 'pg';
export type Row = Record<string, unknown>;

/** Something queries can run on: the database itself or an open transaction. */
export interface Queryable {
  readonly driver: Driver;
  /** Runs SQL with `$n` parameters, or a drizzle `sql` template (values become parameters). */
  query<R extends object = Row>(query: string | SQL, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `fn` in a transaction (a savepoint when already inside one); rolls back on throw. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Db extends Queryable {
  close(): Promise<void>;
}

const dialect = new PgDialect();

function toText(query: string | SQL, params: readonly unknown[]): { text: string; values: unknown[] } {
  if (typeof query === 'string') return { text: query, values: [...params] };
  const q = dialect.sqlToQuery(query);
  return { text: q.sql, values: q.params };
}

// int8 and numeric come back as numbers on both drivers (ids and counts stay far below 2^53).
const toNumber = (v: string) => Number(v);

let savepointSeq = 0;
async function inSavepoint<T>(tx: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const name = `sp_${++savepointSeq}`;
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn(tx);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}

/**
 * PGlite's PostGIS loses errors raised inside GEOS (a TopologyException in ST_Union or
 * ST_Intersection): the query then "succeeds" with no rows, no columns and no command tag.
 * A wrong empty answer is worse than an error, so a result without a command tag throws.
 */
function checked<R>(text: string, result: Results<R>): R[] {
  if (result.command === undefined) {
    throw new Error(
      `the embedded database lost an error raised inside PostGIS (GEOS) while running: ${text.slice(0, 200)}`,
    );
  }
  return result.rows;
}

function pgliteTx(tx: Transaction): Queryable {
  const self: Queryable = {
    driver: 'pglite',
    async query<R extends object>(query: string | SQL, params: readonly unknown[] = []) {
      const { text, values } = toText(query, params);
      return checked(text, await tx.query<R>(text, values));
    },
    exec: async (script) => void (await tx.exec(script)),
    transaction: (fn) => inSavepoint(self, fn),
  };
  return self;
}

async function openPglite(config: Extract<DbConfig, { driver: 'pglite' }>): Promise<Db> {
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  // a folder is one process's (the server's, or a command's such as pnpm admin:create)
  const release = config.dataDir ? lockFolder(config.dataDir) : () => {};
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
      extensions: { postgis },
      parsers: { [pgliteTypes.INT8]: toNumber, [pgliteTypes.NUMERIC]: toNumber },
    });
  } catch (err) {
    release();
    throw err;
  }
  // Accepted but not enforced by PGlite 0.5 (WASM has no timer signals: a 500 ms timeout let
  // pg_sleep(3) run 3 s); kept so the setting reads the same on both drivers and takes effect
  // if a later PGlite enforces it.
  if (config.statementTimeoutMs > 0)
    await lite.exec(`SET statement_timeout = ${Math.floor(config.statementTimeoutMs)}`);
  return {
    driver: 'pglite',
    async query<R extends object>(query: string | SQL, params: readonly unknown[] = []) {
      const { text, values } = toText(query, params);
      return checked(text, await lite.query<R>(text, values));
    },
    exec: async (script) => void (await lite.exec(script)),
    transaction: (fn) => lite.transaction((tx) => fn(pgliteTx(tx))),
    async close() {
      try {
        await lite.close();
      } finally {
        release();
      }
    },
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function pgClientTx(client: pg.PoolClient): Queryable {
  const self: Queryable = {
    driver: 'pg',
    async query<R extends object>(query: string | SQL, params: readonly unknown[] = []) {
      const { text, values } = toText(query, params);
      return (await client.query<R & pg.QueryResultRow>(text, values)).rows;
    },
    exec: async (script) => void (await client.query(script)),
    transaction: (fn) => inSavepoint(self, fn),
  };
  return self;
}

function openPg(config: Extract<DbConfig, { driver: 'pg' }>): Db {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    types: pgTypes,
    // a server that is down or unreachable fails the request after this instead of queueing it forever
    connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
    // notices a silently dropped connection (a restarted host) instead of writing into the void
    keepAlive: true,
    ...(config.statementTimeoutMs > 0 ? { statement_timeout: config.statementTimeoutMs } : {}),
  });
  // An idle client losing its server (restart) must not crash the process; the pool drops it
  // and the next request connects anew.
  pool.on('error', () => {});
  return {
    driver: 'pg',
    async query<R extends object>(query: string | SQL, params: readonly unknown[] = []) {
      const { text, values } = toText(query, params);
      return (await pool.query<R & pg.QueryResultRow>(text, values)).rows;
    },
    exec: async (script) => void (await pool.query(script)),
    async transaction(fn) {
      const client = await pool.connect();
      // pg-pool removes its idle 'error' listener while a client is checked out; a server that
      // goes away between two statements of this transaction would otherwise emit an unhandled
      // 'error' and end the process. The next statement then fails and the client is discarded.
      let broken: Error | undefined;
      const onError = (err: Error) => void (broken = err);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(pgClientTx(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
          broken ??= rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        });
        throw err;
      } finally {
        client.removeListener('error', onError);
        // a broken connection is destroyed instead of returned to the pool
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the configured database; does not migrate (see `migrate`). */
export async function openDatabase(config: DbConfig): Promise<Db> {
  return config.driver === 'pglite' ? openPglite(config) : openPg(config);
}

/** Serialises an embedded database to a tarball (used to clone a migrated template quickly). */
export async function dumpPglite(dataDir: string): Promise<Blob> {
  const lite = await PGlite.create({ dataDir, extensions: { postgis } });
  try {
    return await lite.dumpDataDir('none');
  } finally {
    await lite.close();
  }
}
