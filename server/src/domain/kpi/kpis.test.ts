// KPIs on the hand-built city of kpi-city.fixture.ts, as of 30 Jun 2026 12:00 over [1 Jun, 30 Jun 12:00).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Kpis, StatsSummaryDto, TownshipCollection } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { AS_OF, kpiCity, PERIOD } from '../../testing/kpi-city.fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';
import { appAs } from '../../testing/workflow-fixture.ts';

const delays = (
  t: [number, number | null, number],
  i: [number, number | null, number],
  s: [number, number | null, number],
) => [
  { party: 'territorial', signOffs: t[0], meanDays: t[1], waiting: t[2] },
  { party: 'industry', signOffs: i[0], meanDays: i[1], waiting: i[2] },
  { party: 'special', signOffs: s[0], meanDays: s[1], waiting: s[2] },
];
const NONE_SKIPPED = { overdue: 0, waiting: 0, signOffs: 0 };

// T1: active va, vb, vc (vd closed 1 May); vc found unregistered and never patrolled (medium, 14 days): overdue;
// vb (ebike 35 + indoor charging 20 + charging by stock 30 = 85, high) is graded low: misgraded.
// Cells c1 (patrolled 28 Jun) and c2 (never): 1 unpatrolled. Open as of: h2, h3, h4; overdue: h2 (20 Jun), h4 (15 Apr).
// Found in the period: h1, h2, h3, h5; closed by as-of: h1, h5. Closed in the period: h1 (rebounded by h3), h5.
// Sign-offs in the period: territorial h1 1 d, h2 1 d; industry h1 3 d; special h1 4 d. h2 waits for industry
// (its latest sign-off failed) and special; territorial passed on 16 Jun and still counts.
const T1: Kpis = {
  venues: { active: 3, registered: 2, foundUnregistered: 1, overdue: 1, misgraded: 1 },
  patrolCompliance: 2 / 3,
  cells: { total: 2, unpatrolled: 1 },
  hazards: { open: 3, overdue: 2 },
  closure: { found: 4, closed: 2, rate: 0.5 },
  rebound: { closed: 2, rebounded: 1, rate: 0.5, provisional: true },
  acceptanceDelays: delays([2, 1, 0], [1, 3, 1], [1, 4, 1]),
  skipped: NONE_SKIPPED,
} as Kpis;
// T2: ve last patrolled 1 May (low, 30 days): overdue; vf (catering 15 + occupancy 60 15 = 30, medium) graded low:
// misgraded. ve scores retail 5 + a recent rebound 15 = 20: low, as assigned. c3 patrolled 25 Jun.
// Open as of: h7 (deadline 25 Jun): overdue. Found in the period: h7, h8; closed: h8. Closed in the period: h8, not
// rebounded (h6 closed in March is outside the cohort). Sign-offs: territorial h7 2 d, h8 1 d; industry h8 2 d;
// special h8 10 d. h7 waits for industry and special.
const T2: Kpis = {
  venues: { active: 2, registered: 2, foundUnregistered: 0, overdue: 1, misgraded: 1 },
  patrolCompliance: 0.5,
  cells: { total: 1, unpatrolled: 0 },
  hazards: { open: 1, overdue: 1 },
  closure: { found: 2, closed: 1, rate: 0.5 },
  rebound: { closed: 1, rebounded: 0, rate: 0, provisional: true },
  acceptanceDelays: delays([2, 1.5, 0], [1, 2, 1], [1, 10, 1]),
  skipped: NONE_SKIPPED,
} as Kpis;
// the city is the sum of the two: delays (1+1+2+1)/4, (3+2)/2, (4+10)/2
const CITY: Kpis = {
  venues: { active: 5, registered: 4, foundUnregistered: 1, overdue: 2, misgraded: 2 },
  patrolCompliance: 0.6,
  cells: { total: 3, unpatrolled: 1 },
  hazards: { open: 4, overdue: 3 },
  closure: { found: 6, closed: 3, rate: 0.5 },
  rebound: { closed: 3, rebounded: 1, rate: 1 / 3, provisional: true },
  acceptanceDelays: delays([4, 1.25, 0], [2, 2.5, 2], [2, 7, 2]),
  skipped: NONE_SKIPPED,
} as Kpis;

