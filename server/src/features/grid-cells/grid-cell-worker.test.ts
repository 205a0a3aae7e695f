import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { GridCellCollection, GridCellWorkerDto, ProblemDetails, UserAccountPage } from '@svm/contract';
import { addAccounts } from '../../testing/auth.ts';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { appAs, checksum, userId, venueId, write } from '../../testing/workflow-fixture.ts';

// twoTownships: cell FX-A-1 (township A) is walked by 张三 fx_zhang and holds v1; FX-A-2 (A) has no
// worker and holds v5; FX-B-1 (B) is walked by 李四 fx_li. A patrol may be recorded only by the
// worker of the venue's cell, read from grid_cells at each write.
const put = (id: number, workerId: unknown) => ['PUT', `/api/grid-cells/${id}/worker`, { workerId }] as const;
const patrolOf = (venue: number) => ({ venueId: venue, patrolledAt: '2026-11-28T09:00:00Z' });

describe('PUT /api/grid-cells/:id/worker', () => {
  it('gives a cell a worker, who may patrol its venues from the next request; taking the cell away stops him at once', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const a = await addAccounts(tx, f);
      const zhang = await userId(tx, 'fx_zhang');
      const admin = await appAs(tx, a.admin);
      const asZhang = await appAs(tx, zhang);
      const [v1, v5] = [await venueId(tx, 'v1'), await venueId(tx, 'v5')];
      expect((await write(asZhang, 'POST', '/api/patrols', patrolOf(v5))).status).toBe(403);
      const res = await write(admin, ...put(f.cells.a2, zhang));
      expect(res.status).toBe(200);
      expect(await bodyOf<GridCellWorkerDto>(res)).toEqual({
        id: f.cells.a2,
        code: 'FX-A-2',
        name: '东湖二网格',
        townshipId: f.townshipA,
        worker: { id: zhang, name: '张三', username: 'fx_zhang' },
      });
      expect((await write(asZhang, 'POST', '/api/patrols', patrolOf(v5))).status).toBe(201);
      // his account now lists both cells
      const list = await bodyOf<UserAccountPage>(await admin.request('/api/auth/users?role=grid_worker&q=fx_zhang'));
      expect(list.items.map((u) => u.cellCodes)).toEqual([['FX-A-1', 'FX-A-2']]);
      // FX-A-1 left without a worker: v1 is no longer his to patrol, and the cell shows nobody
      const cleared = await bodyOf<GridCellWorkerDto>(await write(admin, ...put(f.cells.a1, null)));
      expect(cleared.worker).toBeNull();
      expect((await write(asZhang, 'POST', '/api/patrols', patrolOf(v1))).status).toBe(403);
      const cells = await bodyOf<GridCellCollection>(
        await admin.request(`/api/grid-cells?township=${f.townshipA}&asOf=2026-11-30`),
      );
      expect(cells.features.map((c) => [c.properties.code, c.properties.workerName])).toEqual([
        ['FX-A-1', null],
        ['FX-A-2', '张三'],
      ]);
      const audit = await tx.query<{ entity_id: string; detail: unknown }>(
        "SELECT entity_id, detail FROM audit_log WHERE action = 'grid_cell.worker' ORDER BY id",
      );
      expect(audit).toEqual([
        { entity_id: String(f.cells.a2), detail: { from: null, to: zhang } },
        { entity_id: String(f.cells.a1), detail: { from: zhang, to: null } },
      ]);
    });
  });

  it("refuses a worker who is not an active grid worker of the cell's township, and an unknown cell, writing nothing", async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const a = await addAccounts(tx, f);
      const admin = await appAs(tx, a.admin);
      const li = await userId(tx, 'fx_li');
      const idle = (
        await tx.query<{ id: number }>(
          "INSERT INTO users (username, display_name, role, township_id, active) VALUES ('fx_idle', '闲置', 'grid_worker', $1, false) RETURNING id",
          [f.townshipA],
        )
      )[0]!.id;
      const before = await checksum(tx);
      const cases: [number, unknown, number, string][] = [
        [f.cells.a2, li, 422, `user ${li} belongs to township ${f.townshipB}`],
        [f.cells.a2, a.leaderA, 422, `user ${a.leaderA} is a township account`],
        [f.cells.a2, idle, 422, `user ${idle} is deactivated`],
        [f.cells.a2, 999999, 422, 'user 999999 does not exist'],
        [999999, li, 404, 'grid cell 999999 does not exist'],
        [f.cells.a2, '1', 400, 'workerId must be an id'],
        [f.cells.a2, 0, 400, 'workerId must be an id'],
      ];
      for (const [cell, worker, status, detail] of cases) {
        const res = await write(admin, ...put(cell, worker));
        expect(res.status, `${cell} ← ${String(worker)}`).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(detail);
      }
      expect((await write(admin, 'PUT', `/api/grid-cells/${f.cells.a2}/worker`, {})).status).toBe(400);
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('is for admin accounts only: the city, the township leader and the worker himself get 403', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const a = await addAccounts(tx, f);
      const zhang = await userId(tx, 'fx_zhang');
      const before = await checksum(tx);
      for (const user of [a.city, a.leaderA, zhang]) {
        const res = await write(await appAs(tx, user), ...put(f.cells.a2, zhang));
        expect(res.status, String(user)).toBe(403);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain('may not assign grid workers');
      }
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
