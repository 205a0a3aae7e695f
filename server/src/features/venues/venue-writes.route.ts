// Venue register writes: POST /api/venues, PATCH /api/venues/:id, POST /api/venues/:id/close.
import { Hono } from 'hono';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { assertMayWriteVenue } from '../../auth/authority.ts';
import { idParamSchema, venueCloseSchema, venueCreateSchema, venuePatchSchema } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { lockedVenueDates, relocatedHazardsOf } from '../../domain/venues.queries.ts';
import { closedVenue, insertedVenue, patchedVenue, pointIsInsideSomeTownship } from './venue-writes.queries.ts';

const outsideTownships = ([lon, lat]: [number, number]) =>
  Problem.unprocessable(
    `location [${lon}, ${lat}] lies outside every township; a venue must be inside the city's townships`,
  );

export function venuesWriteRoute({ db }: AppDeps) {
  return new Hono()
    .post('/', jsonBodyLimit, validate('json', venueCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      const venue = await db.transaction(async (tx) => {
        if (!(await pointIsInsideSomeTownship(tx, input.location))) throw outsideTownships(input.location);
        await assertMayWriteVenue(tx, actor, { location: input.location });
        const created = await insertedVenue(tx, input, input.registeredAt ?? new Date());
        await audit(tx, actor, {
          action: 'venue.register',
          entity: 'venue',
          entityId: created.id,
          detail: { venue: created },
        });
        return created;
      });
      return c.json(venue, 201);
    })
    .patch('/:id', jsonBodyLimit, validate('param', idParamSchema), validate('json', venuePatchSchema), async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const actor = await actorOf(c, db);
      const venue = await db.transaction(async (tx) => {
        const current = await lockedVenueDates(tx, id);
        if (!current) throw Problem.notFound(`venue ${id} does not exist`);
        await assertMayWriteVenue(tx, actor, { venueId: id });
        if (patch.location && !(await pointIsInsideSomeTownship(tx, patch.location)))
          throw outsideTownships(patch.location);
        // moving a venue needs authority where it goes as well as where it is
        if (patch.location) await assertMayWriteVenue(tx, actor, { location: patch.location });
        if (patch.registeredAt && current.closed_at && patch.registeredAt > current.closed_at) {
          throw Problem.unprocessable(
            `registeredAt must not be after the venue's closing at ${current.closed_at.toISOString()}`,
          );
        }
        const changed = await patchedVenue(tx, id, patch);
        if (patch.location) await relocatedHazardsOf(tx, [id]);
        await audit(tx, actor, { action: 'venue.update', entity: 'venue', entityId: id, detail: { changes: patch } });
        return changed;
      });
      return c.json(venue);
    })
    .post(
      '/:id/close',
      jsonBodyLimit,
      validate('param', idParamSchema),
      validate('json', venueCloseSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const closedAt = c.req.valid('json').closedAt ?? new Date();
        const actor = await actorOf(c, db);
        const venue = await db.transaction(async (tx) => {
          const current = await lockedVenueDates(tx, id);
          if (!current) throw Problem.notFound(`venue ${id} does not exist`);
          await assertMayWriteVenue(tx, actor, { venueId: id });
          if (current.status === 'closed') {
            throw Problem.conflict(
              `venue ${id} is already closed (since ${current.closed_at?.toISOString()}); only an active venue can be closed`,
            );
          }
          if (closedAt < current.registered_at) {
            throw Problem.unprocessable(
              `closedAt must not be before the venue's registration at ${current.registered_at.toISOString()}`,
            );
          }
          const closed = await closedVenue(tx, id, closedAt);
          await audit(tx, actor, {
            action: 'venue.close',
            entity: 'venue',
            entityId: id,
            detail: { closedAt: closedAt.toISOString() },
          });
          return closed;
        });
        return c.json(venue);
      },
    );
}
