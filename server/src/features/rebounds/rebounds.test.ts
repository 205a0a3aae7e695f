import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ReboundClustersDto, ReboundStatsDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { reboundCity } from '../../testing/rebounds.fixture.ts';

const AS_OF = '2026-11-30T12:00:00Z';

describe('GET /api/rebounds/clusters', () => {
  it('finds exactly the one cluster of three rebounds within 300 m, with its types, townships and hull', async () => {
    await rolledBack(async (tx) => {
      const f = await reboundCity(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/rebounds/clusters?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<ReboundClustersDto>(res);
      // policy defaults: the 90 days before as-of, eps 300 m, 3 points; far1 and far2 are noise
      expect(body.parameters).toEqual({
        from: '2026-09-01T12:00:00.000Z',
        to: '2026-11-30T12:00:00.000Z',
        asOf: '2026-11-30T12:00:00.000Z',
        epsMetres: 300,
        minPoints: 3,
      });
      expect(body.features).toHaveLength(1);
      const cluster = body.features[0]!;
      const members = [f.rebounds.r1!, f.rebounds.r2!, f.rebounds.r3!];
      expect(cluster.properties).toMatchObject({
        id: Math.min(...members),
        memberCount: 3,
        hazardIds: members,
        venueCount: 3,
        venueIds: [f.venues.r1, f.venues.r2, f.venues.r3],
        dominantTypes: [
          { typeCode: 'blocked_exit', name: '安全出口/疏散通道堵塞', count: 2 },
          { typeCode: 'unsafe_wiring', name: '电气线路私拉乱接', count: 1 },
        ],
        townships: [
          { id: f.townshipA, name: '东湖街道' },
          { id: f.townshipB, name: '西山镇' },
        ],
      });
      // centroid of the three points (computed in metres, so equal to the plain mean within ~1e-6°)
      const [lon, lat] = cluster.properties.centroid;
      expect(lon).toBeCloseTo((121.099 + 121.1005 + 121.0995) / 3, 5);
      expect(lat).toBeCloseTo((30.05 + 30.05 + 30.0515) / 3, 5);
      // the hull is the triangle of the three points
      expect(cluster.geometry.type).toBe('Polygon');
      const ring = (cluster.geometry.coordinates as [number, number][][])[0]!;
      expect(ring).toHaveLength(4);
      const xs = ring
        .slice(0, 3)
        .map(([x]) => x)
        .sort();
      [121.099, 121.0995, 121.1005].forEach((x, i) => expect(xs[i]).toBeCloseTo(x, 6));
    });
  });

  it('applies eps and minPoints: 50 m splits the cluster, one point makes every rebound its own 30 m disc', async () => {
    await rolledBack(async (tx) => {
      await reboundCity(tx);
      const { app } = await testApp(tx);
      const tight = await bodyOf<ReboundClustersDto>(await app.request(`/api/rebounds/clusters?asOf=${AS_OF}&eps=50`));
      expect(tight.features).toHaveLength(0);
      const singles = await bodyOf<ReboundClustersDto>(
        await app.request(`/api/rebounds/clusters?asOf=${AS_OF}&minPoints=1&eps=10`),
      );
      expect(singles.features.map((x) => x.properties.memberCount)).toEqual([1, 1, 1, 1, 1]);
      // a buffered point: a 32-gon about 60 m across (0.0006° of latitude)
      const disc = singles.features[0]!.geometry.coordinates as [number, number][][];
      const lats = disc[0]!.map(([, y]) => y);
      expect(Math.max(...lats) - Math.min(...lats)).toBeCloseTo(60 / 111_000, 4);
    });
  });

  it('keeps clusters touching the township and honours the from..to window', async () => {
    await rolledBack(async (tx) => {
      const f = await reboundCity(tx);
      const { app } = await testApp(tx);
      const inB = await bodyOf<ReboundClustersDto>(
        await app.request(`/api/rebounds/clusters?asOf=${AS_OF}&township=${f.townshipB}`),
      );
      expect(inB.features.map((x) => x.properties.memberCount)).toEqual([3]);
      // all five rebounds were found on 2026-10-01..05
      const late = await bodyOf<ReboundClustersDto>(
        await app.request(`/api/rebounds/clusters?asOf=${AS_OF}&from=2026-10-04`),
      );
      expect(late.features).toHaveLength(0);
      const before = await bodyOf<ReboundClustersDto>(
        await app.request('/api/rebounds/clusters?asOf=2026-10-01T12:00:00Z&minPoints=1'),
      );
      expect(before.features.map((x) => x.properties.hazardIds)).toEqual([[f.rebounds.r1]]);
    });
  });

  it.each([
    ['eps=0', /eps \(metres\) must be a whole number from 1 to 5000/],
    ['eps=5001', /eps \(metres\) must be a whole number from 1 to 5000/],
    ['eps=1e3', /eps \(metres\) must be a whole number from 1 to 5000/],
    ['minPoints=0', /minPoints must be a whole number from 1 to 100/],
    ['minPoints=101', /minPoints must be a whole number from 1 to 100/],
    ['township=east', /township id/],
    ['from=2026-11-01&to=2026-10-01', /from must be before to/],
    ['to=2026-13-01', /not a real date/],
    ['asOf=now', /ISO 8601/],
  ])('rejects %s with a 400 problem', async (query, detail) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(`/api/rebounds/clusters?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    });
  });

  it('answers an unknown township with 404', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/rebounds/clusters?township=999999');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
    });
  });
});

describe('GET /api/rebounds/stats', () => {
  it('gives the rebound rate by closing month, township, hazard type and category, provisional within the window', async () => {
    await rolledBack(async (tx) => {
      const f = await reboundCity(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<ReboundStatsDto>(
        await app.request(`/api/rebounds/stats?asOf=${AS_OF}&from=2026-06-01&to=2026-08-01`),
      );
      // June: the five originals, all rebounded; July: the gas hazard, not. Both end after
      // as-of minus 180 days (2026-06-03), so both are provisional.
      // months from local midnight on the 1st in Asia/Shanghai (UTC+8), the default city zone
      expect(body.periods).toEqual([
        {
          start: '2026-05-31T16:00:00.000Z',
          end: '2026-06-30T16:00:00.000Z',
          provisional: true,
          closed: 5,
          rebounded: 5,
          rate: 1,
        },
        {
          start: '2026-06-30T16:00:00.000Z',
          end: '2026-07-31T16:00:00.000Z',
          provisional: true,
          closed: 1,
          rebounded: 0,
          rate: 0,
        },
      ]);
      expect(body.byTownship).toEqual([
        { townshipId: f.townshipA, name: '东湖街道', closed: 4, rebounded: 3, rate: 0.75 },
        { townshipId: f.townshipB, name: '西山镇', closed: 2, rebounded: 2, rate: 1 },
      ]);
      expect(body.byHazardType.map((r) => [r.typeCode, r.closed, r.rebounded])).toEqual([
        ['blocked_exit', 2, 2],
        ['no_extinguisher', 2, 2],
        ['gas_safety', 1, 0],
        ['unsafe_wiring', 1, 1],
      ]);
      expect(body.byCategory).toEqual([{ category: 'retail', closed: 6, rebounded: 5, rate: 5 / 6 }]);
      expect(body).toMatchObject({ reboundWindowDays: 180, provisional: true, period: 'month' });
    });
  });

  it('groups by quarter, marks settled periods final, and filters by township', async () => {
    await rolledBack(async (tx) => {
      const f = await reboundCity(tx);
      const { app } = await testApp(tx);
      const url = `/api/rebounds/stats?asOf=2027-06-30&from=2026-04-01&to=2026-10-01&period=quarter&township=${f.townshipB}`;
      const body = await bodyOf<ReboundStatsDto>(await app.request(url));
      // Q2 ends 2026-07-01 and Q3 2026-10-01, both before 2027-06-30 minus 180 days (2027-01-01)
      expect(body.periods).toEqual([
        {
          start: '2026-03-31T16:00:00.000Z',
          end: '2026-06-30T16:00:00.000Z',
          provisional: false,
          closed: 2,
          rebounded: 2,
          rate: 1,
        },
        {
          start: '2026-06-30T16:00:00.000Z',
          end: '2026-09-30T16:00:00.000Z',
          provisional: false,
          closed: 0,
          rebounded: 0,
          rate: null,
        },
      ]);
      expect(body.provisional).toBe(false);
      expect(body.byTownship.map((r) => r.townshipId)).toEqual([f.townshipB]);
    });
  });

  it.each([
    ['period=week', /period "week" is not one of month, quarter/],
    ['from=2026-08-01&to=2026-06-01', /from must be before to/],
    ['from=2000-01-01&to=2020-01-01', /at most 3660 days/],
    ['township=0', /township id/],
    ['asOf=1999-12-31', /not a real date between 2000 and 2100/],
  ])('rejects %s with a 400 problem', async (query, detail) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(`/api/rebounds/stats?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    });
  });
});
