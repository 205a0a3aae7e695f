// Named queries of the CSV imports: look-ups by external id / username, and upserts keyed by
// external_id (re-importing a file updates its rows instead of duplicating them).
import { sql, type Queryable } from '@svm/db';
import type { Upserted } from '../../kernel/import/row-writer.ts';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** external_id → id (and dates) for the given venues. */
export async function venuesByExternalId(db: Queryable, ids: string[]) {
  const rows = await db.query<{ external_id: string; id: number; registered_at: Date; closed_at: Date | null }>(
    'SELECT external_id, id, registered_at, closed_at FROM venues WHERE external_id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.external_id, r]));
}

export async function usersByUsername(db: Queryable, names: string[]) {
  const rows = await db.query<{ username: string; id: number; display_name: string }>(
    'SELECT username, id, display_name FROM users WHERE username = ANY($1::text[])',
    [names],
  );
  return new Map(rows.map((r) => [r.username, r]));
}

export async function patrolsByExternalId(db: Queryable, ids: string[]) {
  const rows = await db.query<{ external_id: string; id: number; venue_id: number }>(
    'SELECT external_id, id, venue_id FROM patrols WHERE external_id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.external_id, r]));
}

export async function hazardsByExternalId(db: Queryable, ids: string[]) {
  const rows = await db.query<{
    external_id: string;
    id: number;
    status: string;
    found_at: Date;
    fixed_on_spot: boolean;
    type_code: string;
  }>(
    `SELECT external_id, id, status::text AS status, found_at, fixed_on_spot, type_code
       FROM hazards WHERE external_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.external_id, r]));
}

export interface VenueImport {
  externalId: string;
  name: string;
  address: string;
  category: string;
  riskLevel: string;
  registration: string;
  occupancy: number;
  floorAreaM2: number;
  indoorEbikeCharging: boolean;
  chargingNearStock: boolean;
  flammablesStored: boolean;
  peopleLivingOnSite: boolean;
  lon: number;
  lat: number;
  registeredAt: Date;
  closedAt: Date | null;
}

const VENUE_UPSERT_SET = `name = EXCLUDED.name, address = EXCLUDED.address, category = EXCLUDED.category,
      risk_level = EXCLUDED.risk_level, registration = EXCLUDED.registration, status = EXCLUDED.status,
      occupancy = EXCLUDED.occupancy, floor_area_m2 = EXCLUDED.floor_area_m2,
      indoor_ebike_charging = EXCLUDED.indoor_ebike_charging, charging_near_stock = EXCLUDED.charging_near_stock,
      flammables_stored = EXCLUDED.flammables_stored, people_living_on_site = EXCLUDED.people_living_on_site,
      registered_at = EXCLUDED.registered_at, closed_at = EXCLUDED.closed_at, geom = EXCLUDED.geom`;

/** The same upsert as upsertedVenue for many rows in one statement (rows travel as one jsonb parameter). */
export async function upsertedVenues(tx: Queryable, venues: VenueImport[]): Promise<Upserted[]> {
  return tx.query<Upserted>(
    `INSERT INTO venues (external_id, name, address, category, risk_level, registration, status, occupancy, floor_area_m2,
       indoor_ebike_charging, charging_near_stock, flammables_stored, people_living_on_site, registered_at, closed_at, geom)
     SELECT "externalId", name, address, category::venue_category, "riskLevel"::risk_level, registration::registration_status,
       CASE WHEN "closedAt" IS NULL THEN 'active' ELSE 'closed' END::venue_status, occupancy, "floorAreaM2",
       "indoorEbikeCharging", "chargingNearStock", "flammablesStored", "peopleLivingOnSite", "registeredAt", "closedAt",
       ST_SetSRID(ST_MakePoint(lon, lat), 4326)
       FROM jsonb_to_recordset($1::jsonb) AS x("externalId" text, name text, address text, category text, "riskLevel" text,
         registration text, occupancy integer, "floorAreaM2" integer, "indoorEbikeCharging" boolean, "chargingNearStock" boolean,
         "flammablesStored" boolean, "peopleLivingOnSite" boolean, lon float8, lat float8, "registeredAt" timestamptz, "closedAt" timestamptz)
     ON CONFLICT (external_id) DO UPDATE SET ${VENUE_UPSERT_SET}
     RETURNING id, (xmax = 0) AS inserted`,
    [JSON.stringify(venues)],
  );
}

export async function upsertedVenue(tx: Queryable, v: VenueImport): Promise<Upserted> {
  const rows = await tx.query<Upserted>(sql`
    INSERT INTO venues (external_id, name, address, category, risk_level, registration, status, occupancy, floor_area_m2,
      indoor_ebike_charging, charging_near_stock, flammables_stored, people_living_on_site, registered_at, closed_at, geom)
    VALUES (${v.externalId}, ${v.name}, ${v.address}, ${v.category}::venue_category, ${v.riskLevel}::risk_level,
      ${v.registration}::registration_status, ${v.closedAt ? 'closed' : 'active'}::venue_status, ${v.occupancy}, ${v.floorAreaM2},
      ${v.indoorEbikeCharging}, ${v.chargingNearStock}, ${v.flammablesStored}, ${v.peopleLivingOnSite},
      ${iso(v.registeredAt)}, ${iso(v.closedAt)}, ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326))
    ON CONFLICT (external_id) DO UPDATE SET ${sql.raw(VENUE_UPSERT_SET)}
    RETURNING id, (xmax = 0) AS inserted`);
  return rows[0]!;
}

export interface PatrolImport {
  externalId: string;
  venueId: number;
  workerId: number;
  patrolledAt: Date;
  result: string;
  note: string;
}

/** The same upsert as upsertedPatrol for many rows in one statement. */
export async function upsertedPatrols(tx: Queryable, patrols: PatrolImport[]): Promise<Upserted[]> {
  return tx.query<Upserted>(
    `INSERT INTO patrols (external_id, venue_id, worker_id, patrolled_at, result, note)
     SELECT "externalId", "venueId", "workerId", "patrolledAt", result::patrol_result, note
       FROM jsonb_to_recordset($1::jsonb) AS x("externalId" text, "venueId" integer, "workerId" integer,
         "patrolledAt" timestamptz, result text, note text)
     ON CONFLICT (external_id) DO UPDATE SET venue_id = EXCLUDED.venue_id, worker_id = EXCLUDED.worker_id,
       patrolled_at = EXCLUDED.patrolled_at, result = EXCLUDED.result, note = EXCLUDED.note,
       grid_cell_id = (SELECT grid_cell_id FROM venues WHERE id = EXCLUDED.venue_id)
     RETURNING id, (xmax = 0) AS inserted`,
    [JSON.stringify(patrols)],
  );
}

export async function upsertedPatrol(tx: Queryable, p: PatrolImport): Promise<Upserted> {
  const rows = await tx.query<Upserted>(sql`
    INSERT INTO patrols (external_id, venue_id, worker_id, patrolled_at, result, note)
    VALUES (${p.externalId}, ${p.venueId}, ${p.workerId}, ${iso(p.patrolledAt)}, ${p.result}::patrol_result, ${p.note})
    ON CONFLICT (external_id) DO UPDATE SET venue_id = EXCLUDED.venue_id, worker_id = EXCLUDED.worker_id,
      patrolled_at = EXCLUDED.patrolled_at, result = EXCLUDED.result, note = EXCLUDED.note,
      grid_cell_id = (SELECT grid_cell_id FROM venues WHERE id = EXCLUDED.venue_id)
    RETURNING id, (xmax = 0) AS inserted`);
  return rows[0]!;
}

export interface HazardImport {
  externalId: string;
  venueId: number;
  patrolId: number | null;
  typeCode: string;
  severity: string;
  status: string;
  description: string;
  foundAt: Date;
  fixedOnSpot: boolean;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  deadline: Date | null;
  rectifiedAt: Date | null;
  closedAt: Date | null;
  /** closed as a historic ledger recorded it, without its rectification details (0017) */
  recordedClosed: boolean;
}

const HAZARD_UPSERT_SET = `venue_id = EXCLUDED.venue_id, patrol_id = EXCLUDED.patrol_id,
      type_code = EXCLUDED.type_code, severity = EXCLUDED.severity, status = EXCLUDED.status,
      description = EXCLUDED.description, found_at = EXCLUDED.found_at, fixed_on_spot = EXCLUDED.fixed_on_spot,
      responsible_person = EXCLUDED.responsible_person, responsible_phone = EXCLUDED.responsible_phone,
      deadline = EXCLUDED.deadline, rectified_at = EXCLUDED.rectified_at, closed_at = EXCLUDED.closed_at,
      recorded_closed = EXCLUDED.recorded_closed`;

export async function upsertedHazard(tx: Queryable, h: HazardImport): Promise<Upserted> {
  const rows = await tx.query<Upserted>(sql`
    INSERT INTO hazards (external_id, venue_id, patrol_id, type_code, severity, status, description, found_at, fixed_on_spot,
      responsible_person, responsible_phone, deadline, rectified_at, closed_at, recorded_closed)
    VALUES (${h.externalId}, ${h.venueId}, ${h.patrolId}, ${h.typeCode}, ${h.severity}::hazard_severity, ${h.status}::hazard_status,
      ${h.description}, ${iso(h.foundAt)}, ${h.fixedOnSpot}, ${h.responsiblePerson}, ${h.responsiblePhone},
      ${iso(h.deadline)}, ${iso(h.rectifiedAt)}, ${iso(h.closedAt)}, ${h.recordedClosed})
    ON CONFLICT (external_id) DO UPDATE SET ${sql.raw(HAZARD_UPSERT_SET)}
    RETURNING id, (xmax = 0) AS inserted`);
  return rows[0]!;
}

/** A row of a set-based hazard import: the hazard, its status before (null: new), when it got its status. */
export interface HazardImportRow extends HazardImport {
  oldStatus: string | null;
  transitionAt: Date;
}

/**
 * The same writes as upsertedHazard, recordTransition and addMissingSignOffs for many rows in one
 * statement (rows travel as one jsonb parameter, parsed once): the upsert, the status change of
 * each row whose status changed, and for each closed row the passed sign-offs its parties lack at
 * the closing (the worker's alone for an on-the-spot fix, else the three joint parties, as
 * requiredParties). The sub-statements share one snapshot, so the sign-offs' NOT EXISTS sees only
 * those recorded before; a file names each hazard once, so none is added twice.
 */
export async function upsertedHazardsWithHistory(
  tx: Queryable,
  hazards: HazardImportRow[],
  actor: { id: number; name: string },
  notes: { transition: string; signOff: string },
): Promise<Upserted[]> {
  return tx.query<Upserted>(
    `WITH x AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("externalId" text, "venueId" integer, "patrolId" bigint,
         "typeCode" text, severity text, status text, description text, "foundAt" timestamptz, "fixedOnSpot" boolean,
         "responsiblePerson" text, "responsiblePhone" text, deadline timestamptz, "rectifiedAt" timestamptz,
         "closedAt" timestamptz, "recordedClosed" boolean, "oldStatus" text, "transitionAt" timestamptz)
     ), up AS (
       INSERT INTO hazards (external_id, venue_id, patrol_id, type_code, severity, status, description, found_at, fixed_on_spot,
         responsible_person, responsible_phone, deadline, rectified_at, closed_at, recorded_closed)
       SELECT "externalId", "venueId", "patrolId", "typeCode", severity::hazard_severity, status::hazard_status, description,
         "foundAt", "fixedOnSpot", "responsiblePerson", "responsiblePhone", deadline, "rectifiedAt", "closedAt", "recordedClosed"
         FROM x
       ON CONFLICT (external_id) DO UPDATE SET ${HAZARD_UPSERT_SET}
       RETURNING id, (xmax = 0) AS inserted, external_id
     ), moved AS (
       INSERT INTO hazard_transitions (hazard_id, from_status, to_status, at, actor_id, actor_name, note)
       SELECT up.id, x."oldStatus"::hazard_status, x.status::hazard_status, x."transitionAt", $2, $3, $4
         FROM up JOIN x ON x."externalId" = up.external_id
        WHERE x."oldStatus" IS DISTINCT FROM x.status
     ), signed AS (
       INSERT INTO acceptances (hazard_id, party, passed, at, actor_id, actor_name, note)
       SELECT up.id, p, true, x."closedAt", $2, $3, $5
         FROM up JOIN x ON x."externalId" = up.external_id
        CROSS JOIN LATERAL unnest(CASE WHEN x."fixedOnSpot" THEN ARRAY['on_the_spot']::acceptance_party[]
                                       ELSE ARRAY['territorial', 'industry', 'special']::acceptance_party[] END) AS p
        WHERE x.status = 'closed' AND x."closedAt" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM acceptances a
                           WHERE a.hazard_id = up.id AND a.party = p AND a.passed AND a.at <= x."closedAt")
     )
     SELECT id, inserted FROM up`,
    [JSON.stringify(hazards), actor.id, actor.name, notes.transition, notes.signOff],
  );
}

/** Passed sign-offs at `at` for the parties that have no passed one yet (a re-import adds none). */
export async function addMissingSignOffs(
  tx: Queryable,
  hazardId: number,
  parties: readonly string[],
  at: Date,
  actor: { id: number; name: string },
  note: string,
) {
  await tx.query(
    `INSERT INTO acceptances (hazard_id, party, passed, at, actor_id, actor_name, note)
     SELECT $1, p, true, $3, $4, $5, $6 FROM unnest($2::acceptance_party[]) AS p
      WHERE NOT EXISTS (SELECT 1 FROM acceptances a WHERE a.hazard_id = $1 AND a.party = p AND a.passed AND a.at <= $3)`,
    [hazardId, parties, iso(at), actor.id, actor.name, note],
  );
}

/**
 * Recomputes rebound links of every hazard sharing a venue and type with the given ones: an
 * imported closed hazard can be the source of a later one already stored. The source reads only
 * closing times, so the result is the same as linking them one by one in found_at order. The
 * lateral is rebound_source (0002) written set-based: the function called per hazard cost seconds
 * for a ledger of tens of thousands (csv-imports.test.ts compares the two).
 */
export async function relinkRebounds(tx: Queryable, hazardIds: number[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `WITH g AS (SELECT DISTINCT venue_id, type_code FROM hazards WHERE id = ANY($1::bigint[])),
     n AS (
       SELECT h.id, s.id AS source
         FROM g JOIN hazards h ON h.venue_id = g.venue_id AND h.type_code = g.type_code
        CROSS JOIN patrol_policy p
         LEFT JOIN LATERAL (SELECT s.id FROM hazards s
                             WHERE s.venue_id = h.venue_id AND s.type_code = h.type_code
                               AND s.closed_at < h.found_at
                               AND s.closed_at >= h.found_at - make_interval(days => p.rebound_window_days)
                               AND s.id <> h.id
                             ORDER BY s.closed_at DESC, s.id DESC LIMIT 1) s ON true
        WHERE h.rebound_of IS DISTINCT FROM s.id)
     UPDATE hazards h SET rebound_of = n.source FROM n WHERE h.id = n.id
     RETURNING h.id`,
    [hazardIds],
  );
  return rows.length;
}

export async function upsertedAcceptance(
  tx: Queryable,
  a: {
    externalId: string;
    hazardId: number;
    party: string;
    passed: boolean;
    at: Date;
    actorName: string;
    actorId: number;
    note: string;
  },
): Promise<Upserted> {
  const rows = await tx.query<Upserted>(sql`
    INSERT INTO acceptances (external_id, hazard_id, party, passed, at, actor_id, actor_name, note)
    VALUES (${a.externalId}, ${a.hazardId}, ${a.party}::acceptance_party, ${a.passed}, ${iso(a.at)}, ${a.actorId}, ${a.actorName}, ${a.note})
    ON CONFLICT (external_id) DO UPDATE SET hazard_id = EXCLUDED.hazard_id, party = EXCLUDED.party, passed = EXCLUDED.passed,
      at = EXCLUDED.at, actor_name = EXCLUDED.actor_name, note = EXCLUDED.note
    RETURNING id, (xmax = 0) AS inserted`);
  return rows[0]!;
}

export async function latestSignOffAt(tx: Queryable, hazardId: number): Promise<Date | null> {
  const rows = await tx.query<{ at: Date | null }>('SELECT max(at) AS at FROM acceptances WHERE hazard_id = $1', [
    hazardId,
  ]);
  return rows[0]?.at ?? null;
}

/** Which of these usernames accounts already have. */
export async function usernamesTaken(db: Queryable, usernames: string[]): Promise<Set<string>> {
  const rows = await db.query<{ username: string }>('SELECT username FROM users WHERE username = ANY($1::text[])', [
    usernames,
  ]);
  return new Set(rows.map((r) => r.username));
}

export async function departmentIdsByCode(db: Queryable, codes: string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; id: number }>(
    'SELECT code, id FROM industry_departments WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}
