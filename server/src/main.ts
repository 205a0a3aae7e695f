// Process entry: configuration, database, the demo city (seeded into an empty database unless
// SEED_ON_START=false), HTTP server, graceful shutdown.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { DatabaseInUseError, databaseInfo, dbConfigFromEnv, migrate, MigrationError, openDatabase } from '@svm/db';
import { createApp } from './app.ts';
import { env } from './env.ts';
import { CityTimeZoneError, settleCityTimeZone } from './kernel/city-time-zone.queries.ts';
import { BackgroundWork } from './kernel/background-work.ts';
import { gracefulShutdown } from './kernel/graceful-shutdown.ts';
import { prepareCity } from './seed-on-start.ts';

async function main(): Promise<void> {
  const config = dbConfigFromEnv(env);
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    const info = await databaseInfo(db);
    const where =
      config.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
    console.log(
      `Database: ${where}, PostgreSQL ${info.postgres}, PostGIS ${info.postgis}` +
        (applied.length ? `, applied ${applied.join(', ')}` : ''),
    );
    const cityTimeZone = await settleCityTimeZone(db, env.CITY_TZ, (line) => console.log(line));
    await prepareCity(
      db,
      {
        seedOnStart: env.SEED_ON_START,
        // the demo city's history ends now, so the map shows current duties and overdue work
        seed: {
          seed: env.SEED,
          venues: env.SEED_VENUES,
          years: env.SEED_YEARS,
          referenceDate: new Date(),
          onProgress: (message) => console.log(`  seeding: ${message}`),
        },
        demo: { password: env.DEMO_PASSWORD, wallToken: env.DEMO_WALL_TOKEN },
      },
      (line) => console.log(line),
    );
    if (!existsSync(env.WEB_DIST)) {
      console.warn(`No web build in ${env.WEB_DIST}: serving the API only (build it: pnpm --filter @svm/web build)`);
    }
    const streams = new AbortController();
    // import jobs: cancelled by the shutdown signal, waited for before the database closes
    const background = new BackgroundWork();
    const auth = {
      sessionHours: env.SESSION_HOURS,
      displaySessionDays: env.DISPLAY_SESSION_DAYS,
      trustProxy: env.TRUST_PROXY,
    };
    const app = createApp({
      db,
      info,
      webDist: env.WEB_DIST,
      shutdown: streams.signal,
      background,
      auth,
      basemapStyleUrl: env.BASEMAP_STYLE_URL ?? null,
      cityTimeZone,
    });
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
      console.log(
        `${signal}: finishing requests in flight (up to ${env.SHUTDOWN_GRACE_MS} ms), then closing the database`,
      );
      // the last resort if closing the database itself hangs
      setTimeout(() => {
        console.error('shutdown did not finish; exiting anyway');
        process.exit(1);
      }, env.SHUTDOWN_GRACE_MS + 10_000).unref();
      void gracefulShutdown({
        server,
        streams,
        graceMs: env.SHUTDOWN_GRACE_MS,
        // a running import job rolls back at its next step and records itself failed first
        closeDatabase: () => background.settled().then(() => db.close()),
        log: (m) => console.warn(m),
      }).then(({ error }) => {
        if (error) console.error('closing the database failed', error);
        process.exit(error ? 1 : 0);
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
  // MigrationError and DatabaseInUseError already say what to do (e.g. install PostGIS), as does
  // a CITY_TZ the database does not know: no stack needed
  const known = err instanceof MigrationError || err instanceof DatabaseInUseError || err instanceof CityTimeZoneError;
  console.error(known ? `Cannot start: ${err.message}` : err);
  process.exit(1);
});