describe('township KPIs', () => {
  it('adds each township its KPIs as of a moment over a period, keeping the existing fields', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/townships?asOf=${AS_OF}&${PERIOD}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<TownshipCollection>(res);
      // from=2026-06-01 is local midnight in the city's zone (Asia/Shanghai, UTC+8, by default)
      expect(body.period).toEqual({
        asOf: '2026-06-30T12:00:00.000Z',
        from: '2026-05-31T16:00:00.000Z',
        to: '2026-06-30T12:00:00.000Z',
      });
      // the label point is the townships route's own (tested there); here the KPIs sit beside it
      expect(body.features.map(({ properties: { labelPoint: _, ...rest } }) => rest)).toEqual([
        { id: f.t1, code: 'K1', name: '甲街道', nameEn: 'K1', kind: 'town', venueCount: 3, gridCellCount: 2, kpis: T1 },
        { id: f.t2, code: 'K2', name: '乙镇', nameEn: 'K2', kind: 'town', venueCount: 2, gridCellCount: 1, kpis: T2 },
      ]);
      expect(body.features.every((x) => x.properties.labelPoint.length === 2)).toBe(true);
    });
  });

  it('defaults the period to the 90 days before asOf, and a period over half a year old is not provisional', async () => {
    await rolledBack(async (tx) => {
      await kpiCity(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<TownshipCollection>(await app.request(`/api/townships?asOf=${AS_OF}`));
      expect(body.period).toEqual({
        asOf: '2026-06-30T12:00:00.000Z',
        from: '2026-04-01T12:00:00.000Z',
        to: '2026-06-30T12:00:00.000Z',
      });
      // T2 over March: h6 closed 20 Mar and came back on 15 Jun; asked a year later, March is settled
      const march = await bodyOf<TownshipCollection>(
        await app.request('/api/townships?asOf=2027-06-30&from=2026-03-01&to=2026-04-01'),
      );
      expect(march.features[1]?.properties.kpis.rebound).toEqual({
        closed: 1,
        rebounded: 1,
        rate: 1,
        provisional: false,
      });
    });
  });

  it('rejects a bad asOf and a period whose from is not before its to', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      for (const [query, detail] of [
        ['asOf=yesterday', /asOf: must be an ISO 8601 date/],
        ['asOf=1999-12-31', /not a real date between 2000 and 2100/],
        ['from=2026-06-10&to=2026-06-01', /from \(2026-06-09T16:00:00.000Z\) must be before to/],
      ] as const) {
        const res = await app.request(`/api/townships?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toMatch(detail);
      }
    });
  });
});

describe('hazards imported closed without their rectification details', () => {
  // Three historic records imported into T1 with only found/closed times (no responsible person,
  // deadline or rectified_at), and one ordinary open hazard after them:
  //   R1 at vb: found 3 Jun, closed 5 Jul (after asOf): open as of 30 Jun, overdue and waiting unknown.
  //   R2 at vc: found 4 Jun, closed 20 Jun: found and closed in the period; its three imported
  //     sign-offs (20 Jun) have no rectification to measure from.
  //   R3 at va: found 1 May, closed 10 May: before the period, counts in nothing here.
  //   R4 at vc: R2's type found 25 Jun, open, no deadline: a rebound of R2 (found/closed times suffice).
  const LEDGER =
    'external_id,venue_external_id,type_code,status,found_at,fixed_on_spot,closed_at\n' +
    'R1,KV-B,no_extinguisher,closed,2026-06-03T02:00:00Z,false,2026-07-05T02:00:00Z\n' +
    'R2,KV-C,gas_safety,closed,2026-06-04T02:00:00Z,false,2026-06-20T02:00:00Z\n' +
    'R3,KV-A,unsafe_wiring,closed,2026-05-01T02:00:00Z,no,2026-05-10T02:00:00Z\n' +
    'R4,KV-C,gas_safety,open,2026-06-25T02:00:00Z,false,\n';

  async function withLedger(tx: Parameters<Parameters<typeof rolledBack>[0]>[0]) {
    const f = await kpiCity(tx);
    const { va, vb, vc } = f.venues;
    await tx.query(
      `UPDATE venues SET external_id = CASE id WHEN $1 THEN 'KV-A' WHEN $2 THEN 'KV-B' WHEN $3 THEN 'KV-C' END
        WHERE id IN ($1, $2, $3)`,
      [va, vb, vc],
    );
    const [admin] = await tx.query<{ id: number }>(
      `INSERT INTO users (username, display_name, role) VALUES ('kpi_admin', '管理员', 'admin') RETURNING id`,
    );
    const res = await upload(await appAs(tx, admin!.id), 'hazards', LEDGER);
    expect(await res.json()).toEqual({ inserted: 4, updated: 0, reboundLinksChanged: 1 });
    return f;
  }

  it('leaves them out of overdue, waiting and sign-off delays, says how many, and counts them everywhere else', async () => {
    await rolledBack(async (tx) => {
      await withLedger(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<TownshipCollection>(await app.request(`/api/townships?asOf=${AS_OF}&${PERIOD}`));
      // T1 before: open h2, h3, h4 (overdue h2, h4); found h1, h2, h3, h5 (closed h1, h5); cohort h1 (rebounded), h5
      expect(body.features[0]?.properties.kpis).toMatchObject({
        hazards: { open: 5, overdue: 2 }, // + R1, R4; R1's deadline is unknown, R4 has none yet
        closure: { found: 7, closed: 3, rate: 3 / 7 }, // + R1, R2, R4 found; R2 closed
        rebound: { closed: 3, rebounded: 2, rate: 2 / 3, provisional: true }, // + R2, rebounded by R4
        acceptanceDelays: delays([2, 1, 0], [1, 3, 1], [1, 4, 1]), // as before: R2's sign-offs are not delays
        skipped: { overdue: 1, waiting: 1, signOffs: 3 }, // R1, R1, R2's three
      });
      expect(body.features[1]?.properties.kpis.skipped).toEqual(NONE_SKIPPED);
      const city = await bodyOf<StatsSummaryDto>(await app.request(`/api/stats/summary?asOf=${AS_OF}&${PERIOD}`));
      expect(city.kpis.skipped).toEqual({ overdue: 1, waiting: 1, signOffs: 3 });
      expect(city.kpis.hazards).toEqual({ open: 6, overdue: 3 });
      // once R1 is closed too, nothing it lacks is asked for: as of 10 Jul over June only R2's sign-offs are skipped
      const later = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=2026-07-10&${PERIOD}&trendWeeks=0`),
      );
      expect(later.kpis.skipped).toEqual({ overdue: 0, waiting: 0, signOffs: 3 });
    });
  });
});

