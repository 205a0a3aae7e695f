// Vitest global setup: builds one migrated template database for the run, on the driver
// DATABASE_URL selects, and tells the workers where it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openDatabase } from './client.ts';
import { migrate } from './migrate.ts';
import { testEnv, withDatabase } from './testing.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = testEnv();
  if (!env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'svm-test-'));
    const db = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'db'), statementTimeoutMs: 0 });
    await migrate(db);
    await db.close();
    const dumpFile = join(dir, 'template.tar');
    writeFileSync(dumpFile, Buffer.from(await (await dumpPglite(join(dir, 'db'))).arrayBuffer()));
    project.provide('testDb', { driver: 'pglite', dumpFile });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const template = `svm_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const db = await openDatabase({
    driver: 'pg',
    url: withDatabase(env.DATABASE_URL, template),
    poolSize: 1,
    statementTimeoutMs: 0,
  });
  await migrate(db);
  await db.close();
  project.provide('testDb', { driver: 'pg', url: env.DATABASE_URL, template });
  return async () => {
    const dbs = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${template}%`,
    ]);
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  };
}
