// Process entry: configuration, database, optional demo seeding, HTTP server, clean shutdown.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { databaseInfo, dbConfigFromEnv, migrate, MigrationError, openDatabase } from '@svm/db';
import { createApp } from './app.ts';
import { env } from './env.ts';
import { describeSeedReport, seedIfEmpty } from './seed-on-start.ts';

async function main(): Promise<void> {
  const config = dbConfigFromEnv(env);
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    const info = await databaseInfo(db);
    const where = config.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
    console.log(
      `Database: ${where}, PostgreSQL ${info.postgres}, PostGIS ${info.postgis}` +
        (applied.length ? `, applied ${applied.join(', ')}` : ''),
    );
    if (env.SEED_ON_START) {
      // the demo city's history ends now, so the map shows current duties and overdue work
      const report = await seedIfEmpty(db, {
        seed: env.SEED,
        venues: env.SEED_VENUES,
        years: env.SEED_YEARS,
        referenceDate: new Date(),
        onProgress: (message) => console.log(`  seeding: ${message}`),
      });
      if (report) console.log(describeSeedReport(report));
    }
    if (!existsSync(env.WEB_DIST)) {
      console.warn(`No web build in ${env.WEB_DIST}: serving the API only (build it: pnpm --filter @svm/web build)`);
    }
    const app = createApp({ db, info, webDist: env.WEB_DIST });
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (address) => {
      console.log(`Dashboard ready: http://localhost:${address.port}/`);
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'EADDRINUSE' ? `port ${env.PORT} is already in use (set PORT)` : err.message;
      console.error(`Cannot serve on ${env.HOST}:${env.PORT}: ${reason}`);
      void db.close().finally(() => process.exit(1));
    });
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: shutting down`);
      // a long-lived connection (a wall display's stream) must not hold the process forever
      setTimeout(() => {
        console.error('shutdown took over 10 s; exiting anyway');
        process.exit(1);
      }, 10_000).unref();
      // stop taking requests first, then close the database the in-flight ones were using
      server.close(() => {
        db.close().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error('closing the database failed', err);
            process.exit(1);
          },
        );
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

main().catch((err: unknown) => {
  // MigrationError already says what to do (e.g. install PostGIS); no stack needed
  console.error(err instanceof MigrationError ? `Cannot start: ${err.message}` : err);
  process.exit(1);
});
