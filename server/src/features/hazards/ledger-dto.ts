// Ledger rows to the contract's DTO and validated queries to the ledger filter, shared by the
// ledger route and the hazard exports (which must honour the same filters).
import type { z } from 'zod';
import { listOf, type hazardExportQuerySchema, type LedgerRowDto, type TownshipId } from '@svm/contract';
import type { Queryable } from '@svm/db';
import { Problem } from '../../kernel/problem.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { hazardTypeCodes, type LedgerFilter, type LedgerRow } from './hazards.queries.ts';

export function toLedgerRow(row: LedgerRow): LedgerRowDto {
  return {
    id: row.id,
    externalId: row.external_id,
    venue: { id: row.venue_id, externalId: row.venue_external_id, name: row.venue_name, address: row.venue_address },
    township:
      row.township_id === null || row.township_name === null
        ? null
        : { id: row.township_id as TownshipId, name: row.township_name },
    type: { code: row.type_code, name: row.type_name, nameEn: row.type_name_en },
    severity: row.severity,
    status: row.status,
    foundAt: row.found_at.toISOString(),
    deadline: row.deadline?.toISOString() ?? null,
    responsiblePerson: row.responsible_person,
    responsiblePhone: row.responsible_phone,
    overdue: row.overdue,
    reboundOf: row.rebound_of,
  };
}

/** The ledger filter of a validated query; an unknown type is a 400 and an unknown township a 404. */
export async function ledgerFilterOf(
  db: Queryable,
  q: z.output<typeof hazardExportQuerySchema>,
): Promise<LedgerFilter> {
  if (q.type !== undefined) {
    const codes = await hazardTypeCodes(db);
    if (!codes.includes(q.type)) {
      // the catalogue is a table that may grow: a long one is summarised (contract listOf)
      const message = `type ${JSON.stringify(q.type)} is not one of ${listOf(codes)}`;
      throw Problem.badRequest(`type: ${message}`, [{ in: 'query', path: 'type', message }]);
    }
  }
  if (q.township !== undefined && !(await townshipExists(db, q.township))) {
    throw Problem.notFound(`township ${q.township} does not exist`);
  }
  return {
    asOf: q.asOf ?? new Date(),
    status: q.status ?? null,
    overdue: q.overdue ?? null,
    rebound: q.rebound ?? null,
    type: q.type ?? null,
    townshipId: q.township ?? null,
    party: q.party ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
    q: q.q ?? null,
  };
}
