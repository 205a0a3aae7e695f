import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { GridCellCollection, GridCellDetailDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { AS_OF, kpiCity } from '../../testing/kpi-city.fixture.ts';

const AT = '2026-11-30T00:00:00Z';

describe('GET /api/grid-cells', () => {
  it('returns every cell with its township, grid worker and patrol status as of a moment', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<GridCellCollection>(await app.request(`/api/grid-cells?asOf=${AT}`));
      expect(body.asOf).toBe('2026-11-30T00:00:00.000Z');
      const [zhang, li] = [body.features[0]?.properties.worker?.id, body.features[2]?.properties.worker?.id];
      expect(body.features.map((feature) => feature.properties)).toEqual([
        // v1 patrolled 20 Nov 08:00 (9.7 days: over the weekly duty); v2 and v3 never patrolled since January: overdue
        {
          id: f.cells.a1,
          code: 'FX-A-1',
          name: '东湖一网格',
          townshipId: f.townshipA,
          workerName: '张三',
          worker: { id: zhang, name: '张三' },
          lastPatrolAt: '2026-11-20T08:00:00.000Z',
          daysSincePatrol: 9,
          unpatrolled: true,
          venueCount: 3,
          overdueVenueCount: 2,
          overdueShare: 2 / 3,
        },
        // v4 is closed; v5 was never patrolled
        {
          id: f.cells.a2,
          code: 'FX-A-2',
          name: '东湖二网格',
          townshipId: f.townshipA,
          workerName: null,
          worker: null,
          lastPatrolAt: null,
          daysSincePatrol: null,
          unpatrolled: true,
          venueCount: 1,
          overdueVenueCount: 1,
          overdueShare: 1,
        },
        // v6 patrolled 25 Nov 09:30 (4.6 days); v7 on the island is in no cell
        {
          id: f.cells.b1,
          code: 'FX-B-1',
          name: '西山一网格',
          townshipId: f.townshipB,
          workerName: '李四',
          worker: { id: li, name: '李四' },
          lastPatrolAt: '2026-11-25T09:30:00.000Z',
          daysSincePatrol: 4,
          unpatrolled: false,
          venueCount: 1,
          overdueVenueCount: 0,
          overdueShare: 0,
        },
      ]);
      expect(typeof zhang).toBe('number');
      // a cell is a MultiPolygon (0016), here of one part
      expect(body.features[0]?.geometry).toEqual({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [121, 30],
              [121.05, 30],
              [121.05, 30.1],
              [121, 30.1],
              [121, 30],
            ],
          ],
        ],
      });
    });
  });

  it('filters by township and by bbox', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const byTownship = await bodyOf<GridCellCollection>(await app.request(`/api/grid-cells?township=${f.townshipB}`));
      expect(byTownship.features.map((feature) => feature.properties.code)).toEqual(['FX-B-1']);
      // the box ends at 121.04, west of A-2 (from 121.05)
      const byBox = await bodyOf<GridCellCollection>(await app.request('/api/grid-cells?bbox=121.0,30.0,121.04,30.1'));
      expect(byBox.features.map((feature) => feature.properties.code)).toEqual(['FX-A-1']);
    });
  });

  it("counts a cell's venues the same whether the whole city or a box around it is asked for", async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      // the city list counts venues in one grouped pass, a box through cell_patrol_status: A-1 has
      // 3 active venues, 2 of them overdue (as in the first test), either way
      const city = await bodyOf<GridCellCollection>(await app.request(`/api/grid-cells?asOf=${AT}`));
      const box = await bodyOf<GridCellCollection>(
        await app.request(`/api/grid-cells?asOf=${AT}&bbox=121.0,30.0,121.04,30.1`),
      );
      expect(box.features.map((feature) => feature.properties)).toEqual([city.features[0]!.properties]);
      expect([box.features[0]!.properties.venueCount, box.features[0]!.properties.overdueVenueCount]).toEqual([3, 2]);
    });
  });

  it('answers an unknown township with 404 and malformed parameters with 400', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const missing = await app.request(`/api/grid-cells?township=${f.townshipB + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
      const malformed = await app.request('/api/grid-cells?township=east');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({
        status: 400,
        errors: [{ in: 'query', path: 'township', message: 'must be a township id (a positive integer)' }],
      });
      for (const [query, detail] of [
        ['bbox=121,30,120,31', /minLon must be less than maxLon/],
        ['bbox=1,2,3', /not 4 comma-separated numbers/],
        ['asOf=soon', /asOf: must be an ISO 8601/],
      ] as const) {
        const res = await app.request(`/api/grid-cells?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toMatch(detail);
      }
    });
  });
});

