// trendWeeks: the summary keeps only the latest N weeks of its trend (the dashboard asks for two).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { StatsSummaryDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { AS_OF, kpiCity } from '../../testing/kpi-city.fixture.ts';

// 1 Jun (a Monday) .. 29 Jun: ISO weeks W23, W24, W25 and W26
const JUNE = 'from=2026-06-01&to=2026-06-29';

describe('GET /api/stats/summary?trendWeeks=', () => {
  it('keeps the latest weeks of the trend, the same figures as the full trend, and the same KPIs', async () => {
    await rolledBack(async (tx) => {
      await kpiCity(tx);
      const { app } = await testApp(tx);
      const full = await bodyOf<StatsSummaryDto>(await app.request(`/api/stats/summary?asOf=${AS_OF}&${JUNE}`));
      const two = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=${AS_OF}&${JUNE}&trendWeeks=2`),
      );
      const none = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=${AS_OF}&${JUNE}&trendWeeks=0`),
      );
      const many = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=${AS_OF}&${JUNE}&trendWeeks=53`),
      );
      expect(full.trend.map((w) => w.week)).toEqual(['2026-W23', '2026-W24', '2026-W25', '2026-W26']);
      expect(two.trend).toEqual(full.trend.slice(2));
      expect(none.trend).toEqual([]);
      expect(many.trend).toEqual(full.trend);
      expect(two.kpis).toEqual(full.kpis);
    });
  });

  it('refuses a trendWeeks that is not a whole number from 0 to 53', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      for (const bad of ['-1', '54', '2.5', 'two', '']) {
        const res = await app.request(`/api/stats/summary?trendWeeks=${bad}`);
        expect(res.status, bad).toBe(400);
        expect(res.headers.get('content-type')).toContain(PROBLEM_JSON);
        expect(JSON.stringify(await res.json())).toContain('trendWeeks must be a whole number from 0 to 53');
      }
    });
  });
});
