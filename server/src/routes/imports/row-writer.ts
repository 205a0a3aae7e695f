// Writes a file's rows one by one inside the import's transaction. Each row runs in its own
// savepoint so a row the database refuses (a venue outside every township, a broken CHECK)
// becomes an error on that row's line and the remaining rows are still checked.
import type { Queryable } from '@svm/db';
import { constraintMessage, type ImportErrors } from './import-errors.ts';
import type { Upserted } from './csv-imports.queries.ts';

export interface Counts { inserted: number; updated: number }

export async function writeRows<R extends { line: number }>(
  tx: Queryable, rows: R[], errors: ImportErrors, write: (tx: Queryable, row: R) => Promise<Upserted | null>,
): Promise<Counts & { ids: number[] }> {
  const counts = { inserted: 0, updated: 0, ids: [] as number[] };
  for (const row of rows) {
    try {
      const done = await tx.transaction((sp) => write(sp, row));
      if (!done) continue;
      counts.ids.push(done.id);
      if (done.inserted) counts.inserted++;
      else counts.updated++;
    } catch (err) {
      const message = constraintMessage(err);
      if (message === null) throw err;
      errors.add({ line: row.line, message: `the database refused this row: ${message}` });
    }
  }
  return counts;
}
