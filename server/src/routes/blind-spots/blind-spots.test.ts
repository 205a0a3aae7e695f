import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { BlindSpotsDto } from '../../contract/index.ts';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

const AS_OF = '2026-11-30T12:00:00Z';
const METRES_PER_DEGREE_LAT = 111_000;

/** The two-township fixture plus three reference points and one misgraded venue. */
async function fixture(tx: Queryable) {
  const f = await twoTownships(tx);
  const ref = async (id: string, lon: number, lat: number) => (await tx.query<{ id: number }>(
    `INSERT INTO reference_points (source, external_id, name, category, geom) VALUES ('osm', $1, $1, 'shop', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
    [id, lon, lat]))[0]!.id;
  const refs = {
    nearV1: await ref('n20', 121.02, 30.02 + 20 / METRES_PER_DEGREE_LAT), // 20 m north of v1: matched
    farFromV2: await ref('n50', 121.03, 30.05 + 50 / METRES_PER_DEGREE_LAT), // 50 m north of v2: unmatched
    atClosedV4: await ref('c0', 121.07, 30.03), // on v4, which closed in June: unmatched
  };
  // v1 turns out to be an e-bike shop charging indoors: 35 + 20 = 55 points, computed medium, assigned low
  await tx.query(`UPDATE venues SET category = 'ebike', indoor_ebike_charging = true WHERE name = 'v1'`);
  const [v1] = await tx.query<{ id: number }>(`SELECT id FROM venues WHERE name = 'v1'`);
  return { ...f, refs, v1: v1!.id };
}

/** Area of a lon/lat rectangle on a sphere of the mean Earth radius (within ~0.5% of the spheroid). */
const sphereArea = (lon0: number, lat0: number, lon1: number, lat1: number) => {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  return r * r * (lon1 - lon0) * rad * (Math.sin(lat1 * rad) - Math.sin(lat0 * rad));
};

describe('GET /api/blind-spots', () => {
  it('finds B\'s uncovered island as the one coverage gap and A-2 as the cell without a worker', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/blind-spots?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<BlindSpotsDto>(res);
      // A is tiled exactly by; B-1 covers B's main part, not its 0.05° x 0.05° island
      expect(body.coverageGaps.features).toHaveLength(1);
      const gap = body.coverageGaps.features[0]!;
      expect(gap.properties).toMatchObject({ townshipId: f.townshipB, townshipName: '西山镇' });
      const expected = sphereArea(121.3, 30.0, 121.35, 30.05); // about 26.8 km²
      expect(Math.abs(gap.properties.areaM2 - expected) / expected).toBeLessThan(0.005);
      expect(body.counts.coverageGapAreaM2).toBe(gap.properties.areaM2);
      expect(body.cellsWithoutWorker.features.map((x) => x.properties.id)).toEqual([f.cells.a2]);
    });
  });

  it('counts unregistered venues per cell and per km², and matches reference points within 30 m only', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
      // v5 (found unregistered) lies in A-2, a 0.05° x 0.1° cell of about 48 km²
      expect(body.unregisteredDensity.features.map((x) => [x.properties.id, x.properties.count])).toEqual([[f.cells.a2, 1]]);
      const density = body.unregisteredDensity.features[0]!.properties;
      expect(Math.abs(density.areaKm2 - sphereArea(121.05, 30, 121.1, 30.1) / 1e6)).toBeLessThan(0.3);
      expect(density.perKm2).toBeCloseTo(1 / density.areaKm2, 3);
      expect(body.referenceMatchMetres).toBe(30);
      expect(body.unmatchedReferencePoints.features.map((x) => x.properties.id)).toEqual([f.refs.farFromV2, f.refs.atClosedV4]);
      const nearest = body.unmatchedReferencePoints.features[0]!.properties.nearestVenueM!;
      expect(nearest).toBeGreaterThan(49);
      expect(nearest).toBeLessThan(51);
      expect(body.counts).toMatchObject({ unregisteredVenues: 1, unmatchedReferencePoints: 2 });
    });
  });

  it('lists unpatrolled cells and misgraded venues as of the moment', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
      // A-2 never patrolled, A-1 last on 11-20 (10 days > 7); B-1 on 11-25 (5 days) is fine
      expect(body.unpatrolledCells.features.map((x) => [x.properties.id, x.properties.daysSincePatrol])).toEqual([
        [f.cells.a2, null], [f.cells.a1, 10],
      ]);
      expect(body.misgradedVenues.features.map((x) => x.properties)).toEqual([
        { id: f.v1, name: 'v1', category: 'ebike', riskLevel: 'low', computedLevel: 'medium', score: 55 },
      ]);
      expect(body.misgradedVenues.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [121.02, 30.02] });
      // a week earlier A-1 had been patrolled 3 days before
      const earlier = await bodyOf<BlindSpotsDto>(await app.request('/api/blind-spots?asOf=2026-11-23T12:00:00Z'));
      expect(earlier.unpatrolledCells.features.map((x) => x.properties.id)).toEqual([f.cells.a2, f.cells.b1]);
    });
  });

  it('narrows every layer to one township', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}&township=${f.townshipA}`));
      expect(body.counts).toEqual({
        coverageGaps: 0, coverageGapAreaM2: 0, cellsWithoutWorker: 1, unregisteredVenues: 1,
        unmatchedReferencePoints: 2, unpatrolledCells: 2, misgradedVenues: 1,
      });
    });
  });

  it.each([
    ['township=x', 400, /township id/],
    ['township=999999', 404, /township 999999 does not exist/],
    ['asOf=31-12-2026', 400, /asOf: must be an ISO 8601/],
  ])('answers %s with a problem', async (query, status, detail) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(`/api/blind-spots?${query}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    });
  });
});
