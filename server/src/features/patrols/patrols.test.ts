import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { PatrolDto, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { appAs, checksum, userId, venueId, write } from '../../testing/workflow-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const f = await twoTownships(tx);
  const zhangId = await userId(tx, 'fx_zhang');
  // 张三 is the grid worker of cell A-1, where v1 and v4 are
  return {
    f,
    zhangId,
    zhang: await appAs(tx, zhangId),
    nobody: await appAs(tx, null),
    v1: await venueId(tx, 'v1'),
    v4: await venueId(tx, 'v4'),
  };
}

describe('POST /api/patrols', () => {
  it('records a patrol by the actor in the venue’s cell, with a verbatim note', async () => {
    await rolledBack(async (tx) => {
      const { f, zhang, zhangId, v1 } = await setUp(tx);
      const note = "'; DROP TABLE patrols; --";
      const res = await write(zhang, 'POST', '/api/patrols', {
        venueId: v1,
        patrolledAt: '2026-11-28T10:00:00+08:00',
        note,
      });
      expect(res.status).toBe(201);
      expect(await bodyOf<PatrolDto>(res)).toMatchObject({
        venueId: v1,
        workerId: zhangId,
        gridCellId: f.cells.a1,
        result: 'ok',
        note,
        patrolledAt: '2026-11-28T02:00:00.000Z',
        hazards: [],
      });
    });
  });

  it('answers bad patrol input with 4xx problems that say what is allowed, writing nothing', async () => {
    await rolledBack(async (tx) => {
      const { f, zhang, zhangId, nobody, v1, v4 } = await setUp(tx);
      // v4 (closed) lies in cell A-2, which has no worker: 张三 covers it here so the refusal is about the closing
      await tx.query('UPDATE grid_cells SET worker_id = $1 WHERE id = $2', [zhangId, f.cells.a2]);
      const before = await checksum(tx);
      const ok = { venueId: v1, patrolledAt: '2026-11-28' };
      const cases: [unknown, number, string][] = [
        ['{"venueId": 1', 400, 'Malformed JSON'],
        [{ ...ok, venueId: 'one' }, 400, 'venueId must be an integer'],
        [{ ...ok, venueId: -1 }, 400, 'venueId must be an integer from 1'],
        [{ ...ok, result: 'great' }, 400, 'result "great" is not one of ok, hazards_found, venue_closed, not_open'],
        [
          { ...ok, hazards: [{ typeCode: 'blocked_exit', severity: 'deadly' }] },
          400,
          'severity "deadly" is not one of general, major',
        ],
        [
          { ...ok, hazards: [{ typeCode: 'blocked_exit', fixedOnSpot: 'yes' }] },
          400,
          'fixedOnSpot must be true or false',
        ],
        [{ ...ok, hazards: 'many' }, 400, 'hazards must be a list'],
        [
          { ...ok, hazards: [{ typeCode: 'ghosts' }, { typeCode: 'blocked_exit', deadline: '2026-11-01' }] },
          422,
          'hazards.0.typeCode: unknown hazard type "ghosts"; hazards.1.deadline: deadline must not be before patrolledAt',
        ],
        [{ ...ok, result: 'ok', hazards: [{ typeCode: 'blocked_exit' }] }, 422, 'must have result hazards_found'],
        [{ ...ok, patrolledAt: '2099-01-01' }, 422, 'must not be in the future'],
        [{ ...ok, patrolledAt: '2025-12-31' }, 422, "must not be before the venue's registration"],
        [{ ...ok, venueId: v4 }, 422, 'closed at 2026-06-01'],
        [{ ...ok, venueId: 999999 }, 422, 'venue 999999 does not exist'],
      ];
      for (const [body, status, message] of cases) {
        const res = await write(zhang, 'POST', '/api/patrols', body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(message);
      }
      expect((await write(nobody, 'POST', '/api/patrols', ok)).status).toBe(401);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
