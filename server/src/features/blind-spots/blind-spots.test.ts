import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { BlindSpotsDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

const AS_OF = '2026-11-30T12:00:00Z';
const METRES_PER_DEGREE_LAT = 111_000;

/** The two-township fixture plus three reference points and one misgraded venue. */
async function fixture(tx: Queryable) {
  const f = await twoTownships(tx);
  const ref = async (id: string, lon: number, lat: number) =>
    (
      await tx.query<{ id: number }>(
        `INSERT INTO reference_points (source, external_id, name, category, geom) VALUES ('osm', $1, $1, 'shop', ST_SetSRID(ST_MakePoint($2, $3), 4326)) RETURNING id`,
        [id, lon, lat],
      )
    )[0]!.id;
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
  it("finds B's uncovered island as the one coverage gap and A-2 as the cell without a worker", async () => {
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
      expect(body.unregisteredDensity.features.map((x) => [x.properties.id, x.properties.count])).toEqual([
        [f.cells.a2, 1],
      ]);
      const density = body.unregisteredDensity.features[0]!.properties;
      expect(Math.abs(density.areaKm2 - sphereArea(121.05, 30, 121.1, 30.1) / 1e6)).toBeLessThan(0.3);
      expect(density.perKm2).toBeCloseTo(1 / density.areaKm2, 3);
      expect(body.referenceMatchMetres).toBe(30);
      expect(body.unmatchedReferencePoints.features.map((x) => x.properties.id)).toEqual([
        f.refs.farFromV2,
        f.refs.atClosedV4,
      ]);
      const nearest = body.unmatchedReferencePoints.features[0]!.properties.nearestVenueM!;
      expect(nearest).toBeGreaterThan(49);
      expect(nearest).toBeLessThan(51);
      expect(body.counts).toMatchObject({ unregisteredVenues: 1, unmatchedReferencePoints: 2 });
    });
  });

  it('counts the venues found unregistered in a coverage gap too, though no cell shows them', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      // v8, found unregistered on B's island (no cell covers it), beside v5 in A-2; v9 likewise
      // but registered only in December, after the moment asked about
      await tx.query(`INSERT INTO venues (name, category, risk_level, registration, registered_at, geom) VALUES
        ('v8', 'retail', 'low', 'found_unregistered', '2026-03-01T00:00:00Z', ST_SetSRID(ST_MakePoint(121.33, 30.03), 4326)),
        ('v9', 'retail', 'low', 'found_unregistered', '2026-12-01T00:00:00Z', ST_SetSRID(ST_MakePoint(121.34, 30.03), 4326))`);
      const { app } = await testApp(tx);
      const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
      // v5 and v8: two; the density layer still has A-2's one venue only
      expect(body.counts.unregisteredVenues).toBe(2);
      expect(body.unregisteredDensity.features.map((x) => [x.properties.id, x.properties.count])).toEqual([
        [f.cells.a2, 1],
      ]);
      // per township: A has v5, B has v8
      const a = await bodyOf<BlindSpotsDto>(
        await app.request(`/api/blind-spots?asOf=${AS_OF}&township=${f.townshipA}`),
      );
      const b = await bodyOf<BlindSpotsDto>(
        await app.request(`/api/blind-spots?asOf=${AS_OF}&township=${f.townshipB}`),
      );
      expect([a.counts.unregisteredVenues, b.counts.unregisteredVenues]).toEqual([1, 1]);
    });
  });

  it('keeps the matched-point proofs right as venues close, move and open, and the match distance changes', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const unmatched = async (asOf: string) =>
        (
          await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${asOf}`))
        ).unmatchedReferencePoints.features.map((x) => x.properties.id);
      const proof = async (id: number) =>
        (
          await tx.query<{ at: Date | null }>('SELECT matched_since AS at FROM reference_points WHERE id = $1', [id])
        )[0]!.at;
      // every fixture venue was registered on 2026-01-01: v1 proves the point 20 m from it, from then on
      expect(await proof(f.refs.nearV1)).toEqual(new Date('2026-01-01T00:00:00Z'));
      expect(await proof(f.refs.farFromV2)).toBeNull();
      // before 2026 no venue was registered: the proof is later than the moment, so the probe decides
      expect(await unmatched('2025-12-01T00:00:00Z')).toEqual([f.refs.nearV1, f.refs.farFromV2, f.refs.atClosedV4]);
      // v1 closes in October: its proof goes; in July it was still open (the probe finds it)
      await tx.query(`UPDATE venues SET status = 'closed', closed_at = '2026-10-01T00:00:00Z' WHERE id = $1`, [f.v1]);
      expect(await proof(f.refs.nearV1)).toBeNull();
      expect(await unmatched(AS_OF)).toEqual([f.refs.nearV1, f.refs.farFromV2, f.refs.atClosedV4]);
      expect(await unmatched('2026-07-01T00:00:00Z')).toEqual([f.refs.farFromV2, f.refs.atClosedV4]);
      // v2 moves 45 m north: now 5 m from the point that was 50 m away
      await tx.query(
        `UPDATE venues SET geom = ST_SetSRID(ST_MakePoint(121.03, 30.05 + 45 / 111000.0), 4326) WHERE name = 'v2'`,
      );
      expect(await proof(f.refs.farFromV2)).toEqual(new Date('2026-01-01T00:00:00Z'));
      // a venue opens in November on the point where v4 stood
      await tx.query(`INSERT INTO venues (name, category, risk_level, registered_at, geom)
        VALUES ('v10', 'retail', 'low', '2026-11-01T00:00:00Z', ST_SetSRID(ST_MakePoint(121.07, 30.03), 4326))`);
      expect(await unmatched(AS_OF)).toEqual([f.refs.nearV1]);
      // mid-October: v1 has closed, v10 not yet opened
      expect(await unmatched('2026-10-15T00:00:00Z')).toEqual([f.refs.nearV1, f.refs.atClosedV4]);
      // a match distance of 10 m: v2 is 5 m from its point, v10 on its own; v1 is closed anyway
      await tx.query('UPDATE patrol_policy SET reference_match_m = 10');
      expect([await proof(f.refs.farFromV2), await proof(f.refs.atClosedV4)]).toEqual([
        new Date('2026-01-01T00:00:00Z'),
        new Date('2026-11-01T00:00:00Z'),
      ]);
      expect(await unmatched(AS_OF)).toEqual([f.refs.nearV1]);
    });
  });

  it('lists unpatrolled cells and misgraded venues as of the moment', async () => {
    await rolledBack(async (tx) => {
      const f = await fixture(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
      // A-2 never patrolled, A-1 last on 11-20 (10 days > 7); B-1 on 11-25 (5 days) is fine
      expect(body.unpatrolledCells.features.map((x) => [x.properties.id, x.properties.daysSincePatrol])).toEqual([
        [f.cells.a2, null],
        [f.cells.a1, 10],
      ]);
      expect(body.misgradedVenues.features.map((x) => x.properties)).toEqual([
        {
          id: f.v1,
          externalId: null,
          name: 'v1',
          category: 'ebike',
          riskLevel: 'low',
          computedLevel: 'medium',
          score: 55,
        },
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
      const body = await bodyOf<BlindSpotsDto>(
        await app.request(`/api/blind-spots?asOf=${AS_OF}&township=${f.townshipA}`),
      );
      expect(body.counts).toEqual({
        coverageGaps: 0,
        coverageGapAreaM2: 0,
        cellsWithoutWorker: 1,
        unregisteredVenues: 1,
        unmatchedReferencePoints: 2,
        unpatrolledCells: 2,
        misgradedVenues: 1,
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
