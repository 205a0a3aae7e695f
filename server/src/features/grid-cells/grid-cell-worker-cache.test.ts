// Account and cell changes on a database of their own, where transactions really commit: a grid
// cell list asked as of a named moment is cached under the data version (migration 0008), and shows
// the worker's name; a committed rename of the worker (users) and a committed change of the cell's
// worker (grid_cells) each bump the version once, so the next answer is recomputed, not stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import { callerForUser } from '../../testing/auth.ts';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import type { GridCellCollection } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { write } from '../../testing/workflow-fixture.ts';
import { oneCellCity } from '../../testing/one-cell-city.ts';

let db: Db;
let drop: () => Promise<void>;
let workerId: number;
let cellId: number;
let adminId: number;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  ({ workerId, cellId } = await oneCellCity(db, 'G'));
  adminId = (
    await db.query<{ id: number }>(
      "INSERT INTO users (username, display_name, role) VALUES ('admin.g', '管理员', 'admin') RETURNING id",
    )
  )[0]!.id;
}, 120_000);
afterAll(async () => drop());

describe('the cached grid-cell list after account administration', () => {
  it("shows a committed rename of the cell's worker and a committed change of the cell's worker at once", async () => {
    const { app } = await testApp(db, { caller: await callerForUser(db, adminId) });
    const workerOf = async () =>
      (await bodyOf<GridCellCollection>(await app.request('/api/grid-cells?asOf=2026-06-30T00:00:00Z'))).features.map(
        (c) => c.properties.workerName,
      );
    const v0 = await dataVersion(db);
    expect(await workerOf()).toEqual(['网格员']);
    expect(await workerOf()).toEqual(['网格员']); // the cached answer, same version
    expect((await write(app, 'PATCH', `/api/auth/users/${workerId}`, { displayName: '网格员甲' })).status).toBe(200);
    expect(await dataVersion(db)).toBe(v0! + 1);
    expect(await workerOf()).toEqual(['网格员甲']);
    expect((await write(app, 'PUT', `/api/grid-cells/${cellId}/worker`, { workerId: null })).status).toBe(200);
    expect(await dataVersion(db)).toBe(v0! + 2);
    expect(await workerOf()).toEqual([null]);
  });
});
