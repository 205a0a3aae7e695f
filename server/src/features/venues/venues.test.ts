// The venue list and detail on the hand-built city of kpi-city.fixture.ts (as of 30 Jun 2026 12:00).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { VenueDetailDto, VenuePage } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { AS_OF, kpiCity } from '../../testing/kpi-city.fixture.ts';

const ids = (page: VenuePage) => page.features.map((f) => f.id);

describe('GET /api/venues', () => {
  it('pages active venues by id with a cursor until the last page', async () => {
    await rolledBack(async (tx) => {
      const { venues: v } = await kpiCity(tx);
      const { app } = await testApp(tx);
      const first = await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&limit=2`));
      expect(first.type).toBe('FeatureCollection');
      expect(ids(first)).toEqual([v.va, v.vb]);
      const second = await bodyOf<VenuePage>(
        await app.request(`/api/venues?asOf=${AS_OF}&limit=2&cursor=${first.nextCursor}`),
      );
      // vd closed on 1 May
      expect(ids(second)).toEqual([v.vc, v.ve]);
      const third = await bodyOf<VenuePage>(
        await app.request(`/api/venues?asOf=${AS_OF}&limit=2&cursor=${second.nextCursor}`),
      );
      expect(ids(third)).toEqual([v.vf]);
      expect(third.nextCursor).toBeNull();
    });
  });

  it('sends each venue as a point with its assigned and computed grade and patrol status', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const page = await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&category=ebike`));
      // ebike 35 + charging by stock 30 + indoor charging 20 = 85: high, graded low
      expect(page.features).toEqual([
        {
          type: 'Feature',
          id: f.venues.vb,
          geometry: { type: 'Point', coordinates: [121.02, 30.05] },
          properties: {
            id: f.venues.vb,
            externalId: null,
            name: '飞驰电动车行',
            address: '甲路2号',
            category: 'ebike',
            riskLevel: 'low',
            computedLevel: 'high',
            score: 85,
            misgraded: true,
            registration: 'registered',
            townshipId: f.t1,
            gridCellId: f.cells.c1,
            registeredAt: '2026-01-01T00:00:00.000Z',
            lastPatrolAt: '2026-06-20T00:00:00.000Z',
            overdue: false,
          },
        },
      ]);
    });
  });

  it('filters by township, risk, overdue, misgraded, registration, bbox, search text and as-of', async () => {
    await rolledBack(async (tx) => {
      const { t2, venues: v } = await kpiCity(tx);
      const { app } = await testApp(tx);
      const list = async (query: string) =>
        ids(await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&${query}`)));
      expect(await list(`township=${t2}`)).toEqual([v.ve, v.vf]);
      expect(await list('risk=low')).toEqual([v.vb, v.ve, v.vf]);
      // vc never patrolled (medium); ve last patrolled 1 May (low)
      expect(await list('overdue=true')).toEqual([v.vc, v.ve]);
      expect(await list('misgraded=true')).toEqual([v.vb, v.vf]);
      expect(await list('misgraded=false')).toEqual([v.va, v.vc, v.ve]);
      expect(await list('registration=found_unregistered')).toEqual([v.vc]);
      expect(await list('bbox=121.0,30.0,121.05,30.1')).toEqual([v.va, v.vb]);
      // name or address, case-insensitive; % is an ordinary character, not a wildcard
      expect(await list(`q=${encodeURIComponent('小')}`)).toEqual([v.vc, v.vf]);
      expect(await list('q=hyperlink')).toEqual([v.ve]);
      expect(await list(`q=${encodeURIComponent('二楼')}`)).toEqual([v.vf]);
      expect(await list(`q=${encodeURIComponent('%')}`)).toEqual([]);
      expect(await list('risk=low&township=' + String(t2) + '&misgraded=true')).toEqual([v.vf]);
      // before vd closed it was active; before 2026 nothing was registered
      const april = await bodyOf<VenuePage>(await app.request('/api/venues?asOf=2026-04-15'));
      expect(ids(april)).toEqual([v.va, v.vb, v.vc, v.vd, v.ve, v.vf]);
      expect(ids(await bodyOf<VenuePage>(await app.request('/api/venues?asOf=2025-12-31')))).toEqual([]);
    });
  });

  it('rejects each malformed parameter with a 400 saying what is allowed, and an unknown township with 404', async () => {
    await rolledBack(async (tx) => {
      const { t2 } = await kpiCity(tx);
      const { app } = await testApp(tx);
      for (const [query, detail] of [
        ['risk=extreme', 'risk: risk "extreme" is not one of high, medium, low'],
        ['category=bank', 'category: category "bank" is not one of catering, retail'],
        ['overdue=yes', 'overdue: overdue must be true or false'],
        ['misgraded=1', 'misgraded: misgraded must be true or false'],
        ['registration=maybe', 'registration "maybe" is not one of registered, found_unregistered'],
        ['limit=0', 'limit: limit must be a whole number from 1 to 1000'],
        ['limit=5000', 'limit: limit must be a whole number from 1 to 1000'],
        ['cursor=!!', 'cursor: cursor must be the value a previous page returned'],
        ['cursor=abc', 'cursor: cursor must be the nextCursor value a previous page returned'],
        ['bbox=121,30,121', 'is not 4 comma-separated numbers'],
        ['bbox=121,95,122,96', 'latitude 95 is outside -90..90'],
        ['asOf=last-week', 'asOf: must be an ISO 8601 date'],
        [`q=${'x'.repeat(101)}`, 'q: q must be 1 to 100 characters'],
        ['township=0', 'township: must be a township id'],
        // plain decimal digits only: Number() would read these as 31, 1 and 100
        ['township=0x1F', 'township: must be a township id'],
        ['township=%201', 'township: must be a township id'],
        ['limit=1e2', 'limit: limit must be a whole number from 1 to 1000'],
      ] as const) {
        const res = await app.request(`/api/venues?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toContain(detail);
      }
      const missing = await app.request(`/api/venues?township=${t2 + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
    });
  });
});

describe('GET /api/venues/:id', () => {
  it('shows facts, assigned vs computed grade with the rules that fired, patrols and hazards with their history', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<VenueDetailDto>(await app.request(`/api/venues/${f.venues.va}?asOf=${AS_OF}`));
      expect(body.venue).toMatchObject({
        id: f.venues.va,
        name: '甲便利店',
        status: 'active',
        closedAt: null,
        riskLevel: 'high',
        geometry: { type: 'Point', coordinates: [121.01, 30.05] },
        indoorEbikeCharging: false,
        occupancy: 0,
      });
      // retail 5 + h3, a rebound found 20 Jun, 15
      expect(body.grade).toEqual({
        assigned: 'high',
        computed: 'low',
        score: 20,
        misgraded: false,
        rules: [
          { code: 'rebounds_1', name: '近期隐患反弹', nameEn: 'A hazard rebounded recently', points: 15 },
          { code: 'cat_retail', name: '小商店', nameEn: 'Small shop', points: 5 },
        ],
      });
      expect(body.patrols.map((p) => [p.at, p.worker.name, p.result])).toEqual([
        ['2026-06-28T00:00:00.000Z', '网格员一', 'ok'],
        ['2026-06-18T00:00:00.000Z', '网格员一', 'ok'],
      ]);
      expect(body.hazards.map((h) => [h.id, h.status, h.reboundOf])).toEqual([
        [f.hazards.h3, 'open', f.hazards.h1],
        [f.hazards.h1, 'closed', null],
      ]);
      const h1 = body.hazards[1];
      expect(h1).toMatchObject({
        type: { code: 'blocked_exit', name: '安全出口/疏散通道堵塞', nameEn: 'Blocked exit or escape route' },
        foundAt: '2026-06-02T00:00:00.000Z',
        rectifiedAt: '2026-06-05T00:00:00.000Z',
        closedAt: '2026-06-09T01:00:00.000Z',
        responsiblePerson: '店主',
        overdue: false,
      });
      expect(h1?.transitions.map((t) => [t.from, t.to, t.at])).toEqual([
        [null, 'open', '2026-06-02T00:00:00.000Z'],
        ['open', 'rectifying', '2026-06-02T00:00:00.000Z'],
        ['rectifying', 'rectified', '2026-06-05T00:00:00.000Z'],
        ['rectified', 'closed', '2026-06-09T01:00:00.000Z'],
      ]);
      expect(h1?.acceptances.map((a) => [a.party, a.passed, a.at])).toEqual([
        ['territorial', true, '2026-06-06T00:00:00.000Z'],
        ['industry', true, '2026-06-08T00:00:00.000Z'],
        ['special', true, '2026-06-09T00:00:00.000Z'],
      ]);
    });
  });

  it('replays a venue as it stood at an earlier moment, and shows a closed venue as closed', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      // 7 June: h1 rectified with one sign-off, h3 not yet found, one rule fires
      const june7 = await bodyOf<VenueDetailDto>(await app.request(`/api/venues/${f.venues.va}?asOf=2026-06-07`));
      expect(june7.grade).toMatchObject({ computed: 'low', score: 5 });
      expect(june7.patrols).toEqual([]);
      expect(june7.hazards).toHaveLength(1);
      expect(june7.hazards[0]).toMatchObject({ status: 'rectified', closedAt: null });
      expect(june7.hazards[0]?.acceptances.map((a) => a.party)).toEqual(['territorial']);
      const vd = await bodyOf<VenueDetailDto>(await app.request(`/api/venues/${f.venues.vd}?asOf=${AS_OF}`));
      expect(vd.venue).toMatchObject({ status: 'closed', closedAt: '2026-05-01T00:00:00.000Z', overdue: false });
    });
  });

  it('answers an unknown or not-yet-registered venue with 404 and a malformed id or asOf with 400', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      for (const path of [`/api/venues/${f.venues.vf + 1000}`, `/api/venues/${f.venues.va}?asOf=2025-06-01`]) {
        const res = await app.request(path);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      }
      for (const [path, detail] of [
        ['/api/venues/x', 'id: must be a venue id (a positive integer)'],
        ['/api/venues/99999999999', 'id: must be a venue id (a positive integer)'],
        [`/api/venues/${f.venues.va}?asOf=2026/06/01`, 'asOf: must be an ISO 8601'],
      ] as const) {
        const res = await app.request(path);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toContain(detail);
      }
    });
  });
});
