// Named queries for one venue as of a moment: its facts and grade, the rules that fired,
// its patrols, and its hazards with every transition and sign-off.
import { sql, type Queryable } from '@svm/db';
import type { AcceptanceParty, HazardStatus, RiskLevel, VenueCategory } from '@svm/contract';
import { venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface VenueFactsRow {
  id: number;
  external_id: string | null;
  name: string;
  address: string;
  category: VenueCategory;
  risk_level: RiskLevel;
  computed_level: RiskLevel;
  score: number;
  fired_rules: string[];
  misgraded: boolean;
  registration: 'registered' | 'found_unregistered';
  township_id: number | null;
  grid_cell_id: number | null;
  registered_at: Date;
  closed_at: Date | null;
  occupancy: number;
  floor_area_m2: number;
  indoor_ebike_charging: boolean;
  charging_near_stock: boolean;
  flammables_stored: boolean;
  people_living_on_site: boolean;
  last_patrol_at: Date | null;
  overdue: boolean | null;
  lon: number;
  lat: number;
}

/** The venue's facts with its grade and patrol status as of a moment (overdue null when not active then);
 *  undefined when it is outside the scope. */
export async function venueFacts(
  db: Queryable,
  scope: ReadScope,
  id: number,
  asOf: Date,
): Promise<VenueFactsRow | undefined> {
  const rows = await db.query<VenueFactsRow>(sql`
    SELECT v.id, v.external_id, v.name, v.address, v.category::text AS category, v.risk_level::text AS risk_level,
           g.computed_level::text AS computed_level, g.score, g.fired_rules,
           v.risk_level > g.computed_level AS misgraded,
           v.registration::text AS registration, v.township_id, v.grid_cell_id, v.registered_at,
           CASE WHEN v.closed_at <= ${asOf}::timestamptz THEN v.closed_at END AS closed_at,
           v.occupancy, v.floor_area_m2, v.indoor_ebike_charging, v.charging_near_stock, v.flammables_stored,
           v.people_living_on_site,
           (SELECT max(p.patrolled_at) FROM patrols p WHERE p.venue_id = v.id AND p.patrolled_at <= ${asOf}::timestamptz)
             AS last_patrol_at,
           s.overdue, ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat
      FROM venues v
      JOIN venue_grades(${asOf}::timestamptz) g ON g.venue_id = v.id
      LEFT JOIN venue_patrol_status(${asOf}::timestamptz) s ON s.venue_id = v.id
     WHERE v.id = ${id}::int AND v.registered_at <= ${asOf}::timestamptz AND ${venueInScope(scope)}`);
  return rows[0];
}

export interface FiredRuleRow {
  code: string;
  name: string;
  name_en: string;
  points: number;
}

/** The grading rules with these codes, most points first (the order venue_grades lists them). */
export async function gradingRulesByCode(db: Queryable, codes: readonly string[]): Promise<FiredRuleRow[]> {
  // a plain parameter: drizzle's sql template would spread an array into a list of parameters
  return db.query<FiredRuleRow>(
    'SELECT code, name, name_en, points FROM grading_rules WHERE code = ANY($1::text[]) ORDER BY points DESC, code',
    [codes],
  );
}

export interface VenuePatrolRow {
  id: number;
  external_id: string | null;
  patrolled_at: Date;
  worker_id: number;
  worker_name: string;
  result: 'ok' | 'hazards_found' | 'venue_closed' | 'not_open';
  note: string;
}

export async function venuePatrols(
  db: Queryable,
  scope: ReadScope,
  id: number,
  asOf: Date,
  limit: number,
): Promise<VenuePatrolRow[]> {
  return db.query<VenuePatrolRow>(sql`
    SELECT p.id, p.external_id, p.patrolled_at, u.id AS worker_id, u.display_name AS worker_name, p.result::text AS result, p.note
      FROM patrols p JOIN users u ON u.id = p.worker_id JOIN venues v ON v.id = p.venue_id
     WHERE p.venue_id = ${id}::int AND p.patrolled_at <= ${asOf}::timestamptz AND ${venueInScope(scope)}
     ORDER BY p.patrolled_at DESC, p.id DESC
     LIMIT ${limit}::int`);
}

export interface VenueHazardRow {
  id: number;
  external_id: string | null;
  type_code: string;
  type_name: string;
  type_name_en: string;
  severity: 'general' | 'major';
  status: HazardStatus;
  found_at: Date;
  deadline: Date | null;
  rectified_at: Date | null;
  closed_at: Date | null;
  fixed_on_spot: boolean;
  responsible_person: string | null;
  responsible_phone: string | null;
  overdue: boolean;
  rebound_of: number | null;
  transitions: { from: HazardStatus | null; to: HazardStatus; at: string; actor: string; note: string }[];
  acceptances: {
    externalId: string | null;
    party: AcceptanceParty;
    passed: boolean;
    at: string;
    actor: string;
    note: string;
  }[];
}

/** The venue's hazards found by a moment, newest first, each with its history up to then (JSON arrays). */
export async function venueHazards(db: Queryable, scope: ReadScope, id: number, asOf: Date): Promise<VenueHazardRow[]> {
  return db.query<VenueHazardRow>(sql`
    SELECT h.id, h.external_id, h.type_code, ht.name AS type_name, ht.name_en AS type_name_en, h.severity::text AS severity,
           s.status::text AS status, h.found_at, h.deadline, s.rectified_at, a.closed_at, h.fixed_on_spot,
           h.responsible_person, h.responsible_phone, coalesce(a.overdue, false) AS overdue, h.rebound_of,
           coalesce((SELECT json_agg(json_build_object('from', t.from_status, 'to', t.to_status,
                                       'at', to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                       'actor', t.actor_name, 'note', t.note) ORDER BY t.at, t.id)
                       FROM hazard_transitions t WHERE t.hazard_id = h.id AND t.at <= ${asOf}::timestamptz), '[]') AS transitions,
           coalesce((SELECT json_agg(json_build_object('externalId', c.external_id, 'party', c.party, 'passed', c.passed,
                                       'at', to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                       'actor', c.actor_name, 'note', c.note) ORDER BY c.at, c.id)
                       FROM acceptances c WHERE c.hazard_id = h.id AND c.at <= ${asOf}::timestamptz), '[]') AS acceptances
      FROM hazards h
      JOIN hazard_types ht ON ht.code = h.type_code
      JOIN hazard_states(${asOf}::timestamptz) s ON s.hazard_id = h.id
      JOIN hazards_as_of(${asOf}::timestamptz) a ON a.hazard_id = h.id
      JOIN venues v ON v.id = h.venue_id
     WHERE h.venue_id = ${id}::int AND ${venueInScope(scope)}
     ORDER BY h.found_at DESC, h.id DESC`);
}
