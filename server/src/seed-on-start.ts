// What start-up does about the city: seeds the demo city into a database that holds no township
// and no account (so a fresh checkout starts with something to see), or, asked not to
// (SEED_ON_START=false), leaves the database as it is and says how to create the first admin.
import type { Queryable } from '@svm/db';
import type { SeedOptions, SeedReport } from '@svm/db/seed';
import { createDemoSignIns, describeDemoSignIns, type DemoSignIns } from './auth/demo-accounts.ts';
import { hasAccounts } from './features/accounts/users.queries.ts';
import { hasTownships } from './features/townships/townships.queries.ts';

/** How the demo accounts sign in: one password for all, and the wall display's token. */
export interface DemoSignInOptions {
  password: string;
  wallToken: string;
}

export type SeedOnStartReport = SeedReport & { signIns: DemoSignIns | null };

/**
 * Seeds when the database has no townships and no accounts (and gives its demo accounts their
 * password); null when it already had either. Accounts without townships are a city that started
 * empty and has not loaded its townships yet (or removed the demo): it is never seeded over.
 */
export async function seedIfEmpty(
  db: Queryable,
  options: SeedOptions,
  demo?: DemoSignInOptions,
): Promise<SeedOnStartReport | null> {
  if ((await hasTownships(db)) || (await hasAccounts(db))) return null;
  // imported only when needed: a server on a seeded database never loads the generator
  const { seedCity } = await import('@svm/db/seed');
  const report = await seedCity(db, options);
  const signIns = demo ? await createDemoSignIns(db, demo.password, demo.wallToken) : null;
  return { ...report, signIns };
}

export interface CityOnStart {
  /** SEED_ON_START */
  seedOnStart: boolean;
  seed: SeedOptions;
  demo: DemoSignInOptions;
}

/** Start-up's city step: seeds when asked and the database is empty, and says what it did or why not. */
export async function prepareCity(
  db: Queryable,
  options: CityOnStart,
  log: (line: string) => void,
): Promise<SeedOnStartReport | null> {
  if (options.seedOnStart) {
    const report = await seedIfEmpty(db, options.seed, options.demo);
    if (report) log(describeSeedReport(report));
    else if (!(await hasTownships(db))) {
      log('Not seeding the demo city (SEED_ON_START): the database has accounts but no townships yet; import them');
    }
    return report;
  }
  if (!(await hasAccounts(db))) {
    log('SEED_ON_START=false and no accounts yet: create the first admin with pnpm admin:create --username <name>');
  }
  return null;
}

export function describeSeedReport(r: SeedReport & { signIns?: DemoSignIns | null }): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `Seeded the demo city (seed ${r.seed}) in ${(r.durationMs / 1000).toFixed(1)} s: ` +
    `${n(r.townships)} townships, ${n(r.gridCells)} grid cells, ${n(r.streets)} streets, ${n(r.venues)} venues, ` +
    `${n(r.patrols)} patrols, ${n(r.hazards)} hazards, ${n(r.acceptances)} acceptances` +
    (r.signIns ? `\n${describeDemoSignIns(r.signIns)}` : '') +
    '\n(pnpm demo:remove takes the demo city out again; SEED_ON_START=false starts without it)'
  );
}
