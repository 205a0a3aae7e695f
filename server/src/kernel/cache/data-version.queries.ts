// The database's data version (migration 0008): one number that every committed transaction
// changing domain data bumps. Caches file their answers under it.
import type { Queryable } from '@svm/db';

/**
 * The current data version, or null when the answer must not be cached: the caller's own
 * transaction has written something not yet committed (a test's rolled-back transaction, a
 * write route reading back its work), which the version cannot show until commit.
 * Read it BEFORE computing the answer to be cached.
 */
export async function dataVersion(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ version: number; dirty: boolean }>(
    'SELECT version, txid_current_if_assigned() IS NOT NULL AS dirty FROM data_version WHERE id = 1',
  );
  if (!row) throw new Error('data_version has no row: migration 0008 not applied');
  return row.dirty ? null : Number(row.version);
}
