// Whole KPI answers (the counts per township) filed under the data version (kernel/cache/), so a summary's
// trend week-ends and a repeated overview cost one computation until the data changes; one cache
// type for both users of the KPIs, the stats summary and the townships list.
import type { Queryable } from '@svm/db';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import { kpiCountsByTownship, type KpiArgs, type KpiCountsRow } from './kpis.queries.ts';

export type KpiCache = VersionedCache<KpiCountsRow[]>;

/** One per app (createApp wires each route once), so test apps never share answers. */
export function newKpiCache(): KpiCache {
  // a row is ~25 numbers: a city of 20 townships is a few kB per answer
  return new VersionedCache<KpiCountsRow[]>({ maxEntries: 512 });
}

/** Everything the counts depend on besides the data: the scope's SQL inputs, the moment and the period. */
export function kpiKey({ scope, asOf, from, to, townshipId }: KpiArgs): string {
  return JSON.stringify([
    scope.townshipId,
    scope.categories,
    asOf.toISOString(),
    from.toISOString(),
    to.toISOString(),
    townshipId,
  ]);
}

/**
 * The counts of kpiCountsByTownship, from the cache when `fixedAsOf`: the as-of is a moment the
 * caller named (or a past week's end), not the clock's "now", whose answer would drift as overdue
 * venues and cells flip with time. Not cached either inside a transaction that has written.
 */
export async function cachedKpiCounts(
  db: Queryable,
  cache: KpiCache,
  args: KpiArgs,
  fixedAsOf: boolean,
): Promise<KpiCountsRow[]> {
  if (!fixedAsOf) return kpiCountsByTownship(db, args);
  // read BEFORE computing: an answer computed from newer data is merely recomputed later
  const version = await dataVersion(db);
  return cache.get(kpiKey(args), version, () => kpiCountsByTownship(db, args));
}
