// Writes a file's rows inside the import's transaction. First optimistically, all rows in one
// savepoint (set-based in chunks where the import has a batch writer, about 7x faster on the
// embedded database; else one statement per row); only if the database refuses one does it roll that back and
// write again with a savepoint per row, so every refused row (a venue outside every township, a
// broken CHECK) becomes an error on its own line and the remaining rows are still checked.
import type { Queryable } from '@svm/db';
import { constraintMessage, type ImportErrors } from './import-errors.ts';

const BATCH = 2000;

/** What an upsert keyed by external id returns: the row's id and whether it was new. */
export interface Upserted {
  id: number;
  inserted: boolean;
}

export interface Counts {
  inserted: number;
  updated: number;
}
type Written = Counts & { ids: number[] };

export async function writeRows<R extends { line: number }>(
  tx: Queryable,
  rows: R[],
  errors: ImportErrors,
  write: (tx: Queryable, row: R) => Promise<Upserted | null>,
  batch?: (tx: Queryable, rows: R[]) => Promise<Upserted[]>,
): Promise<Written> {
  try {
    return await tx.transaction(async (sp) => {
      const counts: Written = { inserted: 0, updated: 0, ids: [] };
      if (batch) {
        for (let i = 0; i < rows.length; i += BATCH)
          for (const done of await batch(sp, rows.slice(i, i + BATCH))) tally(counts, done);
      } else {
        for (const row of rows) tally(counts, await write(sp, row));
      }
      return counts;
    });
  } catch (err) {
    if (constraintMessage(err) === null) throw err;
  }
  const counts: Written = { inserted: 0, updated: 0, ids: [] };
  for (const row of rows) {
    try {
      tally(counts, await tx.transaction((sp) => write(sp, row)));
    } catch (err) {
      const message = constraintMessage(err);
      if (message === null) throw err;
      errors.add({ line: row.line, reason: 'constraint', message: `the database refused this row: ${message}` });
    }
  }
  return counts;
}

function tally(counts: Written, done: Upserted | null): void {
  if (!done) return;
  counts.ids.push(done.id);
  if (done.inserted) counts.inserted++;
  else counts.updated++;
}
