// A one-township city at a far city's centre (Seattle or Urumqi, far-city-layout.ts) for the tests
// that days, weeks and months end at local midnight: one venue, and hazards found or closed at
// instants the tests name in UTC (each worked out by hand from a local time in their comments).
import type { Queryable } from '@svm/db';
import { cityBox, type FarCity } from './far-city-layout.ts';
import { closedHazard } from './rebounds.fixture.ts';

const one = async (tx: Queryable, text: string, params: unknown[]) =>
  (await tx.query<{ id: number }>(`${text} RETURNING id`, params))[0]!.id;

export async function timeZoneCity(tx: Queryable, city: FarCity) {
  const [w, s, e, n] = cityBox(city);
  const townshipId = await one(
    tx,
    `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ($1, $1, $1, 'subdistrict', ST_Multi(ST_MakeEnvelope($2, $3, $4, $5, 4326)))`,
    [`${city.name}-TZ`, w, s, e, n],
  );
  const venueId = await one(
    tx,
    `INSERT INTO venues (name, category, risk_level, registered_at, geom)
          VALUES ($1, 'retail', 'low', '2026-01-01T00:00:00Z', ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
    [`${city.name} corner shop`, city.centre[0], city.centre[1]],
  );
  return {
    townshipId,
    venueId,
    /** an open hazard found at `foundAt` (UTC ISO) */
    found: (foundAt: string) =>
      one(
        tx,
        `INSERT INTO hazards (venue_id, type_code, severity, found_at) VALUES ($1, 'blocked_exit', 'general', $2)`,
        [venueId, foundAt],
      ),
    /** a hazard fixed on the spot and closed at `closedAt` (UTC ISO) */
    closed: (closedAt: string) => closedHazard(tx, venueId, 'blocked_exit', closedAt),
  };
}
