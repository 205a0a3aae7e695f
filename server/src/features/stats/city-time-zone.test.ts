// The KPI period and the trend weeks in the city's zone (CITY_TZ): a bare date is local midnight,
// and an ISO week runs from local Monday 00:00 to the next (167 or 169 hours over a clock change).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { StatsSummaryDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { SEATTLE, URUMQI } from '../../testing/far-city-layout.ts';
import { timeZoneCity } from '../../testing/time-zone-city.fixture.ts';

const HOUR = 3_600_000;
const span = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / HOUR;

describe('GET /api/stats/summary in Los Angeles (America/Los_Angeles)', () => {
  // hazards found at local times (PDT = UTC-7 until 1 Nov 2026 02:00, then PST = UTC-8)
  const FOUND = {
    sundayNightBefore: '2026-11-02T07:30:00Z', // Sun 1 Nov 23:30 PST
    mondayEarly: '2026-11-02T08:30:00Z', // Mon 2 Nov 00:30 PST
    mondayMorning: '2026-11-02T13:00:00Z', // Mon 2 Nov 05:00 PST
    sundayNight: '2026-11-09T07:30:00Z', // Sun 8 Nov 23:30 PST
    nextMondayEarly: '2026-11-09T08:30:00Z', // Mon 9 Nov 00:30 PST
  };
  const summary = async (query: string) => {
    let body: StatsSummaryDto | undefined;
    await rolledBack(async (tx) => {
      const city = await timeZoneCity(tx, SEATTLE);
      for (const at of Object.values(FOUND)) await city.found(at);
      const { app } = await testApp(tx, { cityTimeZone: 'America/Los_Angeles' });
      const res = await app.request(`/api/stats/summary?asOf=2026-11-20&${query}`);
      expect(res.status).toBe(200);
      body = await bodyOf<StatsSummaryDto>(res);
    });
    return body!;
  };

  it('reads from=2026-11-02&to=2026-11-09 as local midnight to local midnight', async () => {
    const body = await summary('from=2026-11-02&to=2026-11-09');
    expect(body.from).toBe('2026-11-02T08:00:00.000Z');
    expect(body.to).toBe('2026-11-09T08:00:00.000Z');
    expect(body.asOf).toBe('2026-11-20T08:00:00.000Z');
    // in: Mon 00:30, Mon 05:00 and Sun 8 Nov 23:30; out: Sun 1 Nov 23:30 and Mon 9 Nov 00:30
    expect(body.kpis.closure.found).toBe(3);
    // the next day alone holds only Mon 9 Nov 00:30
    expect((await summary('from=2026-11-09&to=2026-11-10')).kpis.closure.found).toBe(1);
  });

  it('cuts the trend weeks at local Monday midnight, the week of the clock change 169 hours long', async () => {
    const body = await summary('from=2026-10-26&to=2026-11-16');
    expect(body.trend.map((w) => [w.week, w.from, w.to, w.closure.found])).toEqual([
      // Mon 26 Oct 00:00 PDT .. Mon 2 Nov 00:00 PST, holding Sun 1 Nov 23:30
      ['2026-W44', '2026-10-26T07:00:00.000Z', '2026-11-02T08:00:00.000Z', 1],
      ['2026-W45', '2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z', 3],
      ['2026-W46', '2026-11-09T08:00:00.000Z', '2026-11-16T08:00:00.000Z', 1],
    ]);
    expect(body.trend.map(span)).toEqual([169, 168, 168]);
  });

  it('makes the week clocks spring forward in 167 hours long', async () => {
    const body = await summary('from=2026-03-02&to=2026-03-16');
    expect(body.trend.map((w) => [w.week, w.from, w.to])).toEqual([
      // Mon 2 Mar 00:00 PST .. Mon 9 Mar 00:00 PDT (clocks forward on Sun 8 Mar)
      ['2026-W10', '2026-03-02T08:00:00.000Z', '2026-03-09T07:00:00.000Z'],
      ['2026-W11', '2026-03-09T07:00:00.000Z', '2026-03-16T07:00:00.000Z'],
    ]);
    expect(body.trend.map(span)).toEqual([167, 168]);
  });
});

describe('GET /api/stats/summary in Urumqi (Asia/Urumqi, UTC+6 all year)', () => {
  it('reads bare dates as local midnight and starts the trend weeks on local Monday 00:00', async () => {
    await rolledBack(async (tx) => {
      const city = await timeZoneCity(tx, URUMQI);
      await city.found('2026-11-01T17:30:00Z'); // Sun 1 Nov 23:30
      await city.found('2026-11-01T18:30:00Z'); // Mon 2 Nov 00:30
      await city.found('2026-11-01T23:00:00Z'); // Mon 2 Nov 05:00
      await city.found('2026-11-08T17:30:00Z'); // Sun 8 Nov 23:30
      await city.found('2026-11-08T18:30:00Z'); // Mon 9 Nov 00:30
      const { app } = await testApp(tx, { cityTimeZone: 'Asia/Urumqi' });
      const week = await bodyOf<StatsSummaryDto>(
        await app.request('/api/stats/summary?asOf=2026-11-20&from=2026-11-02&to=2026-11-09'),
      );
      expect([week.from, week.to, week.kpis.closure.found]).toEqual([
        '2026-11-01T18:00:00.000Z',
        '2026-11-08T18:00:00.000Z',
        3,
      ]);
      const trend = await bodyOf<StatsSummaryDto>(
        await app.request('/api/stats/summary?asOf=2026-11-20&from=2026-10-26&to=2026-11-16'),
      );
      expect(trend.trend.map((w) => [w.week, w.from, w.to, w.closure.found])).toEqual([
        ['2026-W44', '2026-10-25T18:00:00.000Z', '2026-11-01T18:00:00.000Z', 1],
        ['2026-W45', '2026-11-01T18:00:00.000Z', '2026-11-08T18:00:00.000Z', 3],
        ['2026-W46', '2026-11-08T18:00:00.000Z', '2026-11-15T18:00:00.000Z', 1],
      ]);
    });
  });
});
