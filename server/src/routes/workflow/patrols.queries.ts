// Named queries that record a patrol (its grid cell comes from the venue by trigger).
import { sql, type Queryable } from '@svm/db';
import type { PatrolDto } from '@svm/contract';

export interface PatrolRow {
  id: number; venue_id: number; grid_cell_id: number | null; worker_id: number; patrolled_at: Date;
  result: PatrolDto['result']; note: string;
}

export async function insertedPatrol(tx: Queryable, p: {
  venueId: number; workerId: number; patrolledAt: Date; result: PatrolDto['result']; note: string;
}): Promise<PatrolRow> {
  const rows = await tx.query<PatrolRow>(sql`
    INSERT INTO patrols (venue_id, worker_id, patrolled_at, result, note)
    VALUES (${p.venueId}, ${p.workerId}, ${p.patrolledAt.toISOString()}, ${p.result}::patrol_result, ${p.note})
    RETURNING id, venue_id, grid_cell_id, worker_id, patrolled_at, result, note`);
  return rows[0]!;
}
