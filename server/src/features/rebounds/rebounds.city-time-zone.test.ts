// Rebound-rate periods in the city's zone (CITY_TZ): months and quarters start at local midnight
// on the 1st, and a hazard closed late on the last evening of a month counts in that month.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ReboundStatsDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { SEATTLE, URUMQI } from '../../testing/far-city-layout.ts';
import { timeZoneCity } from '../../testing/time-zone-city.fixture.ts';

const rows = (body: ReboundStatsDto) => body.periods.map((p) => [p.start, p.end, p.closed]);

describe('GET /api/rebounds/stats in the city time zone', () => {
  it('starts Los Angeles months and quarters at local midnight on the 1st (PDT -7, PST -8)', async () => {
    await rolledBack(async (tx) => {
      const city = await timeZoneCity(tx, SEATTLE);
      await city.closed('2026-10-01T06:30:00Z'); // Wed 30 Sep 23:30 PDT: before the period
      await city.closed('2026-11-01T06:30:00Z'); // Sat 31 Oct 23:30 PDT: October
      await city.closed('2026-11-01T07:30:00Z'); // Sun 1 Nov 00:30 PDT: November
      await city.closed('2026-12-01T07:30:00Z'); // Mon 30 Nov 23:30 PST: November
      const { app } = await testApp(tx, { cityTimeZone: 'America/Los_Angeles' });
      const q = 'from=2026-10-01&to=2027-01-01&asOf=2027-01-15';
      const months = await bodyOf<ReboundStatsDto>(await app.request(`/api/rebounds/stats?${q}&period=month`));
      expect([months.from, months.to]).toEqual(['2026-10-01T07:00:00.000Z', '2027-01-01T08:00:00.000Z']);
      expect(rows(months)).toEqual([
        ['2026-10-01T07:00:00.000Z', '2026-11-01T07:00:00.000Z', 1],
        ['2026-11-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z', 2],
        ['2026-12-01T08:00:00.000Z', '2027-01-01T08:00:00.000Z', 0],
      ]);
      const quarters = await bodyOf<ReboundStatsDto>(await app.request(`/api/rebounds/stats?${q}&period=quarter`));
      expect(rows(quarters)).toEqual([['2026-10-01T07:00:00.000Z', '2027-01-01T08:00:00.000Z', 3]]);
    });
  });

  it('starts Urumqi months at local midnight on the 1st (UTC+6)', async () => {
    await rolledBack(async (tx) => {
      const city = await timeZoneCity(tx, URUMQI);
      await city.closed('2026-10-31T17:30:00Z'); // Sat 31 Oct 23:30: October
      await city.closed('2026-10-31T18:30:00Z'); // Sun 1 Nov 00:30: November
      const { app } = await testApp(tx, { cityTimeZone: 'Asia/Urumqi' });
      const body = await bodyOf<ReboundStatsDto>(
        await app.request('/api/rebounds/stats?from=2026-10-01&to=2026-12-01&asOf=2027-01-15&period=month'),
      );
      expect(rows(body)).toEqual([
        ['2026-09-30T18:00:00.000Z', '2026-10-31T18:00:00.000Z', 1],
        ['2026-10-31T18:00:00.000Z', '2026-11-30T18:00:00.000Z', 1],
      ]);
    });
  });
});
