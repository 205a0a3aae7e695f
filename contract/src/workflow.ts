// Write workflow: register and change venues, record patrols with their hazards, move hazards
// through their lifecycle (assign, rectified, acceptances), edit the patrol policy and grading rules.
import { z } from 'zod';
import { idParam, instantSchema, oneOf, type VenueFacts } from './params.ts';
import { hazardTypeCodeSchema } from './hazard-types.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';
import {
  RISK_LEVELS,
  VENUE_CATEGORIES,
  VENUE_REGISTRATIONS,
  type AcceptanceParty,
  type HazardStatus,
  type Registration,
  type RiskLevel,
  type VenueCategory,
  HAZARD_SEVERITIES,
  JOINT_PARTIES,
  PATROL_RESULTS,
} from './constants.ts';

const intIn = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be an integer from ${min} to ${max}` })
    .int(`${name} must be an integer from ${min} to ${max}`)
    .min(min, `${name} must be an integer from ${min} to ${max}`)
    .max(max, `${name} must be an integer from ${min} to ${max}`);
const text = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} must be text of ${min} to ${max} characters` })
    .min(min, `${name} must be text of ${min} to ${max} characters`)
    .max(max, `${name} must be text of ${min} to ${max} characters`)
    .refine(isStorableText, storableTextRule(name));
const flag = (name: string) => z.boolean({ error: `${name} must be true or false` });
const id = (name: string) => intIn(name, 1, 2_147_483_647);

/** [lon, lat] in EPSG:4326: lon -180..180, lat -90..90. */
export const lonLatSchema = z.tuple(
  [
    z
      .number({ error: 'longitude must be a number from -180 to 180' })
      .min(-180, 'longitude must be from -180 to 180')
      .max(180, 'longitude must be from -180 to 180'),
    z
      .number({ error: 'latitude must be a number from -90 to 90' })
      .min(-90, 'latitude must be from -90 to 90')
      .max(90, 'latitude must be from -90 to 90'),
  ],
  { error: 'location must be [lon, lat], two numbers' },
);

const venueFields = {
  name: text('name', 1, 200),
  address: text('address', 0, 300),
  category: oneOf('category', VENUE_CATEGORIES),
  riskLevel: oneOf('riskLevel', RISK_LEVELS),
  registration: oneOf('registration', VENUE_REGISTRATIONS),
  occupancy: intIn('occupancy', 0, 100_000),
  floorAreaM2: intIn('floorAreaM2', 0, 1_000_000),
  indoorEbikeCharging: flag('indoorEbikeCharging'),
  chargingNearStock: flag('chargingNearStock'),
  flammablesStored: flag('flammablesStored'),
  peopleLivingOnSite: flag('peopleLivingOnSite'),
  location: lonLatSchema,
  registeredAt: instantSchema,
};

/** POST /api/venues */
export const venueCreateSchema = z.strictObject({
  ...venueFields,
  address: venueFields.address.default(''),
  registration: venueFields.registration.default('registered'),
  occupancy: venueFields.occupancy.default(0),
  floorAreaM2: venueFields.floorAreaM2.default(0),
  indoorEbikeCharging: venueFields.indoorEbikeCharging.default(false),
  chargingNearStock: venueFields.chargingNearStock.default(false),
  flammablesStored: venueFields.flammablesStored.default(false),
  peopleLivingOnSite: venueFields.peopleLivingOnSite.default(false),
  registeredAt: venueFields.registeredAt.optional(),
});
export type VenueCreate = z.infer<typeof venueCreateSchema>;

