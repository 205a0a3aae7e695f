// Wall display tokens, administered by admin accounts: POST (create, the token shown once),
// GET (list, never the token), DELETE /:id (revoke, ending every session opened with it).
import { Hono } from 'hono';
import type { Queryable } from '@svm/db';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { displayTokenCreateSchema, displayTokenIdParamSchema, type DisplayTokenCreatedDto } from '@svm/contract';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { displayTokens, insertedDisplayToken, revokedDisplayToken } from './auth.queries.ts';

export function displayTokensRoute(db: Queryable) {
  return new Hono()
    .get('/', async (c) => {
      requireAdmin(await actorOf(c, db), 'list display tokens');
      return c.json(await displayTokens(db));
    })
    .post('/', jsonBodyLimit, validate('json', displayTokenCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'create display tokens');
      const token = newToken();
      const created = await db.transaction(async (tx) => {
        if (input.townshipId !== null && !(await townshipExists(tx, input.townshipId))) {
          throw Problem.unprocessable(
            `township ${input.townshipId} does not exist; give an existing township id, or null for the whole city`,
          );
        }
        const dto = await insertedDisplayToken(tx, input.label, input.townshipId, tokenHash(token), actor.id);
        await audit(tx, actor, {
          action: 'display_token.create',
          entity: 'display_token',
          entityId: dto.id,
          detail: { label: dto.label, scope: dto.scope },
        });
        return dto;
      });
      const body: DisplayTokenCreatedDto = { ...created, token, wallPath: `/wall?token=${encodeURIComponent(token)}` };
      return c.json(body, 201);
    })
    .delete('/:id', validate('param', displayTokenIdParamSchema), async (c) => {
      const { id } = c.req.valid('param');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'revoke display tokens');
      const revoked = await db.transaction(async (tx) => {
        const dto = await revokedDisplayToken(tx, id);
        if (!dto) throw Problem.notFound(`display token ${id} does not exist`);
        await audit(tx, actor, { action: 'display_token.revoke', entity: 'display_token', entityId: id });
        return dto;
      });
      return c.json(revoked);
    });
}
