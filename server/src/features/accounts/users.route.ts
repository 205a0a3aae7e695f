// Account administration, admin only: GET /api/auth/users lists accounts (never a password hash),
// POST creates one whose bindings fit its role, PATCH /:id sets a password (the seeded grid workers
// have none until an admin gives them one), (de)activates, renames or changes the phone. Role and
// bindings are fixed once created: they decide what the account reads. The last active admin
// cannot be deactivated (nobody could administer anything after). Every change is audited
// without the password.
import { Hono } from 'hono';
import type { Queryable } from '@svm/db';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { hashPassword } from '../../auth/password.ts';
import {
  userCreateSchema,
  userIdParamSchema,
  usersQuerySchema,
  userUpdateSchema,
  type UserAccountPage,
  type UserCreateInput,
} from '@svm/contract';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { decodeCursor, pageOf } from '../../kernel/cursor.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { bindingRefusals } from '../../domain/accounts.ts';
import { createdAccount, departmentExists, usernameTaken } from '../../domain/accounts.queries.ts';
import { isLastActiveAdmin, updatedUser, userAccount, userAccounts, type AccountChange } from './users.queries.ts';

/** The shared role rule (domain/accounts.ts), refused by field before the table's checks would refuse the row. */
function checkBindings(input: UserCreateInput): void {
  const [first] = bindingRefusals(
    input.role,
    { township: input.townshipId !== undefined, department: input.departmentId !== undefined },
    { township: 'townshipId', department: 'departmentId' },
  );
  if (first)
    throw Problem.unprocessable(first.message, { errors: [{ in: 'json', path: first.field, message: first.message }] });
}

export function usersRoute(db: Queryable) {
  return new Hono()
    .get('/', validate('query', usersQuerySchema), async (c) => {
      const query = c.req.valid('query');
      requireAdmin(await actorOf(c, db), 'list accounts');
      const afterId = decodeCursor(query.cursor);
      const rows = await userAccounts(db, {
        role: query.role ?? null,
        townshipId: query.townshipId ?? null,
        active: query.active ?? null,
        q: query.q ?? null,
        afterId,
        limit: query.limit + 1,
      });
      const body: UserAccountPage = pageOf(rows, query.limit);
      return c.json(body);
    })
    .post('/', jsonBodyLimit, validate('json', userCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'create accounts');
      checkBindings(input);
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const account = await db.transaction(async (tx) => {
        if (input.townshipId !== undefined && !(await townshipExists(tx, input.townshipId))) {
          throw Problem.unprocessable(`township ${input.townshipId} does not exist; give an existing township id`);
        }
        if (input.departmentId !== undefined && !(await departmentExists(tx, input.departmentId))) {
          throw Problem.unprocessable(
            `industry department ${input.departmentId} does not exist; give an existing department id`,
          );
        }
        // a concurrent create of the same name still ends as 409: the unique index's violation is one
        if (await usernameTaken(tx, input.username))
          throw Problem.conflict(`username ${input.username} is taken; choose another`);
        const id = await createdAccount(tx, actor, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          townshipId: input.townshipId ?? null,
          departmentId: input.departmentId ?? null,
          phone: input.phone ?? null,
          passwordHash,
        });
        return (await userAccount(tx, id))!;
      });
      return c.json(account, 201);
    })
    .patch(
      '/:id',
      jsonBodyLimit,
      validate('param', userIdParamSchema),
      validate('json', userUpdateSchema),
      async (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        requireAdmin(actor, 'change accounts');
        const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
        const change: AccountChange = {
          ...(passwordHash === undefined ? {} : { passwordHash }),
          ...(input.active === undefined ? {} : { active: input.active }),
          ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
          ...(input.phone === undefined ? {} : { phone: input.phone }),
        };
        const account = await db.transaction(async (tx) => {
          if (input.active === false && (await isLastActiveAdmin(tx, id))) {
            throw Problem.conflict(
              `user ${id} is the last active admin account; create or activate another admin first`,
            );
          }
          if (!(await updatedUser(tx, id, change))) throw Problem.notFound(`user ${id} does not exist`);
          await audit(tx, actor, {
            action: 'user.update',
            entity: 'user',
            entityId: id,
            detail: {
              passwordSet: passwordHash !== undefined,
              active: input.active ?? null,
              ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
              ...(input.phone === undefined ? {} : { phone: input.phone }),
            },
          });
          return (await userAccount(tx, id))!;
        });
        return c.json(account);
      },
    );
}
