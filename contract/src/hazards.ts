// GET /api/hazards: the hazard ledger (台账) as of a moment, filtered and paged.
import { z } from 'zod';
import { townshipIdSchema, type TownshipId } from './ids.ts';
import { booleanParam, instantSchema, oneOf, pageSchema, searchTextParam } from './params.ts';
import { hazardTypeCodeSchema } from './hazard-types.ts';
import { HAZARD_STATUSES, type HazardStatus, JOINT_PARTIES } from './constants.ts';

const filterShape = {
  /** status as of asOf */
  status: oneOf('status', HAZARD_STATUSES).optional(),
  /** not closed and past its deadline as of asOf */
  overdue: booleanParam('overdue').optional(),
  /** is itself a rebound of an earlier hazard */
  rebound: booleanParam('rebound').optional(),
  /** a hazard type code (GET the ledger with a bad one to see the list) */
  type: hazardTypeCodeSchema('type').optional(),
  township: townshipIdSchema.optional(),
  /** rectified and waiting for this joint-acceptance party's sign-off as of asOf */
  party: oneOf('party', JOINT_PARTIES).optional(),
  /** exactly the external id of the hazard or of its venue, or a case-insensitive substring of the venue's name or address */
  q: searchTextParam('q').optional(),
  /** found in [from, to) */
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  asOf: instantSchema.optional(),
};
const periodOk = (q: { from?: Date | undefined; to?: Date | undefined }) => !q.from || !q.to || q.from < q.to;
const periodRule = { message: 'from must be before to', path: ['from'] };

export const hazardExportQuerySchema = z.object(filterShape).refine(periodOk, periodRule);
export const hazardsQuerySchema = z.object({ ...filterShape, ...pageSchema.shape }).refine(periodOk, periodRule);
export type HazardsQuery = z.output<typeof hazardsQuerySchema>;

export interface LedgerRowDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  venue: { id: number; externalId: string | null; name: string; address: string };
  township: { id: TownshipId; name: string } | null;
  type: { code: string; name: string; nameEn: string };
  severity: 'general' | 'major';
  /** as of asOf */
  status: HazardStatus;
  foundAt: string;
  deadline: string | null;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  overdue: boolean;
  reboundOf: number | null;
}

export interface LedgerPage {
  asOf: string;
  items: LedgerRowDto[];
  nextCursor: string | null;
}
