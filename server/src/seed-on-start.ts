// Seeds the demo city into an empty database, so a fresh checkout starts with something to see.
import type { Db } from '@svm/db';
import type { SeedOptions, SeedReport } from '@svm/db/seed';
import { createDemoSignIns, describeDemoSignIns, type DemoSignIns } from './auth/demo-accounts.ts';
import { hasTownships } from './features/townships/townships.queries.ts';

/** How the demo accounts sign in: one password for all, and the wall display's token. */
export interface DemoSignInOptions {
  password: string;
  wallToken: string;
}

/** Seeds when the database has no townships (and gives its demo accounts their password); null when it already had a city. */
export async function seedIfEmpty(
  db: Db,
  options: SeedOptions,
  demo?: DemoSignInOptions,
): Promise<(SeedReport & { signIns: DemoSignIns | null }) | null> {
  if (await hasTownships(db)) return null;
  // imported only when needed: a server on a seeded database never loads the generator
  const { seedCity } = await import('@svm/db/seed');
  const report = await seedCity(db, options);
  const signIns = demo ? await createDemoSignIns(db, demo.password, demo.wallToken) : null;
  return { ...report, signIns };
}

export function describeSeedReport(r: SeedReport & { signIns?: DemoSignIns | null }): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `Seeded the demo city (seed ${r.seed}) in ${(r.durationMs / 1000).toFixed(1)} s: ` +
    `${n(r.townships)} townships, ${n(r.gridCells)} grid cells, ${n(r.streets)} streets, ${n(r.venues)} venues, ` +
    `${n(r.patrols)} patrols, ${n(r.hazards)} hazards, ${n(r.acceptances)} acceptances` +
    (r.signIns ? `\n${describeDemoSignIns(r.signIns)}` : '')
  );
}
