// CSV import of patrols, keyed by external_id; venues by their external_id, workers by username.
import type { Queryable } from '@svm/db';
import { PATROL_RESULTS } from '@svm/contract';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import {
  upsertedPatrol,
  upsertedPatrols,
  usersByUsername,
  venuesByExternalId,
  type PatrolImport,
} from './csv-imports.queries.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';

export const PATROL_COLUMNS = {
  external_id: cell.externalId('external_id'),
  venue_external_id: cell.externalId('venue_external_id'),
  worker_username: cell.text('worker_username', 64),
  patrolled_at: cell.instant('patrolled_at'),
  result: cell.oneOf('result', PATROL_RESULTS),
  note: cell.text('note', 2000).default(''),
};

export async function importPatrols(tx: Queryable, text: string, now: Date): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = csvRows(text, PATROL_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.external_id, 'external_id', errors);
  const venues = await venuesByExternalId(
    tx,
    rows.map((r) => r.value.venue_external_id),
  );
  const workers = await usersByUsername(
    tx,
    rows.map((r) => r.value.worker_username),
  );
  for (const { line, value: p } of rows) {
    const venue = venues.get(p.venue_external_id);
    if (!venue)
      errors.add({
        line,
        column: 'venue_external_id',
        reason: 'unknown_reference',
        message: `no venue has external_id ${quoted(p.venue_external_id)}`,
      });
    else if (p.patrolled_at < venue.registered_at) {
      errors.add({
        line,
        column: 'patrolled_at',
        reason: 'time_order',
        message: `is before the venue's registration at ${venue.registered_at.toISOString()}`,
      });
    }
    if (!workers.has(p.worker_username))
      errors.add({
        line,
        column: 'worker_username',
        reason: 'unknown_reference',
        message: `no user is named ${quoted(p.worker_username)}`,
      });
    if (p.patrolled_at > now)
      errors.add({ line, column: 'patrolled_at', reason: 'in_future', message: 'must not be in the future' });
  }
  errors.throwIfAny('the patrol file was refused');
  const toPatrol = ({ value: p }: (typeof rows)[number]): PatrolImport => ({
    externalId: p.external_id,
    venueId: venues.get(p.venue_external_id)!.id,
    workerId: workers.get(p.worker_username)!.id,
    patrolledAt: p.patrolled_at,
    result: p.result,
    note: p.note,
  });
  const counts = await writeRows(
    tx,
    rows,
    errors,
    (sp, row) => upsertedPatrol(sp, toPatrol(row)),
    (sp, batch) => upsertedPatrols(sp, batch.map(toPatrol)),
  );
  errors.throwIfAny('the patrol file was refused');
  return { inserted: counts.inserted, updated: counts.updated };
}
