import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { HeatmapDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { binSizeFor } from './heatmap.route.ts';

const AS_OF = '2026-11-30T12:00:00Z';
const TOWNSHIP_A = '121.0,30.0,121.1,30.1';

describe('GET /api/heatmap/risk', () => {
  it('bins active venues by risk weight plus open hazards, one bin per venue at zoom 9', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      // v2 is high (3) and has one open hazard (2): its bin weighs 5; v1, v3, v5 are low (1); v4 is closed
      await tx.query(`UPDATE venues SET risk_level = 'high' WHERE name = 'v2'`);
      await tx.query(
        `INSERT INTO hazards (venue_id, type_code, severity, found_at) SELECT id, 'blocked_exit', 'major', '2026-11-01' FROM venues WHERE name = 'v2'`,
      );
      const { app } = await testApp(tx);
      const res = await app.request(`/api/heatmap/risk?bbox=${TOWNSHIP_A}&zoom=9&asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<HeatmapDto>(res);
      expect(body).toMatchObject({
        zoom: 9,
        binSizeM: 2000,
        weights: { high: 3, medium: 2, low: 1, openHazard: 2 },
        densityDomain: [0, 1000],
      });
      // the venues are at least 3 km apart, so each has a 2 km bin of its own
      const bins = body.features.map((f) => f.properties).sort((a, b) => b.weight - a.weight);
      expect(bins.map((b) => [b.weight, b.venues, b.openHazards])).toEqual([
        [5, 1, 1],
        [1, 1, 0],
        [1, 1, 0],
        [1, 1, 0],
      ]);
      expect(bins[0]!.density).toBe(1.25); // 5 per 4 km²
      // the heaviest bin holds v2 (121.03, 30.05)
      const heavy = body.features.find((f) => f.properties.weight === 5)!;
      const ring = heavy.geometry.coordinates[0]!;
      const lons = ring.map(([x]) => x);
      const lats = ring.map(([, y]) => y);
      expect(Math.min(...lons)).toBeLessThan(121.03);
      expect(Math.max(...lons)).toBeGreaterThan(121.03);
      expect(Math.min(...lats)).toBeLessThan(30.05);
      expect(Math.max(...lats)).toBeGreaterThan(30.05);
      // before v2's hazard was found it weighed only its level
      const before = await bodyOf<HeatmapDto>(
        await app.request(`/api/heatmap/risk?bbox=${TOWNSHIP_A}&zoom=9&asOf=2026-10-01`),
      );
      expect(before.features.map((f) => f.properties.weight).sort()).toEqual([1, 1, 1, 3]);
    });
  });

  it('chooses the bin size from the zoom, capped, and grows it to keep a large bbox under 20000 bins', () => {
    expect(binSizeFor(9, [121, 30, 121.1, 30.1])).toBe(2000);
    expect(binSizeFor(12, [121, 30, 121.1, 30.1])).toBe(250);
    expect(binSizeFor(22, [121, 30, 121.001, 30.001])).toBe(100);
    expect(binSizeFor(0, [121, 30, 121.1, 30.1])).toBe(16000);
    // 3° x 3° is about 1e11 m²: sqrt(1e11 / 20000) ≈ 2200 m rather than 125 m at zoom 13
    expect(binSizeFor(13, [120, 29, 123, 32])).toBeGreaterThan(2000);
  });

  it.each([
    ['bbox=121,30,121.1,30.1&zoom=23', /zoom must be a whole number from 0 to 22/],
    ['bbox=121,30,121.1,30.1&zoom=-1', /zoom must be a whole number from 0 to 22/],
    ['bbox=121,30,121.1,30.1&zoom=nine', /zoom must be a whole number from 0 to 22/],
    ['bbox=121,30,121.1,30.1', /zoom is required/],
    ['zoom=9', /bbox is required/],
    ['bbox=121,30,121.1&zoom=9', /4 comma-separated numbers/],
    ['bbox=121.1,30,121,30.1&zoom=9', /minLon must be less than maxLon/],
    ['bbox=121,30,121.1,30.1&zoom=9&asOf=soon', /asOf: must be an ISO 8601/],
  ])('rejects %s with a 400 problem', async (query, detail) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(`/api/heatmap/risk?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    });
  });
});
