import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { HazardWithAcceptancesDto, PatrolDto, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, userId, venueId, write } from '../../testing/workflow-fixture.ts';

// Fixture: twoTownships; v1 and v2 (retail, registered 2026-01-01) in cell A-1 walked by 张三 (fx_zhang).
// Sign-offs come from the matching parties: territorial = township A's leader, industry = the
// commerce department (retail), special = the city account.
async function setUp(tx: Parameters<Parameters<typeof rolledBack>[0]>[0]) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  const by = {
    territorial: await appAs(tx, accounts.leaderA),
    industry: await appAs(tx, accounts.commerce),
    special: await appAs(tx, accounts.city),
  };
  return {
    by,
    zhang: await appAs(tx, await userId(tx, 'fx_zhang')),
    v1: await venueId(tx, 'v1'),
    v2: await venueId(tx, 'v2'),
  };
}

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
type Ctx = Awaited<ReturnType<typeof setUp>>;

async function patrolWith(ctx: Ctx, venue: number, at: string, hazards: unknown[]): Promise<PatrolDto> {
  const res = await write(ctx.zhang, 'POST', '/api/patrols', { venueId: venue, patrolledAt: at, hazards });
  expect(res.status).toBe(201);
  return bodyOf<PatrolDto>(res);
}

async function openHazard(ctx: Ctx): Promise<number> {
  const patrol = await patrolWith(ctx, ctx.v1, '2026-11-01T08:00:00Z', [
    { typeCode: 'blocked_exit', description: '后门堵塞' },
  ]);
  return patrol.hazards[0]!.id;
}

const transitions = async (tx: Tx, id: number) =>
  (
    await tx.query<{ f: string | null; t: string; actor_name: string }>(
      'SELECT from_status::text AS f, to_status::text AS t, actor_name FROM hazard_transitions WHERE hazard_id = $1 ORDER BY at, id',
      [id],
    )
  ).map((r) => `${r.f ?? '-'}>${r.t}`);

