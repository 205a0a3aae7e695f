import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { TownshipCollection } from '@svm/contract';
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
        {
          id: f.townshipA,
          code: 'FX-A',
          name: '东湖街道',
          nameEn: 'East Lake Subdistrict',
          kind: 'subdistrict',
          venueCount: 4,
          gridCellCount: 2,
        },
        // B: v6 in its cell and v7 on the island no cell covers
        {
          id: f.townshipB,
          code: 'FX-B',
          name: '西山镇',
          nameEn: 'West Hill Town',
          kind: 'town',
          venueCount: 2,
          gridCellCount: 1,
        },
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
        [121.3, 30],
        [121.35, 30],
        [121.35, 30.05],
        [121.3, 30.05],
        [121.3, 30],
      ]);
    });
  });

  it("puts each township's label point inside its largest part, not on an island", async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<TownshipCollection>(await app.request('/api/townships'));
      const [a, b] = body.features.map((feature) => feature.properties);
      // A is the square 121.0-121.1 × 30.0-30.1: 9.6 km wide and 11.1 km tall in metres, so its
      // largest circle (r 4.8 km) is centred on lon 121.05, anywhere within 0.7 km of lat 30.05
      expect(a?.id).toBe(f.townshipA);
      expect(a?.labelPoint[0]).toBeCloseTo(121.05, 2);
      expect(Math.abs(a!.labelPoint[1] - 30.05)).toBeLessThan(0.008);
      // B's largest part is the square 121.1-121.2; its island (121.3-121.35) holds a smaller circle
      expect(b?.labelPoint[0]).toBeCloseTo(121.15, 2);
      expect(Math.abs(b!.labelPoint[1] - 30.05)).toBeLessThan(0.008);
    });
  });

  it('puts the label point of a U-shaped township inside it, where its centroid would fall outside', async () => {
    await rolledBack(async (tx) => {
      // a U 0.1° wide: two 0.03° arms (lon 121.0-121.03 and 121.07-121.1) over a 0.02° base
      // (lat 30.0-30.02); the centroid (121.05, ~30.04) is in the empty notch between the arms.
      // In metres an arm is 2.9 km wide, so the largest circles (r ≈ 1.45-1.5 km, in an arm or in
      // a corner where arm meets base) are centred about 1.5 km from the outer side: lon ≈ 121.015
      // or 121.085
      await tx.query(`INSERT INTO townships (code, name, name_en, kind, geom) VALUES ('FX-U', '凹字镇', 'U Town', 'town',
        ST_GeomFromText('MULTIPOLYGON(((121.0 30.0, 121.1 30.0, 121.1 30.1, 121.07 30.1, 121.07 30.02, 121.03 30.02, 121.03 30.1, 121.0 30.1, 121.0 30.0)))', 4326))`);
      const { app } = await testApp(tx);
      const body = await bodyOf<TownshipCollection>(await app.request('/api/townships'));
      const [lon, lat] = body.features[0]!.properties.labelPoint;
      const inBox = lon > 121.0 && lon < 121.1 && lat > 30.0 && lat < 30.1;
      const inNotch = lon > 121.03 && lon < 121.07 && lat > 30.02;
      expect(inBox && !inNotch, `label point ${lon},${lat}`).toBe(true);
      expect(Math.min(Math.abs(lon - 121.015), Math.abs(lon - 121.085))).toBeLessThan(0.002);
    });
  });

  it('returns an empty collection when no township is loaded', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      expect(await (await app.request('/api/townships')).json()).toMatchObject({
        type: 'FeatureCollection',
        features: [],
      });
    });
  });
});