describe('GET /api/stats/summary', () => {
  it('gives the city the sum of its townships and one township its own figures', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const city = await bodyOf<StatsSummaryDto>(await app.request(`/api/stats/summary?asOf=${AS_OF}&${PERIOD}`));
      expect(city).toMatchObject({
        townshipId: null,
        asOf: '2026-06-30T12:00:00.000Z',
        from: '2026-05-31T16:00:00.000Z', // 1 Jun 00:00 in Asia/Shanghai
      });
      expect(city.kpis).toEqual(CITY);
      const t2 = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?township=${f.t2}&asOf=${AS_OF}&${PERIOD}`),
      );
      expect(t2.townshipId).toBe(f.t2);
      expect(t2.kpis).toEqual(T2);
    });
  });

  it('trends by ISO week, each week as of its end over its own days', async () => {
    await rolledBack(async (tx) => {
      await kpiCity(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=${AS_OF}&from=2026-06-15&to=2026-06-29`),
      );
      expect(body.trend.map((w) => [w.week, w.from, w.to, w.asOf])).toEqual([
        // Monday 00:00 in Asia/Shanghai (UTC+8)
        ['2026-W25', '2026-06-14T16:00:00.000Z', '2026-06-21T16:00:00.000Z', '2026-06-21T16:00:00.000Z'],
        ['2026-W26', '2026-06-21T16:00:00.000Z', '2026-06-28T16:00:00.000Z', '2026-06-28T16:00:00.000Z'],
      ]);
      const [w25, w26] = body.trend;
      // as of 22 Jun: open h2, h3, h4, h7, h8; overdue h2, h4. Found that week: h7, h3, neither closed; none closed.
      // Sign-offs that week: territorial h8 1 d, h2 1 d; industry h8 2 d. h2 waits for industry and special,
      // h8 (rectified 14 Jun, two sign-offs) for special; h7 is still rectifying.
      expect(w25).toMatchObject({
        hazards: { open: 5, overdue: 2 },
        closure: { found: 2, closed: 0, rate: 0 },
        rebound: { closed: 0, rebounded: 0, rate: null, provisional: true },
        acceptanceDelays: delays([2, 1, 0], [1, 2, 1], [0, null, 2]),
      });
      // as of 29 Jun: h8 closed 24 Jun; h7 past its deadline. Sign-offs: h7 territorial 2 d, h8 special 10 d.
      // h2 and h7 each wait for industry and special.
      expect(w26).toMatchObject({
        hazards: { open: 4, overdue: 3 },
        closure: { found: 0, closed: 0, rate: null },
        rebound: { closed: 1, rebounded: 0, rate: 0, provisional: true },
        acceptanceDelays: delays([1, 2, 0], [0, null, 2], [1, 10, 2]),
      });
    });
  });

  it('answers an unknown township with 404 and rejects bad parameters with 400', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const missing = await app.request(`/api/stats/summary?township=${f.t2 + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
      for (const [query, detail] of [
        ['township=east', /township: must be a township id/],
        ['asOf=30/06/2026', /asOf: must be an ISO 8601/],
        ['from=2026-07-01&to=2026-06-01', /must be before to/],
        ['from=2025-01-01&to=2026-06-01', /at most 371 days/],
      ] as const) {
        const res = await app.request(`/api/stats/summary?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<{ detail: string }>(res)).detail).toMatch(detail);
      }
    });
  });
});
