// POST /api/patrols: a grid worker's visit of a venue and the hazards found, written as one.
import { Hono } from 'hono';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { assertMayPatrol } from '../../auth/authority.ts';
import { patrolCreateSchema, type HazardDto, type PatrolCreate, type PatrolDto } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { changedHazard, hazardDto, recordTransition, type Who } from '../../domain/hazard-lifecycle.queries.ts';
import { fixOnTheSpot } from '../../domain/hazard-lifecycle.ts';
import { lockedVenueDates } from '../../domain/venues.queries.ts';
import { insertedOpenHazard, insertedPatrol } from './patrols.queries.ts';
import { hazardTypesByCode, refusalOfNewHazardType } from '../../domain/hazard-types.queries.ts';
import type { Queryable } from '@svm/db';

/** Checks every hazard up front and lists all problems at once (index in `hazards`). */
async function checkedSeverities(db: Queryable, input: PatrolCreate): Promise<HazardDto['severity'][]> {
  const errors: { in: string; path: string; message: string }[] = [];
  const severities: HazardDto['severity'][] = [];
  const types = await hazardTypesByCode(
    db,
    input.hazards.map((h) => h.typeCode),
  );
  for (const [i, h] of input.hazards.entries()) {
    const type = types.get(h.typeCode);
    const refusal = refusalOfNewHazardType(h.typeCode, type);
    if (refusal) errors.push({ in: 'json', path: `hazards.${i}.typeCode`, message: refusal });
    const fallback = refusal ? null : type!.default_severity;
    if (h.deadline && h.deadline < input.patrolledAt) {
      errors.push({
        in: 'json',
        path: `hazards.${i}.deadline`,
        message: 'deadline must not be before patrolledAt (when the hazard was found)',
      });
    }
    severities.push(h.severity ?? fallback ?? 'general');
  }
  if (errors.length) throw Problem.unprocessable(errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return severities;
}

export function patrolsWriteRoute({ db }: AppDeps) {
  return new Hono().post('/', jsonBodyLimit, validate('json', patrolCreateSchema), async (c) => {
    const input = c.req.valid('json');
    const actor = await actorOf(c, db);
    const who: Who = { id: actor.id, name: actor.name };
    const result = input.result ?? (input.hazards.length ? 'hazards_found' : 'ok');
    if (input.hazards.length && result !== 'hazards_found') {
      throw Problem.unprocessable(`a patrol with hazards must have result hazards_found, not ${result}`);
    }
    if (input.patrolledAt.getTime() > Date.now()) throw Problem.unprocessable('patrolledAt must not be in the future');
    const body = await db.transaction(async (tx): Promise<PatrolDto> => {
      const venue = await lockedVenueDates(tx, input.venueId);
      if (!venue) throw Problem.unprocessable(`venue ${input.venueId} does not exist`);
      await assertMayPatrol(tx, actor, venue.id);
      if (input.patrolledAt < venue.registered_at) {
        throw Problem.unprocessable(
          `patrolledAt must not be before the venue's registration at ${venue.registered_at.toISOString()}`,
        );
      }
      if (venue.closed_at && input.patrolledAt > venue.closed_at) {
        throw Problem.unprocessable(
          `venue ${venue.id} closed at ${venue.closed_at.toISOString()}; a patrol must be before that`,
        );
      }
      const severities = await checkedSeverities(tx, input);
      const patrol = await insertedPatrol(tx, {
        venueId: venue.id,
        workerId: actor.id,
        patrolledAt: input.patrolledAt,
        result,
        note: input.note,
      });
      const hazards: HazardDto[] = [];
      for (const [i, h] of input.hazards.entries()) {
        const assigned = h.responsiblePerson !== undefined && h.deadline !== undefined;
        let row = await insertedOpenHazard(tx, {
          venueId: venue.id,
          patrolId: patrol.id,
          typeCode: h.typeCode,
          severity: severities[i] ?? 'general',
          description: h.description,
          foundAt: input.patrolledAt,
          responsiblePerson: h.responsiblePerson ?? null,
          responsiblePhone: h.responsiblePhone ?? null,
          deadline: h.deadline ?? null,
        });
        await recordTransition(tx, row.id, null, 'open', input.patrolledAt, who, 'found on patrol');
        if (h.fixedOnSpot) row = await fixOnTheSpot(tx, row, who);
        else if (assigned) {
          row = await changedHazard(tx, row.id, { status: 'rectifying' });
          await recordTransition(
            tx,
            row.id,
            'open',
            'rectifying',
            input.patrolledAt,
            who,
            'responsible person and deadline set on patrol',
          );
        }
        hazards.push(hazardDto(row));
      }
      const dto: PatrolDto = {
        id: patrol.id,
        externalId: patrol.external_id,
        venueId: patrol.venue_id,
        gridCellId: patrol.grid_cell_id,
        workerId: patrol.worker_id,
        patrolledAt: patrol.patrolled_at.toISOString(),
        result: patrol.result,
        note: patrol.note,
        hazards,
      };
      await audit(tx, actor, {
        action: 'patrol.record',
        entity: 'patrol',
        entityId: patrol.id,
        detail: { patrol: dto },
      });
      return dto;
    });
    return c.json(body, 201);
  });
}
