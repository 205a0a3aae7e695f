// Command line: seed a city into the configured database (DATABASE_URL or the embedded one).
//   pnpm seed -- --venues 200000 --years 2 [--seed 20261130] [--reference-date 2026-11-30] [--reset]
import { parseArgs } from 'node:util';
import { openDatabase } from '../client.ts';
import { dbConfigFromEnv, dbEnvSchema, parseEnv } from '../config.ts';
import { migrate } from '../migrate.ts';
import { seedCity } from './index.ts';

const { values } = parseArgs({
  options: {
    venues: { type: 'string', default: '10000' },
    years: { type: 'string', default: '1' },
    seed: { type: 'string', default: '20261130' },
    'reference-date': { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const venues = Number(values.venues);
const years = Number(values.years);
const seed = Number(values.seed);
const referenceDate = values['reference-date'] ? new Date(values['reference-date']) : new Date();
if (!Number.isInteger(venues) || venues < 100 || venues > 5_000_000)
  throw new Error('--venues must be an integer from 100 to 5000000');
if (!(years > 0 && years <= 10)) throw new Error('--years must be a number above 0 and at most 10');
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
if (Number.isNaN(referenceDate.getTime())) throw new Error('--reference-date must be a date such as 2026-11-30');

const env = parseEnv(dbEnvSchema, process.env);
const db = await openDatabase({ ...dbConfigFromEnv(env), statementTimeoutMs: 0 });
try {
  await migrate(db);
  if (values.reset) {
    await db.exec(`TRUNCATE audit_log, acceptances, hazard_transitions, hazards, patrols, venues, reference_points,
                   streets, grid_cells, users, industry_departments, townships RESTART IDENTITY CASCADE`);
  }
  const report = await seedCity(db, { seed, venues, years, referenceDate, onProgress: (m) => console.log(`  ${m}`) });
  await db.query('ANALYZE');
  const [size] = await db.query<{ bytes: number }>('SELECT pg_database_size(current_database())::float8 AS bytes');
  console.log(JSON.stringify({ ...report, databaseBytes: size?.bytes, driver: db.driver }, null, 2));
} finally {
  await db.close();
}