describe('hazard lifecycle', () => {
  it('goes open → rectifying → rectified → closed once all three parties passed, recording each move', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const id = await openHazard(ctx);
      const assigned = await write(ctx.zhang, 'POST', `/api/hazards/${id}/assign`, {
        responsiblePerson: '王老板',
        responsiblePhone: '13800000000',
        deadline: '2026-12-15',
      });
      expect(assigned.status).toBe(200);
      expect(await assigned.json()).toMatchObject({
        status: 'rectifying',
        responsiblePerson: '王老板',
        // a bare date is that day's start in the city (Asia/Shanghai, UTC+8)
        deadline: '2026-12-14T16:00:00.000Z',
      });
      expect(
        (await bodyOf<HazardWithAcceptancesDto>(await write(ctx.zhang, 'POST', `/api/hazards/${id}/rectified`, {})))
          .status,
      ).toBe('rectified');
      for (const party of ['territorial', 'industry'] as const) {
        const res = await write(ctx.by[party], 'POST', `/api/hazards/${id}/acceptances`, { party, passed: true });
        expect(res.status).toBe(201);
        // two of three sign-offs: still waiting
        expect((await bodyOf<HazardWithAcceptancesDto>(res)).status).toBe('rectified');
      }
      const last = await bodyOf<HazardWithAcceptancesDto>(
        await write(ctx.by.special, 'POST', `/api/hazards/${id}/acceptances`, {
          party: 'special',
          passed: true,
          note: '复查合格',
        }),
      );
      expect(last.status).toBe('closed');
      expect(last.closedAt).not.toBeNull();
      expect(last.acceptances.map((a) => `${a.party}:${a.passed}:${a.actorName}`)).toEqual([
        'territorial:true:东湖负责人',
        'industry:true:商务局审核',
        'special:true:指挥中心',
      ]);
      expect(await transitions(tx, id)).toEqual([
        '->open',
        'open>rectifying',
        'rectifying>rectified',
        'rectified>closed',
      ]);
      // the deferred database check agrees the closing is legitimate
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
      // audit: patrol, assign, rectified, three acceptances
      const audit = await tx.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id');
      expect(audit.map((a) => a.action)).toEqual([
        'patrol.record',
        'hazard.assign',
        'hazard.rectified',
        'hazard.acceptance',
        'hazard.acceptance',
        'hazard.acceptance',
      ]);
    });
  });

  it('returns a hazard to rectifying when a sign-off fails, and a later pass after a failure still counts', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const id = await openHazard(ctx);
      await write(ctx.zhang, 'POST', `/api/hazards/${id}/assign`, {
        responsiblePerson: '王老板',
        deadline: '2026-12-15',
      });
      await write(ctx.zhang, 'POST', `/api/hazards/${id}/rectified`, {});
      await write(ctx.by.territorial, 'POST', `/api/hazards/${id}/acceptances`, { party: 'territorial', passed: true });
      const failed = await bodyOf<HazardWithAcceptancesDto>(
        await write(ctx.by.industry, 'POST', `/api/hazards/${id}/acceptances`, {
          party: 'industry',
          passed: false,
          note: '通道仍有杂物',
        }),
      );
      expect(failed.status).toBe('rectifying');
      await write(ctx.zhang, 'POST', `/api/hazards/${id}/rectified`, {});
      await write(ctx.by.industry, 'POST', `/api/hazards/${id}/acceptances`, { party: 'industry', passed: true });
      const closed = await bodyOf<HazardWithAcceptancesDto>(
        await write(ctx.by.special, 'POST', `/api/hazards/${id}/acceptances`, { party: 'special', passed: true }),
      );
      // territorial's earlier pass still stands; industry's latest sign-off passed
      expect(closed.status).toBe('closed');
      expect(await transitions(tx, id)).toEqual([
        '->open',
        'open>rectifying',
        'rectifying>rectified',
        'rectified>rectifying',
        'rectifying>rectified',
        'rectified>closed',
      ]);
    });
  });

  it('closes a hazard fixed on the spot at once with the worker’s on-the-spot sign-off', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const patrol = await patrolWith(ctx, ctx.v1, '2026-11-02T09:00:00Z', [
        { typeCode: 'no_extinguisher', fixedOnSpot: true },
      ]);
      expect(patrol.result).toBe('hazards_found');
      expect(patrol.hazards[0]).toMatchObject({
        status: 'closed',
        fixedOnSpot: true,
        severity: 'general',
        rectifiedAt: '2026-11-02T09:00:00.000Z',
        closedAt: '2026-11-02T09:00:00.000Z',
        reboundOf: null,
      });
      const acc = await tx.query<{ party: string; actor_name: string }>(
        'SELECT party::text, actor_name FROM acceptances',
      );
      expect(acc).toEqual([{ party: 'on_the_spot', actor_name: '张三' }]);
      expect(await transitions(tx, patrol.hazards[0]!.id)).toEqual(['->open', 'open>rectified', 'rectified>closed']);
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    });
  });

  it('moves a hazard found with a responsible person and deadline straight to rectifying', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const patrol = await patrolWith(ctx, ctx.v1, '2026-11-02T09:00:00Z', [
        { typeCode: 'gas_safety', responsiblePerson: '赵店主', deadline: '2026-11-09', severity: 'general' },
      ]);
      expect(patrol.hazards[0]).toMatchObject({
        status: 'rectifying',
        severity: 'general',
        responsiblePerson: '赵店主',
      });
    });
  });
});

