// PUT /api/grid-cells/:id/worker (admin): assigns a cell's grid worker or leaves it without one.
// Write authority for patrols and for venues in a cell is "the worker of the cell", read from
// grid_cells at each write, so the change holds for the very next request of either worker.
import { Hono } from 'hono';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { gridCellParamsSchema, gridCellWorkerSchema } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { assignedCellWorker, cellForAssignment, workerCandidate } from './grid-cell-worker.queries.ts';

export function gridCellWorkerRoute({ db }: AppDeps) {
  return new Hono().put(
    '/:id/worker',
    jsonBodyLimit,
    validate('param', gridCellParamsSchema),
    validate('json', gridCellWorkerSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      const { workerId } = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'assign grid workers');
      const cell = await db.transaction(async (tx) => {
        const current = await cellForAssignment(tx, id);
        if (!current) throw Problem.notFound(`grid cell ${id} does not exist`);
        if (workerId !== null) {
          const worker = await workerCandidate(tx, workerId);
          const refuse = (why: string) => {
            const detail = `user ${workerId} ${why}; a cell's worker must be an active grid_worker account of the cell's township (${current.township_id})`;
            throw Problem.unprocessable(detail, { errors: [{ in: 'json', path: 'workerId', message: detail }] });
          };
          if (!worker) refuse('does not exist');
          else if (worker.role !== 'grid_worker') refuse(`is a ${worker.role} account`);
          else if (!worker.active) refuse('is deactivated');
          else if (worker.township_id !== current.township_id) refuse(`belongs to township ${worker.township_id}`);
        }
        const dto = await assignedCellWorker(tx, id, workerId);
        await audit(tx, actor, {
          action: 'grid_cell.worker',
          entity: 'grid_cell',
          entityId: id,
          detail: { from: current.worker_id, to: workerId },
        });
        return dto;
      });
      return c.json(cell);
    },
  );
}
