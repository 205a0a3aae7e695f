// Hazard lifecycle writes: assign (→ rectifying), rectified, acceptances (sign-offs, closing
// automatically when all required passed) and an explicit close. Each move is one transaction
// with its hazard_transitions row and audit entry; an illegal move is a 409 and writes nothing.
import { Hono } from 'hono';
import type { Queryable } from '@svm/db';
import { actorOf, type Actor } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { assertMayClose, assertMayHandleHazard, assertMaySignOff } from '../../auth/authority.ts';
import {
  acceptanceCreateSchema,
  hazardAssignSchema,
  hazardNoteSchema,
  idParamSchema,
  type HazardWithAcceptancesDto,
} from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import {
  changedHazard,
  hazardDto,
  lockedHazard,
  recordAcceptance,
  recordTransition,
  type HazardRow,
} from '../../domain/hazard-lifecycle.queries.ts';
import { assertAllowed, closeIfAccepted, closeOrRefuse } from '../../domain/hazard-lifecycle.ts';
import { hazardAcceptances } from './hazard-writes.queries.ts';

type Step = (tx: Queryable, h: HazardRow, now: Date) => Promise<{ row: HazardRow; detail: Record<string, unknown> }>;

/** Runs one lifecycle step on a locked hazard inside a transaction, audited as `action`. */
async function step(
  db: Queryable,
  actor: Actor,
  id: number,
  action: string,
  fn: Step,
): Promise<HazardWithAcceptancesDto> {
  return db.transaction(async (tx) => {
    const h = await lockedHazard(tx, id);
    if (!h) throw Problem.notFound(`hazard ${id} does not exist`);
    const now = new Date();
    const { row, detail } = await fn(tx, h, now);
    await audit(tx, actor, {
      action,
      entity: 'hazard',
      entityId: id,
      detail: { from: h.status, to: row.status, ...detail },
    });
    return { ...hazardDto(row), acceptances: await hazardAcceptances(tx, id) };
  });
}

export function hazardsWriteRoute({ db }: AppDeps) {
  return new Hono()
    .post(
      '/:id/assign',
      jsonBodyLimit,
      validate('param', idParamSchema),
      validate('json', hazardAssignSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        const who = { id: actor.id, name: actor.name };
        return c.json(
          await step(db, actor, id, 'hazard.assign', async (tx, h, now) => {
            await assertMayHandleHazard(tx, actor, id, 'assign');
            assertAllowed(h, 'assign');
            if (input.deadline < h.found_at) {
              throw Problem.unprocessable(
                `deadline ${input.deadline.toISOString()} is before the hazard was found (${h.found_at.toISOString()}); it must be at or after that`,
              );
            }
            const row = await changedHazard(tx, id, {
              status: 'rectifying',
              responsiblePerson: input.responsiblePerson,
              responsiblePhone: input.responsiblePhone ?? null,
              deadline: input.deadline,
            });
            if (h.status !== 'rectifying')
              await recordTransition(
                tx,
                id,
                h.status,
                'rectifying',
                now,
                who,
                `assigned to ${input.responsiblePerson}`,
              );
            return { row, detail: { ...input, deadline: input.deadline.toISOString() } };
          }),
        );
      },
    )
    .post(
      '/:id/rectified',
      jsonBodyLimit,
      validate('param', idParamSchema),
      validate('json', hazardNoteSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const { note } = c.req.valid('json');
        const actor = await actorOf(c, db);
        return c.json(
          await step(db, actor, id, 'hazard.rectified', async (tx, h, now) => {
            await assertMayHandleHazard(tx, actor, id, 'report rectified');
            assertAllowed(h, 'rectified');
            const row = await changedHazard(tx, id, { status: 'rectified', rectifiedAt: now });
            await recordTransition(tx, id, h.status, 'rectified', now, actor, note);
            return { row, detail: { note } };
          }),
        );
      },
    )
    .post(
      '/:id/acceptances',
      jsonBodyLimit,
      validate('param', idParamSchema),
      validate('json', acceptanceCreateSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        const res = await step(db, actor, id, 'hazard.acceptance', async (tx, h, now) => {
          await assertMaySignOff(tx, actor, id, input.party);
          assertAllowed(h, 'acceptances');
          if (h.fixed_on_spot) throw Problem.conflict(`hazard ${id} was fixed on the spot; it needs no joint sign-off`);
          const acceptanceId = await recordAcceptance(tx, id, input.party, input.passed, now, actor, input.note);
          let row;
          if (!input.passed) {
            row = await changedHazard(tx, id, { status: 'rectifying' });
            await recordTransition(
              tx,
              id,
              'rectified',
              'rectifying',
              now,
              actor,
              `${input.party} sign-off failed: ${input.note}`,
            );
          } else {
            row = await closeIfAccepted(tx, h, now, actor);
          }
          return { row, detail: { acceptanceId, ...input } };
        });
        return c.json(res, 201);
      },
    )
    .post(
      '/:id/close',
      jsonBodyLimit,
      validate('param', idParamSchema),
      validate('json', hazardNoteSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const actor = await actorOf(c, db);
        return c.json(
          await step(db, actor, id, 'hazard.close', async (tx, h, now) => {
            await assertMayClose(tx, actor, id);
            return { row: await closeOrRefuse(tx, h, now, actor), detail: {} };
          }),
        );
      },
    );
}
