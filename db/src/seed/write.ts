// Bulk writers for the seed: each table is written with one INSERT ... SELECT FROM unnest(...)
// per batch (column arrays as parameters), which both drivers run fast.
import type { Queryable } from '../client.ts';
import type { UserRole, VenueCategory } from '@svm/contract/constants';
import { toLonLat, type CityPlan } from './city.ts';
import type { HistoryRows } from './history.ts';
import { Random } from './random.ts';
import { planVenues, type VenuePlan } from './venues.ts';

export interface UserRow {
  username: string;
  displayName: string;
  role: UserRole;
  townshipId: number | null;
  departmentId: number | null;
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

export async function insertUsers(tx: Queryable, users: UserRow[], createdAt: number): Promise<void> {
  await tx.query(
    `INSERT INTO users (id, username, display_name, role, township_id, department_id, created_at, demo)
     SELECT *, to_timestamp($7), true FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]::user_role[], $5::int[], $6::int[])`,
    [
      users.map((_, i) => i + 1),
      users.map((u) => u.username),
      users.map((u) => u.displayName),
      users.map((u) => u.role),
      users.map((u) => u.townshipId),
      users.map((u) => u.departmentId),
      seconds(createdAt),
    ],
  );
}

export async function insertVenues(tx: Queryable, venues: VenuePlan[]): Promise<void> {
  for (let i = 0; i < venues.length; i += 20_000) {
    const v = venues.slice(i, i + 20_000);
    await tx.query(
      `INSERT INTO venues (id, external_id, name, address, category, risk_level, registration, occupancy, floor_area_m2,
                           indoor_ebike_charging, charging_near_stock, flammables_stored, people_living_on_site,
                           registered_at, status, closed_at, geom)
       SELECT id, ext, name, addr, cat::venue_category, 'low', reg::registration_status, occ, area, c1, c2, c3, c4,
              to_timestamp(reg_at), CASE WHEN closed IS NULL THEN 'active' ELSE 'closed' END::venue_status,
              to_timestamp(closed), ST_SetSRID(ST_MakePoint(lon, lat), 4326)
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
                     $9::bool[], $10::bool[], $11::bool[], $12::bool[], $13::float8[], $14::float8[], $15::float8[], $16::float8[])
              AS u(id, ext, name, addr, cat, reg, occ, area, c1, c2, c3, c4, reg_at, closed, lon, lat)`,
      [
        v.map((x) => x.id),
        v.map((x) => x.externalId),
        v.map((x) => x.name),
        v.map((x) => x.address),
        v.map((x) => x.category),
        v.map((x) => x.registration),
        v.map((x) => x.occupancy),
        v.map((x) => x.floorAreaM2),
        v.map((x) => x.indoorEbikeCharging),
        v.map((x) => x.chargingNearStock),
        v.map((x) => x.flammablesStored),
        v.map((x) => x.peopleLivingOnSite),
        v.map((x) => seconds(x.registeredAt)),
        v.map((x) => seconds(x.closedAt)),
        v.map((x) => x.lonLat[0]),
        v.map((x) => x.lonLat[1]),
      ],
    );
  }
}

export async function flushHistory(
  tx: Queryable,
  rows: HistoryRows,
  counters: { transition: number; acceptance: number; patrols: number; hazards: number; acceptances: number },
): Promise<void> {
  const p = rows.patrols;
  if (p.length > 0) {
    await tx.query(
      `INSERT INTO patrols (id, venue_id, grid_cell_id, worker_id, patrolled_at, result)
       SELECT id, v, c, w, to_timestamp(at), r::patrol_result
         FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::float8[], $6::text[]) AS u(id, v, c, w, at, r)`,
      [
        p.map((x) => x.id),
        p.map((x) => x.venueId),
        p.map((x) => x.cellId),
        p.map((x) => x.workerId),
        p.map((x) => seconds(x.at)),
        p.map((x) => x.result),
      ],
    );
  }
  const h = rows.hazards;
  if (h.length > 0) {
    await tx.query(
      `INSERT INTO hazards (id, venue_id, patrol_id, type_code, severity, status, found_at, fixed_on_spot,
                            responsible_person, responsible_phone, deadline, rectified_at, closed_at)
       SELECT id, v, p, t, s::hazard_severity, st::hazard_status, to_timestamp(f), os, rp, ph,
              to_timestamp(dl), to_timestamp(ra), to_timestamp(ca)
         FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::bool[],
                     $9::text[], $10::text[], $11::float8[], $12::float8[], $13::float8[]) AS u(id, v, p, t, s, st, f, os, rp, ph, dl, ra, ca)`,
      [
        h.map((x) => x.id),
        h.map((x) => x.venueId),
        h.map((x) => x.patrolId),
        h.map((x) => x.type),
        h.map((x) => x.severity),
        h.map((x) => x.status),
        h.map((x) => seconds(x.foundAt)),
        h.map((x) => x.onSpot),
        h.map((x) => x.person),
        h.map((x) => x.phone),
        h.map((x) => seconds(x.deadline)),
        h.map((x) => seconds(x.rectifiedAt)),
        h.map((x) => seconds(x.closedAt)),
      ],
    );
  }
  const t = rows.transitions;
  if (t.length > 0) {
    const first = counters.transition;
    counters.transition += t.length;
    await tx.query(
      `INSERT INTO hazard_transitions (id, hazard_id, from_status, to_status, at, actor_id, actor_name)
       SELECT $1 + ord - 1, h, f::hazard_status, s::hazard_status, to_timestamp(at), a, n
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::float8[], $6::int[], $7::text[]) WITH ORDINALITY AS u(h, f, s, at, a, n, ord)`,
      [
        first,
        t.map((x) => x.hazardId),
        t.map((x) => x.from),
        t.map((x) => x.to),
        t.map((x) => seconds(x.at)),
        t.map((x) => x.actor.id),
        t.map((x) => x.actor.name),
      ],
    );
  }
  const a = rows.acceptances;
  if (a.length > 0) {
    const first = counters.acceptance;
    counters.acceptance += a.length;
    await tx.query(
      `INSERT INTO acceptances (id, hazard_id, party, passed, at, actor_id, actor_name, note)
       SELECT $1 + ord - 1, h, p::acceptance_party, ok, to_timestamp(at), a, n, note
         FROM unnest($2::bigint[], $3::text[], $4::bool[], $5::float8[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY AS u(h, p, ok, at, a, n, note, ord)`,
      [
        first,
        a.map((x) => x.hazardId),
        a.map((x) => x.party),
        a.map((x) => x.passed),
        a.map((x) => seconds(x.at)),
        a.map((x) => x.actor.id),
        a.map((x) => x.actor.name),
        a.map((x) => x.note),
      ],
    );
  }
  counters.patrols += p.length;
  counters.hazards += h.length;
  counters.acceptances += a.length;
}

const OSM_TAG: Record<VenueCategory, string> = {
  catering: 'amenity=restaurant',
  retail: 'shop=convenience',
  repair: 'shop=car_repair',
  ebike: 'shop=bicycle',
  entertainment: 'leisure=amusement_arcade',
  warehouse: 'building=warehouse',
  workshop: 'craft=yes',
  lodging: 'tourism=guest_house',
  training: 'amenity=training',
  other: 'shop=yes',
};

/** An OpenStreetMap-like shop layer: most registered venues a few metres off, plus shops the register lacks. */
export async function insertReferencePoints(
  tx: Queryable,
  plan: CityPlan,
  venues: VenuePlan[],
  seed: number,
  importedAt: number,
): Promise<number> {
  const rng = new Random(seed, 4);
  const points: { name: string; category: string; lon: number; lat: number }[] = [];
  for (const v of venues) {
    if (v.closedAt !== null || !rng.chance(0.85)) continue;
    const a = rng.uniform(0, 2 * Math.PI);
    const d = rng.uniform(0.002, 0.01);
    const [lon, lat] = toLonLat([v.at[0] + d * Math.cos(a), v.at[1] + d * Math.sin(a)]);
    points.push({ name: v.name, category: OSM_TAG[v.category], lon, lat });
  }
  const missing = planVenues(plan, seed + 7919, {
    count: Math.round(venues.length * 0.025),
    historyStart: 0,
    referenceDate: 1,
  });
  for (const v of missing)
    points.push({ name: v.name, category: OSM_TAG[v.category], lon: v.lonLat[0], lat: v.lonLat[1] });
  for (let i = 0; i < points.length; i += 20_000) {
    const b = points.slice(i, i + 20_000);
    await tx.query(
      `INSERT INTO reference_points (id, source, external_id, name, category, imported_at, geom, demo)
       SELECT $1 + ord - 1, 'osm', 'node/' || ($1 + ord + 100000), n, c, to_timestamp($6), ST_SetSRID(ST_MakePoint(lon, lat), 4326), true
         FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[]) WITH ORDINALITY AS u(n, c, lon, lat, ord)`,
      [
        i + 1,
        b.map((p) => p.name),
        b.map((p) => p.category),
        b.map((p) => p.lon),
        b.map((p) => p.lat),
        seconds(importedAt),
      ],
    );
  }
  return points.length;
}
