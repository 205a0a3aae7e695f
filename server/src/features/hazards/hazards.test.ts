// The hazard ledger on the hand-built city of kpi-city.fixture.ts (as of 30 Jun 2026 12:00).
// Status then: h1 closed, h2 rectified, h3 open, h4 rectifying, h5 closed, h6 closed, h7 rectified, h8 closed.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LedgerPage } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { AS_OF, kpiCity } from '../../testing/kpi-city.fixture.ts';

describe('GET /api/hazards', () => {
  it('lists the ledger by id, page by page, each row with venue, township, type, deadline and who is responsible', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const h = f.hazards;
      const { app } = await testApp(tx);
      const first = await bodyOf<LedgerPage>(await app.request(`/api/hazards?asOf=${AS_OF}&limit=3`));
      expect(first.items.map((r) => r.id)).toEqual([h.h1, h.h2, h.h3]);
      const second = await bodyOf<LedgerPage>(
        await app.request(`/api/hazards?asOf=${AS_OF}&limit=3&cursor=${first.nextCursor}`),
      );
      expect(second.items.map((r) => r.id)).toEqual([h.h4, h.h5, h.h6]);
      const third = await bodyOf<LedgerPage>(
        await app.request(`/api/hazards?asOf=${AS_OF}&limit=3&cursor=${second.nextCursor}`),
      );
      expect(third.items.map((r) => r.id)).toEqual([h.h7, h.h8]);
      expect(third.nextCursor).toBeNull();
      expect(third.items[0]).toEqual({
        id: h.h7,
        externalId: null,
        venue: { id: f.venues.ve, externalId: null, name: '乙杂货铺', address: '=HYPERLINK("x")' },
        township: { id: f.t2, name: '乙镇' },
        type: { code: 'gas_safety', name: '燃气使用不规范', nameEn: 'Unsafe gas use' },
        severity: 'major',
        status: 'rectified',
        foundAt: '2026-06-15T00:00:00.000Z',
        deadline: '2026-06-25T00:00:00.000Z',
        responsiblePerson: '店主',
        responsiblePhone: '13800000000',
        overdue: true,
        reboundOf: h.h6,
      });
    });
  });

  it('filters by status, overdue, rebound, type, township, awaiting party and found period, as of a moment', async () => {
    await rolledBack(async (tx) => {
      const { t1, hazards: h } = await kpiCity(tx);
      const { app } = await testApp(tx);
      const list = async (query: string) =>
        (
          await bodyOf<LedgerPage>(
            await app.request(`/api/hazards?${query.includes('asOf') ? '' : `asOf=${AS_OF}&`}${query}`),
          )
        ).items.map((r) => r.id);
      expect(await list('status=rectified')).toEqual([h.h2, h.h7]);
      expect(await list('status=closed')).toEqual([h.h1, h.h5, h.h6, h.h8]);
      expect(await list('overdue=true')).toEqual([h.h2, h.h4, h.h7]);
      expect(await list('rebound=true')).toEqual([h.h3, h.h7]);
      expect(await list('type=gas_safety')).toEqual([h.h6, h.h7]);
      expect(await list(`township=${t1}`)).toEqual([h.h1, h.h2, h.h3, h.h4, h.h5]);
      // h2's industry sign-off failed and h7 has only territorial's; territorial holds nothing up
      expect(await list('party=industry')).toEqual([h.h2, h.h7]);
      expect(await list('party=special')).toEqual([h.h2, h.h7]);
      expect(await list('party=territorial')).toEqual([]);
      // found in [1 Jun, 15 Jun): h7 found on 15 Jun is outside
      expect(await list('from=2026-06-01&to=2026-06-15')).toEqual([h.h1, h.h2, h.h5, h.h8]);
      // on 22 Jun h8 (rectified 14 Jun) still waited for special, and h7 was rectifying
      expect(await list('asOf=2026-06-22&party=special')).toEqual([h.h2, h.h8]);
      expect(await list('asOf=2026-06-22&status=rectifying')).toEqual([h.h4, h.h7]);
      expect(await list('asOf=2026-03-02')).toEqual([h.h6]);
    });
  });

  it('rejects each malformed parameter with a 400 saying what is allowed, and an unknown township with 404', async () => {
    await rolledBack(async (tx) => {
      const { t2 } = await kpiCity(tx);
      const { app } = await testApp(tx);
      for (const [query, detail] of [
        ['status=done', 'status: status "done" is not one of open, rectifying, rectified, closed'],
        ['overdue=1', 'overdue: overdue must be true or false'],
        ['rebound=maybe', 'rebound: rebound must be true or false'],
        ['type=Bad!', 'type: type must be a hazard type code'],
        ['type=earthquake', 'type "earthquake" is not one of blocked_exit, charging_near_stock'],
        ['party=on_the_spot', 'party: party "on_the_spot" is not one of territorial, industry, special'],
        ['from=2026-06-10&to=2026-06-01', 'from: from must be before to'],
        ['asOf=nope', 'asOf: must be an ISO 8601'],
        ['limit=0', 'limit must be a whole number from 1 to 1000'],
        ['limit=5000', 'limit must be a whole number from 1 to 1000'],
        ['cursor=aWQ6eA', 'cursor must be the nextCursor value a previous page returned'],
        ['township=-3', 'township: must be a township id'],
      ] as const) {
        const res = await app.request(`/api/hazards?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toContain(detail);
      }
      const missing = await app.request(`/api/hazards?township=${t2 + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
    });
  });
});
