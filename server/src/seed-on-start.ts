// Seeds the demo city into an empty database, so a fresh checkout starts with something to see.
import type { Db } from '@svm/db';
import type { SeedOptions, SeedReport } from '@svm/db/seed';
import { hasTownships } from './routes/townships/townships.queries.ts';

/** Seeds when the database has no townships; returns null when it already had a city. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedReport | null> {
  if (await hasTownships(db)) return null;
  // imported only when needed: a server on a seeded database never loads the generator
  const { seedCity } = await import('@svm/db/seed');
  return seedCity(db, options);
}

export function describeSeedReport(r: SeedReport): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `Seeded the demo city (seed ${r.seed}) in ${(r.durationMs / 1000).toFixed(1)} s: ` +
    `${n(r.townships)} townships, ${n(r.gridCells)} grid cells, ${n(r.streets)} streets, ${n(r.venues)} venues, ` +
    `${n(r.patrols)} patrols, ${n(r.hazards)} hazards, ${n(r.acceptances)} acceptances`
  );
}
