// Named queries over one hazard's lifecycle: the hazard row, its transitions and sign-offs; shared by
// the hazard writes, patrols (hazards found, fixed on the spot) and the hazard and sign-off imports.
import { sql, type Queryable } from '@svm/db';
import type { AcceptanceDto, HazardDto } from '@svm/contract';

export interface HazardRow {
  id: number;
  external_id: string | null;
  venue_id: number;
  patrol_id: number | null;
  type_code: string;
  severity: HazardDto['severity'];
  status: HazardDto['status'];
  description: string;
  found_at: Date;
  fixed_on_spot: boolean;
  responsible_person: string | null;
  responsible_phone: string | null;
  deadline: Date | null;
  rectified_at: Date | null;
  closed_at: Date | null;
  rebound_of: number | null;
}

/** The columns of a HazardRow, for RETURNING and SELECT. */
export const HAZARD_COLUMNS =
  sql.raw(`id, external_id, venue_id, patrol_id, type_code, severity, status, description, found_at, fixed_on_spot,
  responsible_person, responsible_phone, deadline, rectified_at, closed_at, rebound_of`);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function hazardDto(r: HazardRow): HazardDto {
  return {
    id: r.id,
    externalId: r.external_id,
    venueId: r.venue_id,
    patrolId: r.patrol_id,
    typeCode: r.type_code,
    severity: r.severity,
    status: r.status,
    description: r.description,
    foundAt: r.found_at.toISOString(),
    fixedOnSpot: r.fixed_on_spot,
    responsiblePerson: r.responsible_person,
    responsiblePhone: r.responsible_phone,
    deadline: iso(r.deadline),
    rectifiedAt: iso(r.rectified_at),
    closedAt: iso(r.closed_at),
    reboundOf: r.rebound_of,
  };
}

/** The hazard locked for the rest of the transaction, so two sign-offs cannot race; null when missing. */
export async function lockedHazard(tx: Queryable, id: number): Promise<HazardRow | null> {
  const rows = await tx.query<HazardRow>(sql`SELECT ${HAZARD_COLUMNS} FROM hazards WHERE id = ${id} FOR UPDATE`);
  return rows[0] ?? null;
}

export interface Change {
  status: HazardDto['status'];
  responsiblePerson?: string;
  responsiblePhone?: string | null;
  deadline?: Date;
  rectifiedAt?: Date;
  closedAt?: Date;
  fixedOnSpot?: boolean;
}

/** Moves a hazard to `status`, setting only the fields given. */
export async function changedHazard(tx: Queryable, id: number, ch: Change): Promise<HazardRow> {
  const rows = await tx.query<HazardRow>(sql`
    UPDATE hazards SET status = ${ch.status}::hazard_status,
      responsible_person = COALESCE(${ch.responsiblePerson ?? null}::text, responsible_person),
      responsible_phone = CASE WHEN ${ch.responsiblePerson !== undefined}::boolean THEN ${ch.responsiblePhone ?? null}::text ELSE responsible_phone END,
      deadline = COALESCE(${iso(ch.deadline ?? null)}::timestamptz, deadline),
      rectified_at = COALESCE(${iso(ch.rectifiedAt ?? null)}::timestamptz, rectified_at),
      closed_at = COALESCE(${iso(ch.closedAt ?? null)}::timestamptz, closed_at),
      fixed_on_spot = COALESCE(${ch.fixedOnSpot ?? null}::boolean, fixed_on_spot)
    WHERE id = ${id}
    RETURNING ${HAZARD_COLUMNS}`);
  return rows[0]!;
}

export interface Who {
  id: number | null;
  name: string;
}

export async function recordTransition(
  tx: Queryable,
  hazardId: number,
  from: HazardDto['status'] | null,
  to: HazardDto['status'],
  at: Date,
  who: Who,
  note = '',
): Promise<void> {
  await tx.query(sql`
    INSERT INTO hazard_transitions (hazard_id, from_status, to_status, at, actor_id, actor_name, note)
    VALUES (${hazardId}, ${from}::hazard_status, ${to}::hazard_status, ${at.toISOString()}, ${who.id}, ${who.name}, ${note})`);
}

export async function recordAcceptance(
  tx: Queryable,
  hazardId: number,
  party: AcceptanceDto['party'],
  passed: boolean,
  at: Date,
  who: Who,
  note = '',
): Promise<number> {
  const rows = await tx.query<{ id: number }>(sql`
    INSERT INTO acceptances (hazard_id, party, passed, at, actor_id, actor_name, note)
    VALUES (${hazardId}, ${party}::acceptance_party, ${passed}, ${at.toISOString()}, ${who.id}, ${who.name}, ${note})
    RETURNING id`);
  return rows[0]!.id;
}

/** The required parties whose latest sign-off (up to `at`) is missing or failed. */
export async function partiesNotYetPassed(
  tx: Queryable,
  hazardId: number,
  required: readonly string[],
  at: Date,
): Promise<string[]> {
  const rows = await tx.query<{ party: string }>(sql`
    SELECT p AS party FROM unnest(${`{${required.join(',')}}`}::acceptance_party[]) AS p
     WHERE NOT coalesce((SELECT a.passed FROM acceptances a
                          WHERE a.hazard_id = ${hazardId} AND a.party = p AND a.at <= ${at.toISOString()}
                          ORDER BY a.at DESC, a.id DESC LIMIT 1), false)
     ORDER BY p`);
  return rows.map((r) => r.party);
}
