// CSV import of the hazard ledger, keyed by external_id. Hazards may arrive in any status,
// closed ones with closed_at (and, from a historic ledger, nothing more: stored recorded_closed);
// rebound links are recomputed for them and their neighbours. Rows are written set-based.
import type { Queryable } from '@svm/db';
import type { Actor } from '../../auth/actor.ts';
import {
  HAZARD_SEVERITIES,
  HAZARD_STATUSES,
  HAZARD_TYPE_CODE,
  HAZARD_TYPE_CODE_RULE,
  listOf,
  type HazardStatus,
} from '@svm/contract';
import { hazardTypeCodes, hazardTypesByCode, refusalOfNewHazardType } from '../../domain/hazard-types.queries.ts';
import { recordTransition } from '../../domain/hazard-lifecycle.queries.ts';
import { requiredParties } from '../../domain/hazard-lifecycle.ts';
import { cell, csvRows, uniqueKeys, type Row as CsvRow } from '../../kernel/import/csv-table.ts';
import { ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import {
  addMissingSignOffs,
  hazardsByExternalId,
  patrolsByExternalId,
  relinkRebounds,
  upsertedHazard,
  upsertedHazardsWithHistory,
  venuesByExternalId,
  type HazardImport,
} from './csv-imports.queries.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';

export const HAZARD_COLUMNS = {
  external_id: cell.externalId('external_id'),
  venue_external_id: cell.externalId('venue_external_id'),
  patrol_external_id: cell.externalId('patrol_external_id').optional(),
  type_code: cell.matching('type_code', HAZARD_TYPE_CODE, HAZARD_TYPE_CODE_RULE),
  severity: cell.oneOf('severity', HAZARD_SEVERITIES).optional(),
  status: cell.oneOf('status', HAZARD_STATUSES),
  found_at: cell.instant('found_at'),
  description: cell.text('description', 2000).default(''),
  fixed_on_spot: cell.bool('fixed_on_spot').default(false),
  responsible_person: cell.text('responsible_person', 100).optional(),
  responsible_phone: cell.text('responsible_phone', 40).optional(),
  deadline: cell.instant('deadline').optional(),
  rectified_at: cell.instant('rectified_at').optional(),
  closed_at: cell.instant('closed_at').optional(),
};

export async function importHazards(
  tx: Queryable,
  text: string,
  actor: Actor,
  /** perRow: write one row at a time (the path before set-based writes; the benchmark compares them) */
  options: { perRow?: boolean } = {},
): Promise<Counts & { reboundLinksChanged: number }> {
  const errors = new ImportErrors();
  const rows = csvRows(text, HAZARD_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.external_id, 'external_id', errors);
  const venues = await venuesByExternalId(
    tx,
    rows.map((r) => r.value.venue_external_id),
  );
  const patrols = await patrolsByExternalId(
    tx,
    rows.flatMap((r) => r.value.patrol_external_id ?? []),
  );
  const before = await hazardsByExternalId(
    tx,
    rows.map((r) => r.value.external_id),
  );
  const types = await hazardTypesByCode(
    tx,
    rows.map((r) => r.value.type_code),
  );
  const codes = await hazardTypeCodes(tx);
  // bounded: a catalogue of hundreds is named by its first codes and its size (listOf)
  const typeList = `${codes.length} codes: ${listOf(codes, 'GET /api/hazard-types')}`;
  for (const { line, value: h } of rows) {
    const venue = venues.get(h.venue_external_id);
    if (!venue)
      errors.add({
        line,
        column: 'venue_external_id',
        reason: 'unknown_reference',
        message: `no venue has external_id ${quoted(h.venue_external_id)}`,
      });
    if (h.patrol_external_id !== undefined) {
      const patrol = patrols.get(h.patrol_external_id);
      if (!patrol)
        errors.add({
          line,
          column: 'patrol_external_id',
          reason: 'unknown_reference',
          message: `no patrol has external_id ${quoted(h.patrol_external_id)}`,
        });
      else if (venue && patrol.venue_id !== venue.id)
        errors.add({
          line,
          column: 'patrol_external_id',
          reason: 'reference_mismatch',
          message: 'the patrol visited another venue',
        });
    }
    // a retired type stays on the hazards that have it: only a new hazard or a new type is refused
    const type = types.get(h.type_code);
    const kept = before.get(h.external_id)?.type_code === h.type_code;
    if (!type)
      errors.add({
        line,
        column: 'type_code',
        reason: 'unknown_value',
        message: `type_code ${quoted(h.type_code)} is not in the hazard-type catalogue (${typeList})`,
      });
    else if (type.retired_at && !kept)
      errors.add({
        line,
        column: 'type_code',
        reason: 'retired_value',
        message: refusalOfNewHazardType(h.type_code, type)!,
      });
    if ((h.status === 'closed') !== (h.closed_at !== undefined))
      errors.add({
        line,
        column: 'closed_at',
        reason: 'status_rule',
        message: 'closed_at is given exactly when status is closed',
      });
    // A closed hazard may come from a historic ledger that kept only when it was found and closed
    // and whether it was fixed on the spot: it is stored marked (recorded_closed) without the rest.
    const rectifiedAt = rectifiedAtOf(h);
    if (h.status === 'rectified' && !rectifiedAt)
      errors.add({
        line,
        column: 'rectified_at',
        reason: 'status_rule',
        message: 'a rectified hazard needs rectified_at (a closed one may lack it)',
      });
    if (
      (h.status === 'rectifying' || h.status === 'rectified') &&
      !h.fixed_on_spot &&
      (!h.responsible_person || !h.deadline)
    ) {
      errors.add({
        line,
        column: 'responsible_person',
        reason: 'status_rule',
        message: `a ${h.status} hazard not fixed on the spot needs responsible_person and deadline (a closed one may lack them)`,
      });
    }
    if (h.deadline && h.deadline < h.found_at)
      errors.add({ line, column: 'deadline', reason: 'time_order', message: 'deadline must not be before found_at' });
    // without a rectification time in between, the closing is checked against the finding itself
    if (h.closed_at && h.closed_at < h.found_at)
      errors.add({ line, column: 'closed_at', reason: 'time_order', message: 'closed_at must not be before found_at' });
    if (rectifiedAt && rectifiedAt < h.found_at)
      errors.add({
        line,
        column: 'rectified_at',
        reason: 'time_order',
        message: 'rectified_at must not be before found_at',
      });
    if (h.closed_at && rectifiedAt && h.closed_at < rectifiedAt)
      errors.add({
        line,
        column: 'closed_at',
        reason: 'time_order',
        message: 'closed_at must not be before rectified_at',
      });
  }
  errors.throwIfAny('the hazard file was refused');
  const who = { id: actor.id, name: actor.name };
  const toHazard = ({ value: h }: Row): HazardImport => {
    const rectifiedAt = rectifiedAtOf(h) ?? null;
    return {
      externalId: h.external_id,
      venueId: venues.get(h.venue_external_id)!.id,
      patrolId: h.patrol_external_id ? patrols.get(h.patrol_external_id)!.id : null,
      typeCode: h.type_code,
      severity: h.severity ?? types.get(h.type_code)!.default_severity,
      status: h.status,
      description: h.description,
      foundAt: h.found_at,
      fixedOnSpot: h.fixed_on_spot,
      responsiblePerson: h.responsible_person ?? null,
      responsiblePhone: h.responsible_phone ?? null,
      deadline: h.deadline ?? null,
      rectifiedAt,
      closedAt: h.closed_at ?? null,
      recordedClosed:
        h.status === 'closed' && !h.fixed_on_spot && (!rectifiedAt || !h.responsible_person || !h.deadline),
    };
  };
  const oldStatus = (h: Row['value']) => (before.get(h.external_id)?.status ?? null) as HazardStatus | null;
  // the status change logged for a row, at the time it reached its status
  const transitionAt = (h: Row['value']) => h.closed_at ?? rectifiedAtOf(h) ?? h.found_at;
  const counts = await writeRows(
    tx,
    rows,
    errors,
    // one row at a time: the path that names a refused row's line (and the whole import with `perRow`)
    async (sp, row) => {
      const h = row.value;
      const done = await upsertedHazard(sp, toHazard(row));
      const old = oldStatus(h);
      if (old !== h.status) await recordTransition(sp, done.id, old, h.status, transitionAt(h), who, 'imported');
      // A ledger's closed hazard was signed off in its source system: record the required passed
      // sign-offs at the closing so the closing rule holds (the acceptances import can add the detail).
      if (h.status === 'closed' && h.closed_at)
        await addMissingSignOffs(
          sp,
          done.id,
          requiredParties({ fixed_on_spot: h.fixed_on_spot }),
          h.closed_at,
          who,
          IMPORTED_CLOSED,
        );
      return done;
    },
    // the same three writes set-based: one statement per chunk of rows
    options.perRow
      ? undefined
      : (sp, chunk) =>
          upsertedHazardsWithHistory(
            sp,
            chunk.map((row) => ({
              ...toHazard(row),
              oldStatus: oldStatus(row.value),
              transitionAt: transitionAt(row.value),
            })),
            who,
            { transition: 'imported', signOff: IMPORTED_CLOSED },
          ),
  );
  errors.throwIfAny('the hazard file was refused');
  const reboundLinksChanged = await relinkRebounds(tx, counts.ids);
  return { inserted: counts.inserted, updated: counts.updated, reboundLinksChanged };
}

const IMPORTED_CLOSED = 'imported as closed';

type Row = CsvRow<typeof HAZARD_COLUMNS>;
type HazardValues = Row['value'];

/** An on-the-spot fix was rectified when it was closed; otherwise only the file says when. */
function rectifiedAtOf(h: Pick<HazardValues, 'rectified_at' | 'fixed_on_spot' | 'closed_at'>): Date | undefined {
  return h.rectified_at ?? (h.fixed_on_spot ? h.closed_at : undefined);
}
