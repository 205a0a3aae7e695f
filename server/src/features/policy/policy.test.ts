import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { GradingRuleDto, PolicyDto, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, venueId, write } from '../../testing/workflow-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  const { app } = await testApp(tx);
  // policy and grading rules are the administrator's (the authority matrix covers everyone else)
  return { app, admin: await appAs(tx, accounts.admin), nobody: await appAs(tx, null) };
}

const misgraded = async (tx: Tx, id: number) =>
  (
    await tx.query<{ computed_level: string; score: number }>(
      'SELECT g.computed_level::text, g.score FROM venue_grades(now()) g WHERE g.venue_id = $1',
      [id],
    )
  )[0];

describe('patrol policy and grading rules', () => {
  it('reads the default policy and changes a field within its range', async () => {
    await rolledBack(async (tx) => {
      const { app, admin } = await setUp(tx);
      const policy = await bodyOf<PolicyDto>(await app.request('/api/policy'));
      expect(policy).toMatchObject({
        highDays: 7,
        mediumDays: 14,
        lowDays: 30,
        gridDutyDays: 7,
        reboundWindowDays: 180,
        gradeHighScore: 60,
        gradeMediumScore: 30,
      });
      const changed = await bodyOf<PolicyDto>(
        await write(admin, 'PUT', '/api/policy', { lowDays: 21, reboundWindowDays: 90 }),
      );
      expect(changed).toMatchObject({ highDays: 7, lowDays: 21, reboundWindowDays: 90 });
      expect(await tx.query<{ action: string }>('SELECT action FROM audit_log')).toEqual([{ action: 'policy.update' }]);
    });
  });

  it('re-grades at once: a retail venue becomes misgraded when the retail rule is worth 60 points', async () => {
    await rolledBack(async (tx) => {
      const { app, admin } = await setUp(tx);
      const v1 = await venueId(tx, 'v1'); // retail, assigned low
      expect(await misgraded(tx, v1)).toEqual({ computed_level: 'low', score: 5 });
      const rule = await bodyOf<GradingRuleDto>(
        await write(admin, 'PUT', '/api/grading-rules/cat_retail', { points: 60 }),
      );
      expect(rule).toMatchObject({ code: 'cat_retail', points: 60, enabled: true, category: 'retail' });
      // 60 ≥ the high threshold: computed high, assigned low → misgraded
      expect(await misgraded(tx, v1)).toEqual({ computed_level: 'high', score: 60 });
      await write(admin, 'PUT', '/api/grading-rules/cat_retail', { enabled: false });
      expect(await misgraded(tx, v1)).toEqual({ computed_level: 'low', score: 0 });
      const rules = await bodyOf<GradingRuleDto[]>(await app.request('/api/grading-rules'));
      expect(rules.find((r) => r.code === 'occupancy_50')).toMatchObject({
        threshold: 50,
        subject: 'occupancy_at_least',
      });
      expect(rules).toHaveLength(17);
    });
  });

  it('answers bad policy and rule input with 4xx problems, writing nothing', async () => {
    await rolledBack(async (tx) => {
      const { admin, nobody } = await setUp(tx);
      const before = await checksum(tx);
      const cases: [string, string, unknown, number, string][] = [
        ['PUT', '/api/policy', { highDays: 0 }, 400, 'highDays must be an integer from 1 to 366'],
        ['PUT', '/api/policy', { lowDays: 'thirty' }, 400, 'lowDays must be an integer'],
        ['PUT', '/api/policy', { reboundWindowDays: Infinity }, 400, 'reboundWindowDays must be an integer'],
        ['PUT', '/api/policy', {}, 400, 'give at least one policy field'],
        [
          'PUT',
          '/api/policy',
          { gradeMediumScore: 70 },
          422,
          'gradeHighScore (60) must be greater than gradeMediumScore (70)',
        ],
        ['PUT', '/api/policy', '[1,2', 400, 'Malformed JSON'],
        ['PUT', '/api/grading-rules/cat_retail', { points: 101 }, 400, 'points must be an integer from -100 to 100'],
        ['PUT', '/api/grading-rules/cat_retail', { threshold: 3 }, 422, 'has no threshold'],
        ['PUT', '/api/grading-rules/no_such_rule', { points: 1 }, 404, 'does not exist'],
        ['PUT', '/api/grading-rules/BAD;DROP', { points: 1 }, 400, 'code must be a grading rule code'],
        ['PUT', '/api/grading-rules/cat_retail', { enabled: 'yes' }, 400, 'enabled must be true or false'],
      ];
      for (const [method, path, body, status, message] of cases) {
        const res = await write(admin, method, path, body);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(message);
      }
      expect((await write(nobody, 'PUT', '/api/policy', { lowDays: 20 })).status).toBe(401);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
