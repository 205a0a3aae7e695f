// The database a command-line tool works on: the one the server uses (DATABASE_URL, or the
// embedded one in DATA_DIR), read through the server's own env.ts and migrated like at start-up.
import { DatabaseInUseError, dbConfigFromEnv, migrate, MigrationError, openDatabase, type Db } from '@svm/db';
import type { ServerEnv } from '../env.ts';

export interface CliDatabase {
  db: Db;
  /** where it is, for the tool's output */
  where: string;
}

export async function openCliDatabase(env: ServerEnv): Promise<CliDatabase> {
  const config = dbConfigFromEnv(env);
  // a tool's statements may run long (a whole city removed); they are not a request's
  const db = await openDatabase({ ...config, statementTimeoutMs: 0 });
  try {
    await migrate(db);
    const where =
      config.driver === 'pglite'
        ? `the embedded database in ${config.dataDir}`
        : 'the PostgreSQL server (DATABASE_URL)';
    return { db, where };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

/** How a command opens its database: the server's, closed again when the command is done. */
export const openerFor = (env: ServerEnv) => async () => {
  const { db, where } = await openCliDatabase(env);
  return { db, where, close: () => db.close() };
};

/**
 * Runs a command and exits with its status; a database that cannot be opened (in use by
 * another process, or its migrations refused) is said in one line, anything else in full.
 */
export async function exitWith(command: () => Promise<number>): Promise<never> {
  try {
    process.exit(await command());
  } catch (err) {
    const known = err instanceof MigrationError || err instanceof DatabaseInUseError;
    console.error(known ? `Cannot open the database: ${err.message}` : err);
    process.exit(1);
  }
}