describe('illegal hazard moves', () => {
  it('refuses accepting an open hazard, rectifying a closed one and closing without sign-offs with 409, changing nothing', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const open = await openHazard(ctx);
      const spot = (
        await patrolWith(ctx, ctx.v2, '2026-11-03T09:00:00Z', [{ typeCode: 'unsafe_wiring', fixedOnSpot: true }])
      ).hazards[0]!.id;
      const rectified = await openHazard(ctx);
      await write(ctx.zhang, 'POST', `/api/hazards/${rectified}/assign`, {
        responsiblePerson: '王老板',
        deadline: '2026-12-15',
      });
      await write(ctx.zhang, 'POST', `/api/hazards/${rectified}/rectified`, {});
      await write(ctx.by.territorial, 'POST', `/api/hazards/${rectified}/acceptances`, {
        party: 'territorial',
        passed: true,
      });
      const before = await checksum(tx);
      // each asked by someone who may (authority is checked first: see authority.test.ts)
      const cases: [string, unknown, string, string[], typeof ctx.zhang][] = [
        [`/api/hazards/${open}/acceptances`, { party: 'industry', passed: true }, 'open', ['assign'], ctx.by.industry],
        [`/api/hazards/${open}/rectified`, {}, 'open', ['assign'], ctx.zhang],
        [`/api/hazards/${spot}/rectified`, {}, 'closed', [], ctx.zhang],
        [`/api/hazards/${spot}/assign`, { responsiblePerson: 'x', deadline: '2026-12-01' }, 'closed', [], ctx.zhang],
        [
          `/api/hazards/${rectified}/assign`,
          { responsiblePerson: 'x', deadline: '2026-12-01' },
          'rectified',
          ['acceptances', 'close'],
          ctx.zhang,
        ],
        [`/api/hazards/${open}/close`, {}, 'open', ['assign'], ctx.zhang],
      ];
      for (const [path, body, status, allowed, as] of cases) {
        const res = await write(as, 'POST', path, body);
        expect(res.status, path).toBe(409);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        const problem = await bodyOf<ProblemDetails>(res);
        expect(problem).toMatchObject({ currentStatus: status, allowedActions: allowed });
        expect(problem.detail).toContain(`is ${status}`);
      }
      const close = await write(ctx.zhang, 'POST', `/api/hazards/${rectified}/close`, {});
      expect(close.status).toBe(409);
      expect(await close.json()).toMatchObject({ missingParties: ['industry', 'special'] });
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('refuses a deadline before the finding with 422 and an unknown hazard with 404', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const id = await openHazard(ctx);
      const before = await checksum(tx);
      const early = await write(ctx.zhang, 'POST', `/api/hazards/${id}/assign`, {
        responsiblePerson: '王',
        deadline: '2026-10-01',
      });
      expect(early.status).toBe(422);
      expect((await bodyOf<ProblemDetails>(early)).detail).toContain('before the hazard was found');
      expect((await write(ctx.zhang, 'POST', '/api/hazards/999999/rectified', {})).status).toBe(404);
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('answers bad lifecycle input with 400 problems that say what is allowed', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      const id = await openHazard(ctx);
      const cases: [string, unknown, string][] = [
        [
          `/api/hazards/${id}/acceptances`,
          { party: 'mayor', passed: true },
          'party "mayor" is not one of territorial, industry, special',
        ],
        [`/api/hazards/${id}/acceptances`, { party: 'on_the_spot', passed: true }, 'is not one of'],
        [`/api/hazards/${id}/acceptances`, { party: 'industry', passed: 'yes' }, 'passed must be true or false'],
        [
          `/api/hazards/${id}/assign`,
          { responsiblePerson: '', deadline: '2026-12-01' },
          'responsiblePerson must be text of 1 to 100',
        ],
        [`/api/hazards/${id}/assign`, { responsiblePerson: 'x', deadline: 'soon' }, 'ISO 8601'],
        [`/api/hazards/abc/rectified`, {}, 'id must be a positive integer'],
        [`/api/hazards/${id}/assign`, '{"responsiblePerson": "x",', 'Malformed JSON'],
      ];
      for (const [path, body, message] of cases) {
        const res = await write(ctx.zhang, 'POST', path, body);
        expect(res.status, path).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(message);
      }
    });
  });
});

describe('rebound links', () => {
  it('links a hazard of the same type at the same venue 30 days after closing, and not one 200 days after', async () => {
    await rolledBack(async (tx) => {
      const ctx = await setUp(tx);
      // v1: closed on the spot 2026-03-01, found again 2026-03-31 (30 days ≤ 180) → rebound
      const first = (
        await patrolWith(ctx, ctx.v1, '2026-03-01T08:00:00Z', [{ typeCode: 'blocked_exit', fixedOnSpot: true }])
      ).hazards[0]!;
      const again = (
        await patrolWith(ctx, ctx.v1, '2026-03-31T08:00:00Z', [
          { typeCode: 'blocked_exit' },
          { typeCode: 'flammables' },
        ])
      ).hazards;
      expect(again.map((h) => h.reboundOf)).toEqual([first.id, null]);
      // v2: closed 2026-03-01, found again 2026-09-17 (200 days > 180) → not a rebound
      await patrolWith(ctx, ctx.v2, '2026-03-01T08:00:00Z', [{ typeCode: 'blocked_exit', fixedOnSpot: true }]);
      const late = (await patrolWith(ctx, ctx.v2, '2026-09-17T08:00:00Z', [{ typeCode: 'blocked_exit' }])).hazards[0]!;
      expect(late.reboundOf).toBeNull();
    });
  });
});
