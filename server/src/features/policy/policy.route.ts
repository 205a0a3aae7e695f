// The programme's parameters: GET/PUT /api/policy and GET /api/grading-rules, PUT /api/grading-rules/:code.
// Grading is computed by venue_grades() on read, so a rule change re-grades every venue at once.
import { Hono } from 'hono';
import { actorOf } from '../../auth/actor.ts';
import { audit } from '../../auth/audit.ts';
import { requireAdmin } from '../../auth/authority.ts';
import { gradingRuleParamSchema, gradingRuleUpdateSchema, policyUpdateSchema } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { currentPolicy, gradingRules, lockedGradingRule, updatedGradingRule, updatedPolicy } from './policy.queries.ts';

export function policyRoute({ db }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await currentPolicy(db)))
    .put('/', jsonBodyLimit, validate('json', policyUpdateSchema), async (c) => {
      const input = c.req.valid('json');
      const actor = await actorOf(c, db);
      requireAdmin(actor, 'change the patrol policy');
      return c.json(
        await db.transaction(async (tx) => {
          const before = await currentPolicy(tx, true);
          const high = input.gradeHighScore ?? before.gradeHighScore;
          const medium = input.gradeMediumScore ?? before.gradeMediumScore;
          if (high <= medium)
            throw Problem.unprocessable(`gradeHighScore (${high}) must be greater than gradeMediumScore (${medium})`);
          const after = await updatedPolicy(tx, input);
          await audit(tx, actor, {
            action: 'policy.update',
            entity: 'patrol_policy',
            entityId: 1,
            detail: { changes: input },
          });
          return after;
        }),
      );
    });
}

export function gradingRulesRoute({ db }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await gradingRules(db)))
    .put(
      '/:code',
      jsonBodyLimit,
      validate('param', gradingRuleParamSchema),
      validate('json', gradingRuleUpdateSchema),
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const actor = await actorOf(c, db);
        requireAdmin(actor, 'change the grading rules');
        return c.json(
          await db.transaction(async (tx) => {
            const rule = await lockedGradingRule(tx, code);
            if (!rule) throw Problem.notFound(`grading rule ${code} does not exist`);
            if (input.threshold !== undefined && rule.threshold === null) {
              throw Problem.unprocessable(
                `rule ${code} scores ${rule.subject}, which has no threshold; only *_at_least rules take one`,
              );
            }
            const after = await updatedGradingRule(tx, code, input);
            await audit(tx, actor, {
              action: 'grading_rule.update',
              entity: 'grading_rule',
              entityId: code,
              detail: { before: rule, changes: input },
            });
            return after;
          }),
        );
      },
    );
}
