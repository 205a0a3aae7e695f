// drizzle-orm mirror of the tables the migrations create. The SQL in migrations/ is the source
// of truth and migrate.test.ts fails when the two drift. The server's queries declare their own
// row types beside each query (they return computed columns, not table rows), so nothing else
// reads this file; the enum values are @svm/contract's lists.
import {
  boolean,
  customType,
  smallint,
  geometry,
  integer,
  bigint,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ACCEPTANCE_PARTIES,
  HAZARD_SEVERITIES,
  HAZARD_STATUSES,
  PATROL_RESULTS,
  RISK_LEVELS,
  TOWNSHIP_KINDS,
  USER_ROLES,
  VENUE_CATEGORIES,
  VENUE_REGISTRATIONS,
  VENUE_STATUSES,
} from '@svm/contract/constants';

// the enum values come from @svm/contract's one list each; enums.test.ts checks the database's
export const townshipKind = pgEnum('township_kind', TOWNSHIP_KINDS);
export const venueCategory = pgEnum('venue_category', VENUE_CATEGORIES);
export const riskLevel = pgEnum('risk_level', RISK_LEVELS);
export const registrationStatus = pgEnum('registration_status', VENUE_REGISTRATIONS);
export const venueStatus = pgEnum('venue_status', VENUE_STATUSES);
export const patrolResult = pgEnum('patrol_result', PATROL_RESULTS);
export const hazardSeverity = pgEnum('hazard_severity', HAZARD_SEVERITIES);
export const hazardStatus = pgEnum('hazard_status', HAZARD_STATUSES);
export const acceptanceParty = pgEnum('acceptance_party', ACCEPTANCE_PARTIES);
export const userRole = pgEnum('user_role', USER_ROLES);

// drizzle's geometry() decodes points only; polygons and lines stay as the driver's hex EWKB
// and are read in SQL with ST_AsGeoJSON or as tiles.
const ewkb = (kind: string) =>
  customType<{ data: string; driverData: string }>({ dataType: () => `geometry(${kind}, 4326)` });
const multiPolygon = ewkb('MultiPolygon');
const lineString = ewkb('LineString');
const point = (name: string) => geometry(name, { type: 'point', mode: 'tuple', srid: 4326 });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id64 = (name: string) => bigint(name, { mode: 'number' });

export const townships = pgTable('townships', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: townshipKind('kind').notNull(),
  geom: multiPolygon('geom').notNull(),
  /** written by the demo city's seed (0012): pnpm demo:remove takes it away again */
  demo: boolean('demo').notNull().default(false),
});

export const industryDepartments = pgTable('industry_departments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** the venue categories it signs off; empty until given some (0016) */
  categories: venueCategory('categories').array().notNull().default([]),
});

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: userRole('role').notNull(),
  townshipId: integer('township_id').references(() => townships.id),
  departmentId: integer('department_id').references(() => industryDepartments.id),
  phone: text('phone'),
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** a demo account (0012) */
  demo: boolean('demo').notNull().default(false),
});

export const gridCells = pgTable('grid_cells', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull().unique(),
  townshipId: integer('township_id')
    .notNull()
    .references(() => townships.id),
  name: text('name').notNull(),
  workerId: integer('worker_id').references(() => users.id),
  /** a cell may have several parts (split by a river); it lies inside its township (0016) */
  geom: multiPolygon('geom').notNull(),
  // latest patrol recorded in the cell, kept by a trigger on patrols (0009)
  lastPatrolAt: ts('last_patrol_at'),
});

