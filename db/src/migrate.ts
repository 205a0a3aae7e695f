// Applies the committed SQL migrations in order, once each, and reports what runs underneath.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${migrationsDir}${name}`, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Fails with a clear message when the server cannot provide PostGIS. */
async function requirePostgis(db: Db): Promise<void> {
  const rows = await db.query<{ available: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS available`,
  );
  if (!rows[0]?.available) {
    throw new MigrationError(
      'PostGIS is not installed on this PostgreSQL server (no "postgis" in pg_available_extensions). ' +
        'Install it (Debian: apt-get install postgresql-15-postgis-3) or unset DATABASE_URL to use the embedded database.',
    );
  }
}

// Arbitrary constant: serialises concurrent migrators (test workers, two app instances).
const MIGRATION_LOCK = 7_318_221;

/** Applies pending migrations; returns the names applied (empty when already current). */
export async function migrate(db: Db): Promise<string[]> {
  await requirePostgis(db);
  return db.transaction(async (tx) => {
    if (db.driver === 'pg') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const m of listMigrations()) {
      const seen = done.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum) throw new MigrationError(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new MigrationError(`applying migration ${m.name}: ${(err as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      applied.push(m.name);
    }
    return applied;
  });
}

export interface DatabaseInfo {
  driver: Db['driver'];
  postgres: string;
  postgis: string;
}

export async function databaseInfo(db: Db): Promise<DatabaseInfo> {
  const rows = await db.query<{ postgres: string; postgis: string }>(
    `SELECT current_setting('server_version') AS postgres, postgis_lib_version() AS postgis`,
  );
  const row = rows[0];
  if (!row) throw new Error('reading server versions returned no row');
  return { driver: db.driver, ...row };
}
