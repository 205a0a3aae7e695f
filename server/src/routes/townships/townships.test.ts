import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { TownshipCollection } from '../../contract/index.ts';
import { bodyOf, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

describe('GET /api/townships', () => {
  it('returns each township with its active venue count and grid cell count (KPIs are tested in stats/kpis.test.ts)', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const res = await app.request('/api/townships');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await bodyOf<TownshipCollection>(res);
      expect(body.type).toBe('FeatureCollection');
      expect(body.features.map((feature) => feature.properties)).toMatchObject([
        // A: v1, v2, v3 and the found-unregistered v5; the closed v4 is not counted
        { id: f.townshipA, code: 'FX-A', name: '东湖街道', nameEn: 'East Lake Subdistrict', kind: 'subdistrict', venueCount: 4, gridCellCount: 2 },
        // B: v6 in its cell and v7 on the island no cell covers
        { id: f.townshipB, code: 'FX-B', name: '西山镇', nameEn: 'West Hill Town', kind: 'town', venueCount: 2, gridCellCount: 1 },
      ]);
      expect(body.features.map((feature) => feature.id)).toEqual([f.townshipA, f.townshipB]);
    });
  });

  it('sends boundaries as GeoJSON MultiPolygons, island included', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<TownshipCollection>(await app.request('/api/townships'));
      const b = body.features[1];
      expect(b?.geometry.type).toBe('MultiPolygon');
      expect(b?.geometry.coordinates).toHaveLength(2);
      expect(b?.geometry.coordinates[1]?.[0]).toEqual([
        [121.3, 30], [121.35, 30], [121.35, 30.05], [121.3, 30.05], [121.3, 30],
      ]);
    });
  });

  it('returns an empty collection when no township is loaded', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      expect(await (await app.request('/api/townships')).json()).toMatchObject({ type: 'FeatureCollection', features: [] });
    });
  });
});
