// Rebounds for the route tests, on top of the two-township fixture (A: 121.0-121.1E, B: 121.1-121.2E).
// Three rebounds sit around the A/B border within 200 m of each other (0.001° of longitude is
// about 96 m here, 0.001° of latitude 111 m); two more are kilometres away. Each rebound's
// original hazard was closed on 2026-06-10; one more hazard, closed in July, never came back.
//
//   r3 (121.0995, 30.0515) A, unsafe_wiring        far1 (121.02, 30.02) A, no_extinguisher
//   r1 (121.0990, 30.0500) A, blocked_exit          far2 (121.15, 30.08) B, no_extinguisher
//   r2 (121.1005, 30.0500) B, blocked_exit          r1's venue also had gas_safety closed 2026-07-15
import type { Queryable } from '@svm/db';
import { twoTownships } from './fixture.ts';

const one = async (tx: Queryable, text: string, params: unknown[]) =>
  (await tx.query<{ id: number }>(`${text} RETURNING id`, params))[0]!.id;

/** A hazard of `type` at the venue, fixed on the spot and closed at `closedAt` (the original of a rebound). */
export async function closedHazard(tx: Queryable, venueId: number, type: string, closedAt: string) {
  const id = await one(
    tx,
    `INSERT INTO hazards (venue_id, type_code, severity, found_at, status, fixed_on_spot, rectified_at, closed_at)
                            VALUES ($1, $2, 'general', $3::timestamptz - interval '9 days', 'closed', true, $3, $3)`,
    [venueId, type, closedAt],
  );
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_name) VALUES ($1, 'on_the_spot', true, $2, '张三')`,
    [id, closedAt],
  );
  return id;
}

export async function reboundCity(tx: Queryable) {
  const f = await twoTownships(tx);
  const venue = (name: string, lon: number, lat: number) =>
    one(
      tx,
      `INSERT INTO venues (name, category, risk_level, registered_at, geom) VALUES ($1, 'retail', 'low', '2026-01-01', ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
      [name, lon, lat],
    );
  const places = {
    r1: [121.099, 30.05, 'blocked_exit'],
    r2: [121.1005, 30.05, 'blocked_exit'],
    r3: [121.0995, 30.0515, 'unsafe_wiring'],
    far1: [121.02, 30.02, 'no_extinguisher'],
    far2: [121.15, 30.08, 'no_extinguisher'],
  } as const;
  const venues: Record<string, number> = {};
  const rebounds: Record<string, number> = {};
  let day = 1;
  for (const [name, [lon, lat, type]] of Object.entries(places)) {
    venues[name] = await venue(name, lon, lat);
    const original = await closedHazard(tx, venues[name]!, type, '2026-06-10T00:00:00Z');
    rebounds[name] = await one(
      tx,
      `INSERT INTO hazards (venue_id, type_code, severity, found_at, rebound_of)
                                    VALUES ($1, $2, 'general', $3, $4)`,
      [venues[name], type, `2026-10-0${day++}T08:00:00Z`, original],
    );
  }
  await closedHazard(tx, venues.r1!, 'gas_safety', '2026-07-15T00:00:00Z');
  return { ...f, venues, rebounds };
}
