// CSV import of the hazard ledger, keyed by external_id. Hazards may arrive in any status,
// closed ones with closed_at; rebound links are recomputed for them and their neighbours.
import type { Queryable } from '@svm/db';
import type { Actor } from '../../auth/actor.ts';
import { HAZARD_SEVERITIES, HAZARD_STATUSES, HAZARD_TYPE_CODE, HAZARD_TYPE_CODE_RULE, listOf } from '@svm/contract';
import { hazardTypeCodes, hazardTypesByCode, refusalOfNewHazardType } from '../../domain/hazard-types.queries.ts';
import { recordTransition } from '../../domain/hazard-lifecycle.queries.ts';
import { requiredParties } from '../../domain/hazard-lifecycle.ts';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { ImportErrors, quoted } from '../../kernel/import/import-errors.ts';
import {
  addMissingSignOffs,
  hazardsByExternalId,
  patrolsByExternalId,
  relinkRebounds,
  upsertedHazard,
  venuesByExternalId,
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
    const rectifiedAt = h.rectified_at ?? (h.fixed_on_spot ? h.closed_at : undefined);
    if ((h.status === 'rectified' || h.status === 'closed') && !rectifiedAt)
      errors.add({
        line,
        column: 'rectified_at',
        reason: 'status_rule',
        message: `a ${h.status} hazard needs rectified_at`,
      });
    if (h.status !== 'open' && !h.fixed_on_spot && (!h.responsible_person || !h.deadline)) {
      errors.add({
        line,
        column: 'responsible_person',
        reason: 'status_rule',
        message: `a ${h.status} hazard not fixed on the spot needs responsible_person and deadline`,
      });
    }
    if (h.deadline && h.deadline < h.found_at)
      errors.add({ line, column: 'deadline', reason: 'time_order', message: 'deadline must not be before found_at' });
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
  const counts = await writeRows(tx, rows, errors, async (sp, { value: h }) => {
    const rectifiedAt = h.rectified_at ?? (h.fixed_on_spot ? h.closed_at : undefined) ?? null;
    const done = await upsertedHazard(sp, {
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
    });
    const old = before.get(h.external_id)?.status ?? null;
    if (old !== h.status) {
      await recordTransition(
        sp,
        done.id,
        old as typeof h.status | null,
        h.status,
        h.closed_at ?? rectifiedAt ?? h.found_at,
        who,
        'imported',
      );
    }
    // A ledger's closed hazard was signed off in its source system: record the required passed
    // sign-offs at the closing so the closing rule holds (the acceptances import can add the detail).
    if (h.status === 'closed' && h.closed_at) {
      await addMissingSignOffs(
        sp,
        done.id,
        requiredParties({ fixed_on_spot: h.fixed_on_spot }),
        h.closed_at,
        who,
        'imported as closed',
      );
    }
    return done;
  });
  errors.throwIfAny('the hazard file was refused');
  const reboundLinksChanged = await relinkRebounds(tx, counts.ids);
  return { inserted: counts.inserted, updated: counts.updated, reboundLinksChanged };
}
