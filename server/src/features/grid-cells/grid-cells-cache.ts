// Whole grid-cell lists filed under the data version (kernel/cache/): the city's cells as of a named
// moment cost one computation until the data changes.
import type { Queryable } from '@svm/db';
import type { ReadScope } from '../../auth/scope.queries.ts';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import { gridCellsWithStatus, type GridCellFilter, type GridCellRow } from './grid-cells.queries.ts';

export type GridCellsCache = VersionedCache<GridCellRow[]>;

/** One per app (createApp wires each route once), so test apps never share answers. */
export function newGridCellsCache(): GridCellsCache {
  // a city's list is ~0.5 kB a cell (its outline as GeoJSON text): ~1.3 MB for 2,600 cells
  return new VersionedCache<GridCellRow[]>({
    maxEntries: 64,
    maxBytes: 64 << 20,
    sizeOf: (rows) => rows.reduce((n, r) => n + r.geometry.length + 200, 0),
  });
}

/** Everything the list depends on besides the data: the scope's SQL inputs and the filter. */
export function gridCellsKey(scope: ReadScope, f: GridCellFilter): string {
  return JSON.stringify([scope.townshipId, scope.categories, f.asOf.toISOString(), f.townshipId, f.bbox, f.cellId]);
}

/**
 * gridCellsWithStatus, from the cache when `namedAsOf`: the caller named the moment. "Now" is not
 * cached (unpatrolled cells and overdue venues flip as the clock moves), nor inside a transaction
 * that has written.
 */
export async function cachedGridCells(
  db: Queryable,
  cache: GridCellsCache,
  scope: ReadScope,
  f: GridCellFilter,
  namedAsOf: boolean,
): Promise<GridCellRow[]> {
  if (!namedAsOf) return gridCellsWithStatus(db, scope, f);
  // read BEFORE computing: an answer computed from newer data is merely recomputed later
  const version = await dataVersion(db);
  return cache.get(gridCellsKey(scope, f), version, () => gridCellsWithStatus(db, scope, f));
}
