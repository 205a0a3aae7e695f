// The industry departments: GET /api/departments (every signed-in account: codes, names and the
// categories each signs off), POST and PATCH /api/departments/{code} (administrator). A city that
// starts empty creates them here or by POST /api/import/departments before its department accounts.
// The code never changes: accounts and imported files name a department by it.
import { Hono } from 'hono';
import { departmentCreateSchema, departmentParamSchema, departmentUpdateSchema } from '@svm/contract';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { departmentDto, upsertedDepartment } from '../../domain/departments.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { departmentList, lockedDepartment } from './departments.queries.ts';

export function departmentsRoute({ db }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json((await departmentList(db)).map(departmentDto)))
    .post('/', jsonBodyLimit, validate('json', departmentCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'add industry departments');
      const created = await db.transaction(async (tx) => {
        if (await lockedDepartment(tx, input.code))
          throw Problem.conflict(
            `department "${input.code}" already exists; PATCH /api/departments/${input.code} changes it`,
          );
        const { id } = await upsertedDepartment(tx, input);
        await audit(tx, actor, {
          action: 'department.create',
          entity: 'department',
          entityId: input.code,
          detail: { id, ...input },
        });
        return departmentDto((await lockedDepartment(tx, input.code))!);
      });
      return c.json(created, 201);
    })
    .patch(
      '/:code',
      jsonBodyLimit,
      validate('param', departmentParamSchema),
      validate('json', departmentUpdateSchema),
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        requireAdmin(actor, 'change industry departments');
        return c.json(
          await db.transaction(async (tx) => {
            const before = await lockedDepartment(tx, code);
            if (!before) throw Problem.notFound(`department "${code}" does not exist`);
            await upsertedDepartment(tx, {
              code,
              name: input.name ?? before.name,
              nameEn: input.nameEn ?? before.name_en,
              categories: input.categories ?? before.categories,
            });
            const { account_count: _, ...was } = before;
            await audit(tx, actor, {
              action: 'department.update',
              entity: 'department',
              entityId: code,
              detail: { before: was, changes: input },
            });
            return departmentDto((await lockedDepartment(tx, code))!);
          }),
        );
      },
    );
}
