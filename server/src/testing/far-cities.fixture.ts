// Cities far from the seeded one (Ningbo, UTM 51N), for the tests that figures are true metres at
// any longitude and latitude: Seattle (47.6°N 122.3°W, UTM 10N) and Urumqi (43.8°N 87.6°E, UTM 45N).
// Everything is placed by distance and bearing on the sphere (geodesy.ts), so the answers follow
// from haversine distances alone. Offsets are metres east and north of the city centre:
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
// each, so the centre of their extent is the centre given.
import type { Queryable } from '@svm/db';
import { destination, offset, type LonLat } from './geodesy.ts';
import { closedHazard } from './rebounds.fixture.ts';

export interface FarCity {
  name: string;
  centre: LonLat;
  /** the UTM zone of the centre, which the database must choose */
  srid: number;
}

export const SEATTLE: FarCity = { name: 'Seattle', centre: [-122.33, 47.61], srid: 32610 };
export const URUMQI: FarCity = { name: 'Urumqi', centre: [87.62, 43.82], srid: 32645 };

export const FAR_CITIES = [SEATTLE, URUMQI];

/** Where every rebound is, grouped as laid out above. */
function reboundPlaces(at: (east: number, north: number) => LonLat): LonLat[][] {
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

export interface FarCityFixture {
  townships: number[];
  /** every venue with its position (rebound venues, the match venue M, K's and L's venues) */
  venues: { id: number; at: LonLat }[];
  rebounds: { id: number; at: LonLat }[];
  referencePoints: { id: number; at: LonLat }[];
  /** the venue the 28 m and 32 m points stand around */
  matchVenue: { id: number; at: LonLat };
  /** the point whose nearest venue (800 m east) is not its nearest in degrees (900 m north) */
  nearestTrap: number;
  /** the point with no venue within 1 km (one 1100 m east) */
  lonely: number;
  /** west, south, east, north of the townships' extent */
  bbox: [number, number, number, number];
}

const one = async (tx: Queryable, text: string, params: unknown[]) =>
  (await tx.query<{ id: number }>(`${text} RETURNING id`, params))[0]!.id;

export async function farCity(tx: Queryable, city: FarCity): Promise<FarCityFixture> {
  const [lon, lat] = city.centre;
  const bbox: [number, number, number, number] = [lon - 0.1, lat - 0.04, lon + 0.1, lat + 0.04];
  const box = (x0: number, x1: number) =>
    `MULTIPOLYGON(((${x0} ${bbox[1]}, ${x1} ${bbox[1]}, ${x1} ${bbox[3]}, ${x0} ${bbox[3]}, ${x0} ${bbox[1]})))`;
  const townships = [
    await one(
      tx,
      `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ($1, $2, $2, 'subdistrict', ST_GeomFromText($3, 4326))`,
      [`${city.name}-W`, `${city.name} West`, box(bbox[0], lon)],
    ),
    await one(
      tx,
      `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ($1, $2, $2, 'subdistrict', ST_GeomFromText($3, 4326))`,
      [`${city.name}-E`, `${city.name} East`, box(lon, bbox[2])],
    ),
  ];
  const at = (east: number, north: number) => offset(city.centre, east, north);
  const venues: FarCityFixture['venues'] = [];
  const venue = async (p: LonLat) => {
    const id = await one(
      tx,
      `INSERT INTO venues (name, category, risk_level, registered_at, geom)
            VALUES ($1, 'retail', 'low', '2026-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
      [`${city.name} venue ${venues.length + 1}`, p[0], p[1]],
    );
    venues.push({ id, at: p });
    return id;
  };
  const rebounds: FarCityFixture['rebounds'] = [];
  for (const p of reboundPlaces(at).flat()) {
    const v = await venue(p);
    const original = await closedHazard(tx, v, 'blocked_exit', '2026-06-10T00:00:00Z');
    const id = await one(
      tx,
      `INSERT INTO hazards (venue_id, type_code, severity, found_at, rebound_of)
            VALUES ($1, 'blocked_exit', 'general', '2026-10-15T08:00:00Z', $2)`,
      [v, original],
    );
    rebounds.push({ id, at: p });
  }
  const referencePoints: FarCityFixture['referencePoints'] = [];
  const ref = async (p: LonLat) => {
    const id = await one(
      tx,
      `INSERT INTO reference_points (source, external_id, name, category, geom)
            VALUES ('osm', $1, $1, 'shop', ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
      [`${city.name}-${referencePoints.length + 1}`, p[0], p[1]],
    );
    referencePoints.push({ id, at: p });
    return id;
  };
  const m = at(1500, -1500);
  const matchVenue = { id: await venue(m), at: m };
  for (const [bearing, metres] of [
    [90, 28],
    [0, 28],
    [270, 28],
    [75, 28],
    [90, 32],
    [0, 32],
    [255, 32],
  ] as const) {
    await ref(destination(m, bearing, metres));
  }
  const k = at(3000, -2500);
  await venue(destination(k, 90, 800));
  await venue(destination(k, 0, 900));
  const nearestTrap = await ref(k);
  const l = at(-3500, -3000);
  await venue(destination(l, 90, 1100));
  const lonely = await ref(l);
  return { townships, venues, rebounds, referencePoints, matchVenue, nearestTrap, lonely, bbox };
}
