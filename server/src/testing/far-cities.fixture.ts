// The far cities of far-city-layout.ts written straight into the database, for the tests of one
// figure each (rebound clusters, reference matching, heatmap bins) in a rolled-back transaction.
import type { Queryable } from '@svm/db';
import type { LonLat } from './geodesy.ts';
import { cityBox, FAR_CITIES, matchLayout, reboundPlaces, SEATTLE, URUMQI, type FarCity } from './far-city-layout.ts';
import { closedHazard } from './rebounds.fixture.ts';

export { FAR_CITIES, SEATTLE, URUMQI, type FarCity };

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
  const [lon] = city.centre;
  const bbox = cityBox(city);
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
  for (const p of reboundPlaces(city).flat()) {
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
  const layout = matchLayout(city);
  const matchVenue = { id: await venue(layout.matchVenue), at: layout.matchVenue };
  for (const p of layout.matchPoints) await ref(p);
  for (const p of layout.trapVenues) await venue(p);
  const nearestTrap = await ref(layout.nearestTrap);
  await venue(layout.lonelyVenue);
  const lonely = await ref(layout.lonely);
  return { townships, venues, rebounds, referencePoints, matchVenue, nearestTrap, lonely, bbox };
}