describe('GET /api/grid-cells/:id', () => {
  it('shows a cell with its worker, last patrols (newest first) and overdue venues', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const c3 = await bodyOf<GridCellDetailDto>(await app.request(`/api/grid-cells/${f.cells.c3}?asOf=${AS_OF}`));
      expect(c3.cell).toMatchObject({
        id: f.cells.c3,
        code: 'K2-1',
        worker: { id: f.w2, name: '网格员二' },
        daysSincePatrol: 5,
        unpatrolled: false,
        venueCount: 2,
        overdueVenueCount: 1,
        overdueShare: 0.5,
      });
      expect(c3.cell.geometry.type).toBe('MultiPolygon');
      expect(c3.patrols).toEqual([
        {
          id: expect.any(Number),
          externalId: null,
          at: '2026-06-25T00:00:00.000Z',
          venue: { id: f.venues.vf, externalId: null, name: '老王"小炒", 分店' },
          worker: { id: f.w2, name: '网格员二' },
          result: 'ok',
        },
        {
          id: expect.any(Number),
          externalId: null,
          at: '2026-05-01T00:00:00.000Z',
          venue: { id: f.venues.ve, externalId: null, name: '乙杂货铺' },
          worker: { id: f.w2, name: '网格员二' },
          result: 'ok',
        },
      ]);
      // ve (low, 30 days) last patrolled 1 May: 60.5 days before as-of, 30 whole days past due
      expect(c3.overdueVenues).toEqual([
        {
          id: f.venues.ve,
          externalId: null,
          name: '乙杂货铺',
          riskLevel: 'low',
          lastPatrolAt: '2026-05-01T00:00:00.000Z',
          daysOverdue: 30,
        },
      ]);
      // c2: nobody walks it; vc (medium, 14 days) never patrolled since 1 Jan: 180 days, 166 past due
      const c2 = await bodyOf<GridCellDetailDto>(await app.request(`/api/grid-cells/${f.cells.c2}?asOf=${AS_OF}`));
      expect(c2.cell.worker).toBeNull();
      expect(c2.patrols).toEqual([]);
      expect(c2.overdueVenues).toEqual([
        {
          id: f.venues.vc,
          externalId: null,
          name: '无证小卖部',
          riskLevel: 'medium',
          lastPatrolAt: null,
          daysOverdue: 166,
        },
      ]);
      // as of 19 June, c1 had one patrol (va on 18 June)
      const c1 = await bodyOf<GridCellDetailDto>(await app.request(`/api/grid-cells/${f.cells.c1}?asOf=2026-06-19`));
      expect(c1.patrols.map((p) => p.at)).toEqual(['2026-06-18T00:00:00.000Z']);
    });
  });

  it('answers an unknown cell with 404 and a malformed id or asOf with 400', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const missing = await app.request(`/api/grid-cells/${f.cells.c3 + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
      for (const path of ['/api/grid-cells/abc', '/api/grid-cells/0', `/api/grid-cells/${f.cells.c1}?asOf=tomorrow`]) {
        const res = await app.request(path);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toMatch(
          /grid cell id \(a positive integer\)|asOf: must be an ISO/,
        );
      }
    });
  });
});
