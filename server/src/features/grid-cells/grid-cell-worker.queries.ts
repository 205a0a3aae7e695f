// The grid worker of a cell, as PUT /api/grid-cells/:id/worker reads and sets it.
import { sql, type Queryable } from '@svm/db';
import type { GridCellWorkerDto } from '@svm/contract';

/** A cell's township and current worker, locked for the change; null when there is no such cell. */
export async function cellForAssignment(
  db: Queryable,
  cellId: number,
): Promise<{ township_id: number; worker_id: number | null } | null> {
  const rows = await db.query<{ township_id: number; worker_id: number | null }>(
    sql`SELECT township_id, worker_id FROM grid_cells WHERE id = ${cellId} FOR UPDATE`,
  );
  return rows[0] ?? null;
}

export interface WorkerCandidate {
  id: number;
  role: string;
  township_id: number | null;
  active: boolean;
}

export async function workerCandidate(db: Queryable, userId: number): Promise<WorkerCandidate | null> {
  const rows = await db.query<WorkerCandidate>(
    sql`SELECT id, role::text AS role, township_id, active FROM users WHERE id = ${userId}`,
  );
  return rows[0] ?? null;
}

/** Sets (or clears, null) the cell's worker and answers the cell with its new worker. */
export async function assignedCellWorker(
  db: Queryable,
  cellId: number,
  workerId: number | null,
): Promise<GridCellWorkerDto> {
  const rows = await db.query<{
    id: number;
    code: string;
    name: string;
    township_id: number;
    worker_id: number | null;
    worker_name: string | null;
    worker_username: string | null;
  }>(sql`
    WITH c AS (UPDATE grid_cells SET worker_id = ${workerId}::int WHERE id = ${cellId} RETURNING id, code, name, township_id, worker_id)
    SELECT c.id, c.code, c.name, c.township_id, c.worker_id, u.display_name AS worker_name, u.username AS worker_username
      FROM c LEFT JOIN users u ON u.id = c.worker_id`);
  const r = rows[0]!;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    townshipId: r.township_id,
    worker:
      r.worker_id === null ? null : { id: r.worker_id, name: r.worker_name ?? '', username: r.worker_username ?? '' },
  };
}
