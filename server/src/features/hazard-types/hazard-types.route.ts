// The city's hazard catalogue: GET /api/hazard-types (every signed-in account), POST, PATCH and
// DELETE /api/hazard-types/{code} (administrator). A type some hazard has keeps its code and is
// never deleted: it is retired instead, which refuses it for new hazards and keeps the history.
import { Hono } from 'hono';
import {
  hazardTypeCreateSchema,
  hazardTypeParamSchema,
  hazardTypeQuerySchema,
  hazardTypeUpdateSchema,
} from '@svm/contract';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { hazardTypeDto, upsertedHazardType } from '../../domain/hazard-types.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { deletedHazardType, hazardTypeList, lockedHazardType, recodedHazardType } from './hazard-types.queries.ts';

const uses = (n: number) => `${n} hazard${n === 1 ? ' has' : 's have'} it`;

export function hazardTypesRoute({ db }: AppDeps) {
  return new Hono()
    .get('/', validate('query', hazardTypeQuerySchema), async (c) =>
      c.json((await hazardTypeList(db, c.req.valid('query'))).map(hazardTypeDto)),
    )
    .post('/', jsonBodyLimit, validate('json', hazardTypeCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'add hazard types');
      const created = await db.transaction(async (tx) => {
        if (await lockedHazardType(tx, input.code))
          throw Problem.conflict(
            `hazard type "${input.code}" already exists; PATCH /api/hazard-types/${input.code} changes it`,
          );
        await upsertedHazardType(tx, { ...input, retired: false });
        await audit(tx, actor, {
          action: 'hazard_type.create',
          entity: 'hazard_type',
          entityId: input.code,
          detail: input,
        });
        return hazardTypeDto((await lockedHazardType(tx, input.code))!);
      });
      return c.json(created, 201);
    })
    .patch(
      '/:code',
      jsonBodyLimit,
      validate('param', hazardTypeParamSchema),
      validate('json', hazardTypeUpdateSchema),
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        requireAdmin(actor, 'change hazard types');
        return c.json(
          await db.transaction(async (tx) => {
            const before = await lockedHazardType(tx, code);
            if (!before) throw Problem.notFound(`hazard type "${code}" does not exist`);
            const newCode = input.code ?? code;
            if (newCode !== code) {
              if (before.hazard_count > 0)
                throw Problem.conflict(
                  `hazard type "${code}" keeps its code: ${uses(before.hazard_count)}; add a new type and retire this one`,
                );
              if (await lockedHazardType(tx, newCode))
                throw Problem.conflict(`hazard type "${newCode}" already exists`);
              await recodedHazardType(tx, code, newCode);
            }
            await upsertedHazardType(tx, {
              code: newCode,
              name: input.name ?? before.name,
              nameEn: input.nameEn ?? before.name_en,
              defaultSeverity: input.defaultSeverity ?? before.default_severity,
              categories: input.categories ?? before.categories,
              retired: input.retired ?? before.retired_at !== null,
            });
            const { hazard_count: _, ...was } = before;
            await audit(tx, actor, {
              action: 'hazard_type.update',
              entity: 'hazard_type',
              entityId: code,
              detail: { before: was, changes: input },
            });
            return hazardTypeDto((await lockedHazardType(tx, newCode))!);
          }),
        );
      },
    )
    .delete('/:code', validate('param', hazardTypeParamSchema), async (c) => {
      const { code } = c.req.valid('param');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'delete hazard types');
      await db.transaction(async (tx) => {
        const before = await lockedHazardType(tx, code);
        if (!before) throw Problem.notFound(`hazard type "${code}" does not exist`);
        if (before.hazard_count > 0)
          throw Problem.conflict(
            `hazard type "${code}" cannot be deleted: ${uses(before.hazard_count)}; retire it instead (PATCH with retired: true)`,
          );
        await deletedHazardType(tx, code);
        const { hazard_count: _, ...was } = before;
        await audit(tx, actor, {
          action: 'hazard_type.delete',
          entity: 'hazard_type',
          entityId: code,
          detail: { before: was },
        });
      });
      return c.body(null, 204);
    });
}