export const venues = pgTable('venues', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  externalId: text('external_id').unique(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  category: venueCategory('category').notNull(),
  riskLevel: riskLevel('risk_level').notNull(),
  registration: registrationStatus('registration').notNull().default('registered'),
  status: venueStatus('status').notNull().default('active'),
  occupancy: integer('occupancy').notNull().default(0),
  floorAreaM2: integer('floor_area_m2').notNull().default(0),
  indoorEbikeCharging: boolean('indoor_ebike_charging').notNull().default(false),
  chargingNearStock: boolean('charging_near_stock').notNull().default(false),
  flammablesStored: boolean('flammables_stored').notNull().default(false),
  peopleLivingOnSite: boolean('people_living_on_site').notNull().default(false),
  registeredAt: ts('registered_at').notNull(),
  closedAt: ts('closed_at'),
  townshipId: integer('township_id').references(() => townships.id),
  gridCellId: integer('grid_cell_id').references(() => gridCells.id),
  geom: point('geom').notNull(),
  // latest patrol recorded at the venue, kept by a trigger on patrols (0009)
  lastPatrolAt: ts('last_patrol_at'),
});

export const patrols = pgTable('patrols', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  externalId: text('external_id').unique(),
  venueId: integer('venue_id')
    .notNull()
    .references(() => venues.id),
  gridCellId: integer('grid_cell_id').references(() => gridCells.id),
  workerId: integer('worker_id')
    .notNull()
    .references(() => users.id),
  patrolledAt: ts('patrolled_at').notNull(),
  result: patrolResult('result').notNull(),
  note: text('note').notNull().default(''),
});

export const hazardTypes = pgTable('hazard_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  defaultSeverity: hazardSeverity('default_severity').notNull(),
  // the venue categories the type applies to; empty: every category (0014)
  categories: venueCategory('categories').array().notNull().default([]),
  retiredAt: ts('retired_at'),
});

export const hazards = pgTable('hazards', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  externalId: text('external_id').unique(),
  venueId: integer('venue_id')
    .notNull()
    .references(() => venues.id),
  townshipId: integer('township_id').references(() => townships.id),
  patrolId: id64('patrol_id').references(() => patrols.id),
  typeCode: text('type_code')
    .notNull()
    .references(() => hazardTypes.code),
  severity: hazardSeverity('severity').notNull(),
  status: hazardStatus('status').notNull().default('open'),
  description: text('description').notNull().default(''),
  foundAt: ts('found_at').notNull(),
  fixedOnSpot: boolean('fixed_on_spot').notNull().default(false),
  responsiblePerson: text('responsible_person'),
  responsiblePhone: text('responsible_phone'),
  deadline: ts('deadline'),
  rectifiedAt: ts('rectified_at'),
  closedAt: ts('closed_at'),
  reboundOf: id64('rebound_of'),
  /** imported closed without its rectification details (0017): may lack responsible person, deadline, rectified_at */
  recordedClosed: boolean('recorded_closed').notNull().default(false),
});

export const hazardTransitions = pgTable('hazard_transitions', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  hazardId: id64('hazard_id')
    .notNull()
    .references(() => hazards.id),
  fromStatus: hazardStatus('from_status'),
  toStatus: hazardStatus('to_status').notNull(),
  at: ts('at').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  note: text('note').notNull().default(''),
});

export const acceptances = pgTable('acceptances', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  externalId: text('external_id').unique(),
  hazardId: id64('hazard_id')
    .notNull()
    .references(() => hazards.id),
  party: acceptanceParty('party').notNull(),
  passed: boolean('passed').notNull(),
  at: ts('at').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  note: text('note').notNull().default(''),
});

