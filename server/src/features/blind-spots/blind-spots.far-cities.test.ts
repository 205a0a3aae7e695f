import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { BlindSpotsDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { FAR_CITIES, farCity, type FarCityFixture } from '../../testing/far-cities.fixture.ts';
import { haversine, offset } from '../../testing/geodesy.ts';

const AS_OF = '2026-11-30T12:00:00Z';

/** What the definition says, from haversine distances: unmatched points and their nearest venue within 1 km. */
function expected(f: FarCityFixture) {
  const nearest = (id: number) => {
    const at = f.referencePoints.find((r) => r.id === id)!.at;
    return Math.min(...f.venues.map((v) => haversine(at, v.at)));
  };
  const unmatched = f.referencePoints.filter((r) => nearest(r.id) > 30).map((r) => r.id);
  return { unmatched, nearest };
}

describe.each(FAR_CITIES)('unmatched reference points in $name', (city) => {
  it('match a haversine count within 30 m, and the nearest venue within 1 km is found in every direction', async () => {
    await rolledBack(async (tx) => {
      const f = await farCity(tx, city);
      const { app } = await testApp(tx);
      const check = async () => {
        const body = await bodyOf<BlindSpotsDto>(await app.request(`/api/blind-spots?asOf=${AS_OF}`));
        const want = expected(f);
        const got = body.unmatchedReferencePoints.features.map((x) => x.properties);
        expect(got.map((p) => p.id)).toEqual(want.unmatched);
        expect(body.counts.unmatchedReferencePoints).toBe(want.unmatched.length);
        for (const p of got) {
          const d = want.nearest(p.id);
          if (d > 1000) expect(p.nearestVenueM, `point ${p.id}`).toBeNull();
          else expect(Math.abs(p.nearestVenueM! - d) / d, `point ${p.id}`).toBeLessThan(0.005);
        }
        return got;
      };
      // the 32 m points, K (nearest 800 m east, though 900 m north is nearer in degrees) and L (none within 1 km)
      const first = await check();
      expect(first).toHaveLength(5);
      const nearestOf = (id: number) => first.find((p) => p.id === id)!.nearestVenueM;
      expect(nearestOf(f.nearestTrap)).toBeGreaterThan(796);
      expect(nearestOf(f.nearestTrap)).toBeLessThan(804);
      expect(nearestOf(f.lonely)).toBeNull();
      // M moves 5 km north: the proofs it gave the 28 m points are cleared, and all seven are unmatched
      const moved = offset(f.matchVenue.at, 0, 5000);
      await tx.query('UPDATE venues SET geom = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3', [
        moved[0],
        moved[1],
        f.matchVenue.id,
      ]);
      f.venues.find((v) => v.id === f.matchVenue.id)!.at = moved;
      expect(await check()).toHaveLength(9);
      // and back where it stood: the 28 m points are proven again, by the venue's own write
      await tx.query('UPDATE venues SET geom = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3', [
        f.matchVenue.at[0],
        f.matchVenue.at[1],
        f.matchVenue.id,
      ]);
      f.venues.find((v) => v.id === f.matchVenue.id)!.at = f.matchVenue.at;
      expect(await check()).toHaveLength(5);
      const proven = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM reference_points WHERE matched_since IS NOT NULL',
      );
      expect(proven[0]!.n).toBe(4);
    });
  });
});
