// Whether a township exists: the 404 check of every route taking a township filter (venues, ledger,
// grid cells, stats, rebounds, blind spots, exports) and of the accounts and display tokens bound to one,
// so it sits below the features.
import type { Queryable } from '@svm/db';

export async function townshipExists(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM townships WHERE id = $1) AS found', [
    id,
  ]);
  return rows[0]?.found ?? false;
}
