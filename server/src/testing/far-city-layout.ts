// Where things stand in a city far from the seeded one (Ningbo, UTM 51N), for the tests that
// figures are true metres at any longitude and latitude and that days end at local midnight:
// Seattle (47.6°N 122.3°W, UTM 10N, America/Los_Angeles) and Urumqi (43.8°N 87.6°E, UTM 45N,
// Asia/Urumqi). Everything is placed by distance and bearing on the sphere (geodesy.ts), so the
// answers follow from haversine distances alone. Offsets are metres east and north of the centre:
//
//  rebounds (found 2026-10-15, eps 300 m, 3 points)    reference points and venues (match 30 m)
//   g1 (-3000, 2000): 3 in a row east, 290 m apart       M (1500, -1500): venue; points 28 m E, N, W and
//   g2 (-1000, 2000): 3 in a row north, 310 m apart        at 75°, 32 m E, N and at 255°
//   g3 (1000, 2000): 3 north-east 290 m apart, then      K (3000, -2500): point; venues 800 m E, 900 m N
//                    one 310 m south-east of the last    L (-3500, -3000): point; venue 1100 m E
//   g4 (3000, 1000): 3 in a row north 290 m apart, and
//                    one 310 m east of the first
//   g5 (-3000, -500): 3 in a row east, 310 m apart
//   g6 (-1000, -500): a 290 m square, 4 corners
//
// Two townships split the city at its centre's meridian, 0.1° of longitude by 0.08° of latitude
// each, so the centre of their extent is the centre given. Used by the server's fixture
// (far-cities.fixture.ts, rows written in SQL) and by the end-to-end test that builds the same
// city through the HTTP API alone (test/src/e2e/api-built-city.test.ts).
import { destination, haversine, offset, type LonLat } from './geodesy.ts';

export interface FarCity {
  name: string;
  centre: LonLat;
  /** the UTM zone of the centre, which the database must choose */
  srid: number;
  /** the city's IANA time zone */
  timeZone: string;
}

export const SEATTLE: FarCity = {
  name: 'Seattle',
  centre: [-122.33, 47.61],
  srid: 32610,
  timeZone: 'America/Los_Angeles',
};
export const URUMQI: FarCity = { name: 'Urumqi', centre: [87.62, 43.82], srid: 32645, timeZone: 'Asia/Urumqi' };

export const FAR_CITIES = [SEATTLE, URUMQI];

/** The point `east`, `north` metres from the city's centre. */
export const offsetFrom = (city: FarCity) => (east: number, north: number) => offset(city.centre, east, north);

/** West, south, east, north of the two townships' extent. */
export function cityBox(city: FarCity): [number, number, number, number] {
  const [lon, lat] = city.centre;
  return [lon - 0.1, lat - 0.04, lon + 0.1, lat + 0.04];
}

/** Where every rebound is, grouped as laid out above. */
export function reboundPlaces(city: FarCity): LonLat[][] {
  const at = offsetFrom(city);
  const row = (start: LonLat, bearing: number, step: number) => {
    const second = destination(start, bearing, step);
    return [start, second, destination(second, bearing, step)];
  };
  const g3 = row(at(1000, 2000), 45, 290);
  const g4 = row(at(3000, 1000), 0, 290);
  const g6 = at(-1000, -500);
  return [
    row(at(-3000, 2000), 90, 290),
    row(at(-1000, 2000), 0, 310),
    [...g3, destination(g3[2]!, 135, 310)],
    [...g4, destination(g4[0]!, 90, 310)],
    row(at(-3000, -500), 90, 310),
    [g6, destination(g6, 90, 290), destination(g6, 0, 290), destination(destination(g6, 0, 290), 90, 290)],
  ];
}

/** The reference-point layout: M's venue and its seven points, K with its two venues, L with its one. */
export function matchLayout(city: FarCity) {
  const at = offsetFrom(city);
  const m = at(1500, -1500);
  const k = at(3000, -2500);
  const l = at(-3500, -3000);
  const around = (
    [
      [90, 28],
      [0, 28],
      [270, 28],
      [75, 28],
      [90, 32],
      [0, 32],
      [255, 32],
    ] as const
  ).map(([bearing, metres]) => destination(m, bearing, metres));
  return {
    matchVenue: m,
    matchPoints: around,
    nearestTrap: k,
    /** K's venues: 800 m east (its nearest on the ground) and 900 m north (nearer in degrees) */
    trapVenues: [destination(k, 90, 800), destination(k, 0, 900)],
    lonely: l,
    lonelyVenue: destination(l, 90, 1100),
  };
}

/** DBSCAN over haversine distances: a core point has at least minPoints points (itself included) within eps. */
export function dbscan<K>(points: { id: K; at: LonLat }[], eps: number, minPoints: number): K[][] {
  const neighbours = points.map((p) => points.flatMap((q, j) => (haversine(p.at, q.at) <= eps ? [j] : [])));
  const label = new Map<number, number>();
  let clusters = 0;
  points.forEach((_, i) => {
    if (label.has(i) || neighbours[i]!.length < minPoints) return;
    const c = clusters++;
    label.set(i, c);
    const queue = [i];
    for (let j = queue.pop(); j !== undefined; j = queue.pop()) {
      if (neighbours[j]!.length < minPoints) continue; // a border point reaches no further
      for (const k of neighbours[j]!) {
        if (!label.has(k)) {
          label.set(k, c);
          queue.push(k);
        }
      }
    }
  });
  const members = Array.from({ length: clusters }, () => [] as number[]);
  for (const [i, c] of label) members[c]!.push(i);
  // each cluster in input order, the clusters by their first member
  return members
    .map((m) => m.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((m) => m.map((i) => points[i]!.id));
}
