// Writes a file's rows inside the import's transaction. First optimistically, all rows in one
// savepoint (set-based in chunks where the import has a batch writer, about 7x faster on the
// embedded database; else one statement per row); only if the database refuses one does it roll that back and
// write again with a savepoint per row, so every refused row (a venue outside every township, a
// broken CHECK) becomes an error on its own line and the remaining rows are still checked.
import type { Queryable } from '@svm/db';
import { constraintMessage, type ImportErrors } from './import-errors.ts';
import { importProgress, type ImportProgress } from './progress.ts';

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
  // a job's progress (kernel/import/progress.ts): rows written, and the phase after the writing
  const progress = importProgress();
  progress?.enter('writing');
  const before = progress?.rowsWritten ?? 0;
  let written: Written | null = null;
  try {
    written = await tx.transaction(async (sp) => {
      const counts: Written = { inserted: 0, updated: 0, ids: [] };
      if (batch) {
        for (let i = 0; i < rows.length; i += BATCH) {
          for (const done of await batch(sp, rows.slice(i, i + BATCH))) tally(counts, done, progress);
          await progress?.breathe();
        }
      } else {
        for (const row of rows) {
          tally(counts, await write(sp, row), progress);
          await progress?.breathe();
        }
      }
      return counts;
    });
  } catch (err) {
    if (constraintMessage(err) === null) throw err;
  }
  if (!written) {
    // the rows counted by the attempt that rolled back are written again, one savepoint each
    if (progress) progress.rowsWritten = before;
    written = { inserted: 0, updated: 0, ids: [] };
    for (const row of rows) {
      try {
        tally(written, await tx.transaction((sp) => write(sp, row)), progress);
        await progress?.breathe();
      } catch (err) {
        const message = constraintMessage(err);
        if (message === null) throw err;
        errors.add({ line: row.line, reason: 'constraint', message: `the database refused this row: ${message}` });
      }
    }
  }
  progress?.enter('linking');
  return written;
}

function tally(counts: Written, done: Upserted | null, progress?: ImportProgress): void {
  progress?.wrote(done ? 1 : 0);
  if (!done) return;
  counts.ids.push(done.id);
  if (done.inserted) counts.inserted++;
  else counts.updated++;
}