/** PATCH /api/venues/:id: any of the registration fields; at least one. */
export const venuePatchSchema = z
  .strictObject(venueFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type VenuePatch = z.infer<typeof venuePatchSchema>;

/** POST /api/venues/:id/close */
export const venueCloseSchema = z.strictObject({ closedAt: instantSchema.optional() });

export const idParamSchema = z.object({ id: idParam('id must be a positive integer') });

export interface VenueDto extends VenueFacts {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  name: string;
  address: string;
  category: VenueCategory;
  riskLevel: RiskLevel;
  registration: Registration;
  status: 'active' | 'closed';
  location: [number, number];
  registeredAt: string;
  closedAt: string | null;
  townshipId: number | null;
  gridCellId: number | null;
}

const hazardInputSchema = z.strictObject({
  typeCode: hazardTypeCodeSchema('typeCode'),
  severity: oneOf('severity', HAZARD_SEVERITIES).optional(),
  description: text('description', 0, 2000).default(''),
  fixedOnSpot: flag('fixedOnSpot').default(false),
  responsiblePerson: text('responsiblePerson', 1, 100).optional(),
  responsiblePhone: text('responsiblePhone', 0, 40).optional(),
  deadline: instantSchema.optional(),
});

/** POST /api/patrols: the worker is the actor; hazards found are written with the patrol. */
export const patrolCreateSchema = z.strictObject({
  venueId: id('venueId'),
  patrolledAt: instantSchema,
  result: oneOf('result', PATROL_RESULTS).optional(),
  note: text('note', 0, 2000).default(''),
  hazards: z
    .array(hazardInputSchema, { error: 'hazards must be a list' })
    .max(50, 'at most 50 hazards per patrol')
    .default([]),
});
export type PatrolCreate = z.infer<typeof patrolCreateSchema>;

export interface HazardDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  venueId: number;
  patrolId: number | null;
  typeCode: string;
  severity: (typeof HAZARD_SEVERITIES)[number];
  status: HazardStatus;
  description: string;
  foundAt: string;
  fixedOnSpot: boolean;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  deadline: string | null;
  rectifiedAt: string | null;
  closedAt: string | null;
  reboundOf: number | null;
}

export interface PatrolDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  venueId: number;
  gridCellId: number | null;
  workerId: number;
  patrolledAt: string;
  result: (typeof PATROL_RESULTS)[number];
  note: string;
  hazards: HazardDto[];
}

/** POST /api/hazards/:id/assign */
export const hazardAssignSchema = z.strictObject({
  responsiblePerson: text('responsiblePerson', 1, 100),
  responsiblePhone: text('responsiblePhone', 0, 40).optional(),
  deadline: instantSchema,
});
/** POST /api/hazards/:id/rectified and /close */
export const hazardNoteSchema = z.strictObject({ note: text('note', 0, 2000).default('') });
/** POST /api/hazards/:id/acceptances */
export const acceptanceCreateSchema = z.strictObject({
  party: oneOf('party', JOINT_PARTIES),
  passed: flag('passed'),
  note: text('note', 0, 2000).default(''),
});

export interface AcceptanceDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  party: AcceptanceParty;
  passed: boolean;
  at: string;
  actorName: string;
  note: string;
}

export interface HazardWithAcceptancesDto extends HazardDto {
  acceptances: AcceptanceDto[];
}

/** GET / PUT /api/policy: the patrol cadence and programme parameters, with their ranges. */
export const policyFields = {
  highDays: intIn('highDays', 1, 366),
  mediumDays: intIn('mediumDays', 1, 366),
  lowDays: intIn('lowDays', 1, 366),
  gridDutyDays: intIn('gridDutyDays', 1, 366),
  reboundWindowDays: intIn('reboundWindowDays', 1, 3660),
  clusterWindowDays: intIn('clusterWindowDays', 1, 3660),
  clusterEpsM: intIn('clusterEpsM', 1, 100_000),
  clusterMinPoints: intIn('clusterMinPoints', 1, 1000),
  referenceMatchM: intIn('referenceMatchM', 1, 10_000),
  gradeHighScore: intIn('gradeHighScore', -1000, 1000),
  gradeMediumScore: intIn('gradeMediumScore', -1000, 1000),
};
export const policyUpdateSchema = z
  .strictObject(policyFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one policy field to change' });
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;
export type PolicyDto = { [K in keyof typeof policyFields]: number } & { updatedAt: string };

export const gradingRuleParamSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/, 'code must be a grading rule code such as cat_ebike'),
});
export const gradingRuleUpdateSchema = z
  .strictObject({
    points: intIn('points', -100, 100),
    enabled: flag('enabled'),
    threshold: intIn('threshold', 0, 1_000_000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'give points, enabled or threshold' });

export interface GradingRuleDto {
  code: string;
  name: string;
  nameEn: string;
  subject: string;
  category: VenueCategory | null;
  threshold: number | null;
  points: number;
  enabled: boolean;
}
