// Named queries that record a patrol (its grid cell comes from the venue by trigger) and the hazards it found.
import { sql, type Queryable } from '@svm/db';
import type { HazardDto, PatrolDto } from '@svm/contract';
import { HAZARD_COLUMNS, type HazardRow } from '../../domain/hazard-lifecycle.queries.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export interface PatrolRow {
  id: number;
  external_id: string | null;
  venue_id: number;
  grid_cell_id: number | null;
  worker_id: number;
  patrolled_at: Date;
  result: PatrolDto['result'];
  note: string;
}

export async function insertedPatrol(
  tx: Queryable,
  p: {
    venueId: number;
    workerId: number;
    patrolledAt: Date;
    result: PatrolDto['result'];
    note: string;
  },
): Promise<PatrolRow> {
  const rows = await tx.query<PatrolRow>(sql`
    INSERT INTO patrols (venue_id, worker_id, patrolled_at, result, note)
    VALUES (${p.venueId}, ${p.workerId}, ${p.patrolledAt.toISOString()}, ${p.result}::patrol_result, ${p.note})
    RETURNING id, external_id, venue_id, grid_cell_id, worker_id, patrolled_at, result, note`);
  return rows[0]!;
}

export interface NewHazard {
  venueId: number;
  patrolId: number | null;
  typeCode: string;
  severity: HazardDto['severity'];
  description: string;
  foundAt: Date;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  deadline: Date | null;
}

/** Inserts an open hazard with its rebound link computed now, from the hazards already written. */
export async function insertedOpenHazard(tx: Queryable, h: NewHazard): Promise<HazardRow> {
  const rows = await tx.query<HazardRow>(sql`
    INSERT INTO hazards (venue_id, patrol_id, type_code, severity, status, description, found_at,
                         responsible_person, responsible_phone, deadline, rebound_of)
    VALUES (${h.venueId}, ${h.patrolId}, ${h.typeCode}, ${h.severity}::hazard_severity, 'open', ${h.description},
            ${h.foundAt.toISOString()}, ${h.responsiblePerson}, ${h.responsiblePhone}, ${iso(h.deadline)},
            rebound_source(${h.venueId}, ${h.typeCode}, ${h.foundAt.toISOString()}::timestamptz, NULL))
    RETURNING ${HAZARD_COLUMNS}`);
  return rows[0]!;
}
