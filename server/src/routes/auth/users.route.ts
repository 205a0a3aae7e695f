// Account administration, admin only: PATCH /api/auth/users/:id sets a password (the seeded grid
// workers have none until an admin gives them one) or (de)activates an account. Either ends the
// account's sessions; the change is audited without the password.
import { Hono } from 'hono';
import type { Queryable } from '@svm/db';
import { actorOf } from '../../actor.ts';
import { audit } from '../../audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { hashPassword } from '../../auth/password.ts';
import { userIdParamSchema, userUpdateSchema } from '../../contract/index.ts';
import { Problem } from '../../problem.ts';
import { validate } from '../../validate.ts';
import { jsonBodyLimit } from '../workflow/limits.ts';
import { updatedUserAccount } from './auth.queries.ts';

export function usersRoute(db: Queryable) {
  return new Hono().patch('/:id', jsonBodyLimit, validate('param', userIdParamSchema), validate('json', userUpdateSchema), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const actor = await actorOf(c, db);
    requireAdmin(actor, 'change accounts');
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const account = await db.transaction(async (tx) => {
      const dto = await updatedUserAccount(tx, id, { ...(passwordHash ? { passwordHash } : {}), ...(input.active === undefined ? {} : { active: input.active }) });
      if (!dto) throw Problem.notFound(`user ${id} does not exist`);
      await audit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, detail: { passwordSet: passwordHash !== undefined, active: input.active ?? null } });
      return dto;
    });
    return c.json(account);
  });
}
