// Named queries over the hazard ledger as of a moment: a filtered keyset page (also paged through
// by the exports) and the hazard type codes a filter may name.
import { sql, type Queryable } from '@svm/db';
import type { HazardStatus, JointParty } from '@svm/contract';
import { venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface LedgerFilter {
  asOf: Date;
  status: HazardStatus | null;
  overdue: boolean | null;
  rebound: boolean | null;
  type: string | null;
  townshipId: number | null;
  party: JointParty | null;
  from: Date | null;
  to: Date | null;
  /** an external id of the hazard or its venue (exact), or part of the venue's name or address */
  q: string | null;
}

export interface LedgerRow {
  id: number;
  external_id: string | null;
  venue_id: number;
  venue_external_id: string | null;
  venue_name: string;
  venue_address: string;
  township_id: number | null;
  township_name: string | null;
  type_code: string;
  type_name: string;
  type_name_en: string;
  severity: 'general' | 'major';
  status: HazardStatus;
  found_at: Date;
  deadline: Date | null;
  responsible_person: string | null;
  responsible_phone: string | null;
  overdue: boolean;
  rebound_of: number | null;
  lon: number;
  lat: number;
}

/** Hazards found by a moment at venues in the scope matching the filter, ordered by id, after `afterId`, at most `limit`. */
export async function ledgerPage(
  db: Queryable,
  scope: ReadScope,
  f: LedgerFilter,
  afterId: number | null,
  limit: number,
): Promise<LedgerRow[]> {
  return db.query<LedgerRow>(sql`
    SELECT h.id, h.external_id, v.id AS venue_id, v.external_id AS venue_external_id, v.name AS venue_name, v.address AS venue_address,
           t.id AS township_id, t.name AS township_name,
           h.type_code, ht.name AS type_name, ht.name_en AS type_name_en, h.severity::text AS severity,
           s.status::text AS status, h.found_at, h.deadline, h.responsible_person, h.responsible_phone,
           coalesce(a.overdue, false) AS overdue, h.rebound_of, ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat
      FROM hazards_as_of(${f.asOf}::timestamptz) a
      JOIN hazards h ON h.id = a.hazard_id
      JOIN hazard_states(${f.asOf}::timestamptz) s ON s.hazard_id = h.id
      JOIN hazard_types ht ON ht.code = h.type_code
      JOIN venues v ON v.id = h.venue_id
      LEFT JOIN townships t ON t.id = h.township_id
     WHERE ${venueInScope(scope)}
       AND (${afterId}::bigint IS NULL OR h.id > ${afterId}::bigint)
       AND (${f.status}::text IS NULL OR s.status = ${f.status}::hazard_status)
       AND (${f.overdue}::boolean IS NULL OR coalesce(a.overdue, false) = ${f.overdue}::boolean)
       AND (${f.rebound}::boolean IS NULL OR (h.rebound_of IS NOT NULL) = ${f.rebound}::boolean)
       AND (${f.type}::text IS NULL OR h.type_code = ${f.type}::text)
       AND (${f.townshipId}::int IS NULL OR h.township_id = ${f.townshipId}::int)
       AND (${f.from}::timestamptz IS NULL OR h.found_at >= ${f.from}::timestamptz)
       AND (${f.to}::timestamptz IS NULL OR h.found_at < ${f.to}::timestamptz)
       -- external ids exactly (as stored); names and addresses by substring, as the venue search
       AND (${f.q}::text IS NULL OR h.external_id = ${f.q}::text OR v.external_id = ${f.q}::text
            OR strpos(lower(v.name), lower(${f.q}::text)) > 0 OR strpos(lower(v.address), lower(${f.q}::text)) > 0)
       AND (${f.party}::text IS NULL OR EXISTS (
             SELECT 1 FROM hazards_awaiting(${f.asOf}::timestamptz) w
              WHERE w.hazard_id = h.id AND w.party = ${f.party}::acceptance_party))
     ORDER BY h.id
     LIMIT ${limit}::int`);
}

/** Every hazard type code, for telling a caller which ones exist. */
export async function hazardTypeCodes(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ code: string }>('SELECT code FROM hazard_types ORDER BY code');
  return rows.map((r) => r.code);
}
