import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { HeatmapDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { FAR_CITIES, farCity } from '../../testing/far-cities.fixture.ts';
import { haversine, type LonLat } from '../../testing/geodesy.ts';

const AS_OF = '2026-11-30T12:00:00Z';

describe.each(FAR_CITIES)('heatmap bins in $name', (city) => {
  it.each([9, 12])('are squares on the ground of the size asked for at zoom %i', async (zoom) => {
    await rolledBack(async (tx) => {
      const f = await farCity(tx, city);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/heatmap/risk?bbox=${f.bbox.join(',')}&zoom=${zoom}&asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<HeatmapDto>(res);
      const size = body.binSizeM;
      expect(size).toBe(zoom === 9 ? 2000 : 250);
      // every fixture venue is active and low (weight 1) and counted in exactly one bin
      expect(body.features.reduce((s, b) => s + b.properties.venues, 0)).toBe(f.venues.length);
      for (const bin of body.features) {
        const ring = bin.geometry.coordinates[0]! as unknown as LonLat[];
        expect(ring).toHaveLength(5);
        const edges = [0, 1, 2, 3].map((k) => haversine(ring[k]!, ring[k + 1]!));
        const diagonals = [haversine(ring[0]!, ring[2]!), haversine(ring[1]!, ring[3]!)];
        for (const e of edges) expect(Math.abs(e / size - 1)).toBeLessThan(0.01);
        for (const d of diagonals) expect(Math.abs(d / (size * Math.SQRT2) - 1)).toBeLessThan(0.01);
        expect(Math.abs(Math.max(...edges) / Math.min(...edges) - 1)).toBeLessThan(0.01);
      }
    });
  });
});
