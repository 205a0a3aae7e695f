// The benchmark's PostgreSQL + PostGIS cluster and its two cities: a persistent cluster in a
// folder outside the repo (initdb once, pg_ctl start when stopped), and each city database
// seeded once with the project's generator and then reused, recognised by a marker table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase } from '@svm/db';
import { seedCity } from '@svm/db/seed';
// the demo accounts' passwords are made exactly as the server makes them on a seeded start
import { createDemoSignIns } from '@svm/server/bench';

/** Bumped when the generator or the seeding options change, so an old city is not reused. */
export const CITY_VERSION = 1;
export const BENCH_PASSWORD = 'svm-bench-2026';
/** History ends here in both cities, and every as-of figure is asked at this moment. */
export const REFERENCE_DATE = new Date('2026-11-30T00:00:00Z');

export interface CitySpec {
  name: string;
  venues: number;
  years: number;
  seed: number;
}

export interface Cluster {
  dir: string;
  port: number;
  urlOf: (database: string) => string;
}

function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const last = versions[versions.length - 1];
  if (!last) throw new Error('bench: no PostgreSQL server binaries under /usr/lib/postgresql (set PG_BIN)');
  return join(root, last, 'bin');
}

// as root the cluster belongs to the postgres user (initdb refuses to run as root)
function run(bin: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// As root the server runs as the postgres user, which cannot enter /root (mode 700): the
// default folder is then under /var/cache instead of ~/.cache.
const defaultDir = process.getuid?.() === 0 ? '/var/cache/svm-bench/pg' : join(homedir(), '.cache', 'svm-bench', 'pg');

/** Starts the cluster in `dir` (creating it on first use) on `port`; reuses a running one. */
export function ensureCluster(
  dir = process.env.BENCH_PG_DIR ?? defaultDir,
  port = Number(process.env.BENCH_PG_PORT ?? 55432),
): Cluster {
  const bin = pgBin();
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  if (!existsSync(join(data, 'PG_VERSION'))) {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  let running = true;
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, 'status']);
  } catch {
    running = false;
  }
  if (!running) {
    // a benchmark database, not a durable one: no fsync; memory sized for a 2-core, few-GB machine
    const opts =
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off ` +
      '-c full_page_writes=off -c max_connections=100 -c shared_buffers=512MB -c work_mem=32MB ' +
      '-c maintenance_work_mem=512MB -c max_wal_size=4GB';
    run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', opts, 'start']);
  }
  return { dir, port, urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

export function stopCluster(cluster: Cluster): void {
  run(join(pgBin(), 'pg_ctl'), ['-D', join(cluster.dir, 'data'), '-m', 'fast', 'stop']);
}

interface Marker {
  version: number;
  venues: number;
  years: number;
  seed: number;
  reference_date: Date;
}

/** Creates and seeds the city database unless a complete one of the same spec exists; says which. */
export async function ensureCity(
  cluster: Cluster,
  spec: CitySpec,
  log: (m: string) => void,
): Promise<'reused' | 'seeded'> {
  const admin = new pg.Client({ connectionString: cluster.urlOf('postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [spec.name]);
    if (exists.rowCount) {
      const marker = await readMarker(cluster.urlOf(spec.name));
      if (
        marker &&
        marker.version === CITY_VERSION &&
        marker.venues === spec.venues &&
        marker.years === spec.years &&
        marker.seed === spec.seed &&
        marker.reference_date.getTime() === REFERENCE_DATE.getTime()
      )
        return 'reused';
      log(`${spec.name}: present but ${marker ? 'of another spec' : 'incomplete'}; seeding again`);
      await admin.query(`DROP DATABASE ${pg.escapeIdentifier(spec.name)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(spec.name)}`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ driver: 'pg', url: cluster.urlOf(spec.name), poolSize: 2, statementTimeoutMs: 0 });
  try {
    await migrate(db);
    const report = await seedCity(db, {
      seed: spec.seed,
      venues: spec.venues,
      years: spec.years,
      referenceDate: REFERENCE_DATE,
      onProgress: (m) => log(`${spec.name}: ${m}`),
    });
    await createDemoSignIns(db, BENCH_PASSWORD, 'bench-wall-token');
    await db.query('VACUUM ANALYZE');
    // written last: a seed interrupted part way leaves no marker and is redone next time
    await db.exec(`CREATE TABLE bench_marker (version int, venues int, years float8, seed int, reference_date timestamptz,
                    patrols bigint, hazards bigint, seeded_at timestamptz DEFAULT now())`);
    await db.query(
      'INSERT INTO bench_marker (version, venues, years, seed, reference_date, patrols, hazards) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [CITY_VERSION, spec.venues, spec.years, spec.seed, REFERENCE_DATE, report.patrols, report.hazards],
    );
    log(
      `${spec.name}: seeded ${report.venues} venues, ${report.patrols} patrols, ${report.hazards} hazards in ${(report.durationMs / 1000).toFixed(0)} s`,
    );
  } finally {
    await db.close();
  }
  return 'seeded';
}

async function readMarker(url: string): Promise<Marker | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = await client.query(`SELECT to_regclass('bench_marker') AS t`);
    if (!t.rows[0]?.t) return null;
    const r = await client.query<Marker>(
      'SELECT version, venues, years, seed, reference_date FROM bench_marker LIMIT 1',
    );
    return r.rows[0] ?? null;
  } finally {
    await client.end();
  }
}