export const patrolPolicy = pgTable('patrol_policy', {
  id: integer('id').primaryKey().default(1),
  highDays: integer('high_days').notNull().default(7),
  mediumDays: integer('medium_days').notNull().default(14),
  lowDays: integer('low_days').notNull().default(30),
  gridDutyDays: integer('grid_duty_days').notNull().default(7),
  reboundWindowDays: integer('rebound_window_days').notNull().default(180),
  clusterWindowDays: integer('cluster_window_days').notNull().default(90),
  clusterEpsM: integer('cluster_eps_m').notNull().default(300),
  clusterMinPoints: integer('cluster_min_points').notNull().default(3),
  referenceMatchM: integer('reference_match_m').notNull().default(30),
  gradeHighScore: integer('grade_high_score').notNull().default(60),
  gradeMediumScore: integer('grade_medium_score').notNull().default(30),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const gradingRules = pgTable('grading_rules', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  subject: text('subject').notNull(),
  category: venueCategory('category'),
  threshold: integer('threshold'),
  points: integer('points').notNull(),
  enabled: boolean('enabled').notNull().default(true),
});

export const referencePoints = pgTable('reference_points', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  source: text('source').notNull(),
  externalId: text('external_id').notNull(),
  name: text('name').notNull().default(''),
  category: text('category').notNull().default(''),
  importedAt: ts('imported_at').notNull().defaultNow(),
  geom: point('geom').notNull(),
  /** proof kept by triggers (0010): an open venue within the match distance was registered then */
  matchedSince: ts('matched_since'),
  /** the demo city's reference layer (0012) */
  demo: boolean('demo').notNull().default(false),
});

export const streets = pgTable('streets', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  class: text('class').notNull(),
  geom: lineString('geom').notNull(),
  /** the demo city's streets (0012) */
  demo: boolean('demo').notNull().default(false),
});

export const auditLog = pgTable('audit_log', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  at: ts('at').notNull().defaultNow(),
  actorId: integer('actor_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: jsonb('detail').notNull().default({}),
});

// --- sign-in (0006_auth.sql) ---
export const displayTokens = pgTable('display_tokens', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  label: text('label').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  townshipId: integer('township_id').references(() => townships.id),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
  /** the demo city's wall token (0012) */
  demo: boolean('demo').notNull().default(false),
});

export const sessions = pgTable('sessions', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  displayTokenId: integer('display_token_id').references(() => displayTokens.id, { onDelete: 'cascade' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  address: text('address'),
});

export const loginFailures = pgTable('login_failures', {
  id: id64('id').primaryKey().generatedByDefaultAsIdentity(),
  at: ts('at').notNull().defaultNow(),
  username: text('username').notNull(),
  address: text('address').notNull(),
});
// --- end sign-in ---

// --- data version (0008): bumped once per committed transaction that changed domain data ---
export const dataVersion = pgTable('data_version', {
  id: smallint('id').primaryKey(),
  version: id64('version').notNull(),
  changedAt: ts('changed_at').notNull(),
});

// --- the city's metric projection (0011): the UTM zone of its townships' centre, kept by a trigger ---
export const citySettings = pgTable('city_settings', {
  id: smallint('id').primaryKey(),
  metricSrid: integer('metric_srid').notNull(),
  computedAt: ts('computed_at').notNull(),
  /** the city's IANA time zone (0015, CITY_TZ): its days, weeks, months and quarters */
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
});

// --- import error reports (0013): a refused import's every error, kept 24 h, outside the domain data ---
export const importErrorReports = pgTable('import_error_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  kind: text('kind').notNull(),
  errorCount: integer('error_count').notNull(),
  csv: text('csv').notNull(),
});

// --- import jobs (0018): an import run in the background, its progress and final answer, kept 24 h ---
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  bytes: integer('bytes').notNull(),
  state: text('state').notNull(),
  phase: text('phase'),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsWritten: integer('rows_written').notNull().default(0),
  totalRows: integer('total_rows'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
  heartbeatAt: ts('heartbeat_at').notNull().defaultNow(),
  result: jsonb('result'),
  problem: jsonb('problem'),
});

export const allTables = {
  townships,
  industryDepartments,
  users,
  gridCells,
  venues,
  patrols,
  hazardTypes,
  hazards,
  hazardTransitions,
  acceptances,
  patrolPolicy,
  gradingRules,
  referencePoints,
  streets,
  auditLog,
  displayTokens,
  sessions,
  loginFailures,
  dataVersion,
  importErrorReports,
  importJobs,
  citySettings,
};
