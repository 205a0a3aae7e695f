// CSV import of sign-offs, keyed by external_id. A rectified hazard whose required parties have
// all passed is closed at its latest sign-off, by the same rule as the API.
import type { Queryable } from '@svm/db';
import type { Actor } from '../../auth/actor.ts';
import { ACCEPTANCE_PARTIES } from '@svm/contract';
import { lockedHazard } from '../../domain/hazard-lifecycle.queries.ts';
import { closeIfAccepted } from '../../domain/hazard-lifecycle.ts';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import { hazardsByExternalId, latestSignOffAt, upsertedAcceptance } from './csv-imports.queries.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';

export const ACCEPTANCE_COLUMNS = {
  external_id: cell.externalId('external_id'),
  hazard_external_id: cell.externalId('hazard_external_id'),
  party: cell.oneOf('party', ACCEPTANCE_PARTIES),
  passed: cell.bool('passed'),
  at: cell.instant('at'),
  signed_by: cell.text('signed_by', 100).optional(),
  note: cell.text('note', 2000).default(''),
};

export async function importAcceptances(
  tx: Queryable,
  text: string,
  actor: Actor,
): Promise<Counts & { hazardsClosed: number }> {
  const errors = new ImportErrors();
  const rows = csvRows(text, ACCEPTANCE_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.external_id, 'external_id', errors);
  const hazards = await hazardsByExternalId(
    tx,
    rows.map((r) => r.value.hazard_external_id),
  );
  for (const { line, value: a } of rows) {
    const hazard = hazards.get(a.hazard_external_id);
    if (!hazard)
      errors.add({
        line,
        column: 'hazard_external_id',
        reason: 'unknown_reference',
        message: `no hazard has external_id ${quoted(a.hazard_external_id)}`,
      });
    else if (a.at < hazard.found_at)
      errors.add({
        line,
        column: 'at',
        reason: 'time_order',
        message: `is before the hazard was found (${hazard.found_at.toISOString()})`,
      });
  }
  errors.throwIfAny('the acceptance file was refused');
  const counts = await writeRows(tx, rows, errors, (sp, { value: a }) =>
    upsertedAcceptance(sp, {
      externalId: a.external_id,
      hazardId: hazards.get(a.hazard_external_id)!.id,
      party: a.party,
      passed: a.passed,
      at: a.at,
      actorName: a.signed_by ?? actor.name,
      actorId: actor.id,
      note: a.note,
    }),
  );
  errors.throwIfAny('the acceptance file was refused');
  let hazardsClosed = 0;
  const who = { id: actor.id, name: actor.name };
  for (const id of new Set([...hazards.values()].map((h) => h.id))) {
    const h = await lockedHazard(tx, id);
    const at = await latestSignOffAt(tx, id);
    if (!h || h.status !== 'rectified' || !at || (h.rectified_at && at < h.rectified_at)) continue;
    if ((await closeIfAccepted(tx, h, at, who)).status === 'closed') hazardsClosed++;
  }
  return { inserted: counts.inserted, updated: counts.updated, hazardsClosed };
}
