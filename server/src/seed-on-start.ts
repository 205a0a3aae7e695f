// Seeds the demo city into an empty database, so a fresh checkout starts with something to see.
import type { Db } from '@svm/db';
import { hasTownships } from './routes/townships/townships.queries.ts';

export interface SeedOptions {
  seed: number;
  venues: number;
  years: number;
  referenceDate: Date;
}
export interface SeedReport {
  counts: Record<string, number>;
  durationMs: number;
}
type SeedCity = (db: Db, options: SeedOptions) => Promise<SeedReport>;

// Loaded only when needed, so a server on an already seeded database never pays for the
// generator. The specifier is a variable because @svm/db/seed was being written alongside
// this module; the shape is checked below instead of trusted.
const SEED_MODULE = '@svm/db/seed';

async function loadSeedCity(): Promise<SeedCity> {
  const mod: { seedCity?: unknown } = await import(SEED_MODULE);
  if (typeof mod.seedCity !== 'function') throw new Error(`${SEED_MODULE} does not export seedCity()`);
  return mod.seedCity as SeedCity;
}

/** Seeds when the database has no townships; returns null when it already had data. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedReport | null> {
  if (await hasTownships(db)) return null;
  const seedCity = await loadSeedCity();
  return seedCity(db, options);
}

export function describeSeedReport(report: SeedReport): string {
  const counts = Object.entries(report.counts).map(([name, n]) => `${n.toLocaleString('en-US')} ${name}`);
  return `Seeded the demo city in ${(report.durationMs / 1000).toFixed(1)} s: ${counts.join(', ')}`;
}
