import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ReboundClustersDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { FAR_CITIES, farCity } from '../../testing/far-cities.fixture.ts';
import { dbscan } from '../../testing/far-city-layout.ts';
import { haversine, type LonLat } from '../../testing/geodesy.ts';

const AS_OF = '2026-11-30T12:00:00Z';

describe.each(FAR_CITIES)('rebound clusters in $name', (city) => {
  it("equal a DBSCAN over haversine distances (300 m, 3 points), computed in the city's own UTM zone", async () => {
    await rolledBack(async (tx) => {
      const f = await farCity(tx, city);
      const [stored] = await tx.query<{ srid: number }>('SELECT city_metric_srid() AS srid');
      expect(stored!.srid).toBe(city.srid);
      // the fixture's pairs sit 290 m or 310 m apart (or farther), never near 300 m
      const gaps = f.rebounds.flatMap((p, i) => f.rebounds.slice(i + 1).map((q) => haversine(p.at, q.at)));
      expect(gaps.filter((d) => d > 280 && d < 320).every((d) => Math.abs(d - 290) < 1 || Math.abs(d - 310) < 1)).toBe(
        true,
      );
      const expected = dbscan(f.rebounds, 300, 3);
      // g1, g3's first three, g4's first three and g6's square; g2, g5 and the two 310 m strays are noise
      expect(expected.map((c) => c.length)).toEqual([3, 3, 3, 4]);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/rebounds/clusters?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<ReboundClustersDto>(res);
      expect(body.parameters).toMatchObject({ epsMetres: 300, minPoints: 3 });
      const found = body.features.map((c) => [...c.properties.hazardIds].sort((a, b) => a - b));
      expect(found.sort((a, b) => a[0]! - b[0]!)).toEqual(expected);
      // each centroid is the members' own centre, within a metre
      for (const c of body.features) {
        const members = f.rebounds.filter((r) => c.properties.hazardIds.includes(r.id));
        const mean: LonLat = [
          members.reduce((s, r) => s + r.at[0], 0) / members.length,
          members.reduce((s, r) => s + r.at[1], 0) / members.length,
        ];
        expect(haversine(c.properties.centroid as LonLat, mean)).toBeLessThan(1);
      }
    });
  });
});
