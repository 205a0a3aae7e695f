// GET /api/venues (paged GeoJSON of the register, filtered) and GET /api/venues/:id (one venue's
// facts, grade, patrols and hazards), all as of a moment.
import { z } from 'zod';
import { townshipIdSchema, type GridCellId, type TownshipId } from './ids.ts';
import { idParam, booleanParam, instantSchema, oneOf, pageSchema, searchTextParam, type VenueFacts } from './params.ts';
import { bboxSchema } from './streets.ts';
import {
  RISK_LEVELS,
  VENUE_CATEGORIES,
  VENUE_REGISTRATIONS,
  type AcceptanceParty,
  type HazardStatus,
  type Registration,
  type RiskLevel,
  type VenueCategory,
} from './constants.ts';

/** The filters of the venue list and the venue exports (no paging). */
export const venueFilterShape = {
  bbox: bboxSchema.optional(),
  township: townshipIdSchema.optional(),
  risk: oneOf('risk', RISK_LEVELS).optional(),
  category: oneOf('category', VENUE_CATEGORIES).optional(),
  overdue: booleanParam('overdue').optional(),
  misgraded: booleanParam('misgraded').optional(),
  registration: oneOf('registration', VENUE_REGISTRATIONS).optional(),
  /** case-insensitive substring of the name or address, or exactly the venue's external id */
  q: searchTextParam('q').optional(),
  asOf: instantSchema.optional(),
};
export const venueExportQuerySchema = z.object(venueFilterShape);
export const venuesQuerySchema = z.object({ ...venueFilterShape, ...pageSchema.shape });
export type VenuesQuery = z.output<typeof venuesQuerySchema>;

export const venueIdSchema = idParam('must be a venue id (a positive integer)');
export const venueParamsSchema = z.object({ id: venueIdSchema });
export const venueQuerySchema = z.object({ asOf: instantSchema.optional() });

export interface PointGeometry {
  type: 'Point';
  coordinates: [lon: number, lat: number];
}

export interface VenueProperties {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  name: string;
  address: string;
  category: VenueCategory;
  /** the level the venue is graded at */
  riskLevel: RiskLevel;
  /** the level the grading standard computes as of asOf */
  computedLevel: RiskLevel;
  score: number;
  /** assigned level lower than computed */
  misgraded: boolean;
  registration: Registration;
  townshipId: TownshipId | null;
  gridCellId: GridCellId | null;
  registeredAt: string;
  lastPatrolAt: string | null;
  overdue: boolean;
}

export interface VenueFeature {
  type: 'Feature';
  id: number;
  geometry: PointGeometry;
  properties: VenueProperties;
}

/** A page of active venues (as of asOf) ordered by id. */
export interface VenuePage {
  type: 'FeatureCollection';
  asOf: string;
  features: VenueFeature[];
  /** pass as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
}

export interface FiredRuleDto {
  code: string;
  name: string;
  nameEn: string;
  points: number;
}

export interface VenuePatrolDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  at: string;
  worker: { id: number; name: string };
  result: 'ok' | 'hazards_found' | 'venue_closed' | 'not_open';
  note: string;
}

export interface HazardTransitionDto {
  from: HazardStatus | null;
  to: HazardStatus;
  at: string;
  actor: string;
  note: string;
}

export interface SignOffDto {
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  party: AcceptanceParty;
  passed: boolean;
  at: string;
  actor: string;
  note: string;
}

export interface VenueHazardDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  type: { code: string; name: string; nameEn: string };
  severity: 'general' | 'major';
  /** status as of asOf */
  status: HazardStatus;
  foundAt: string;
  deadline: string | null;
  rectifiedAt: string | null;
  closedAt: string | null;
  fixedOnSpot: boolean;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  overdue: boolean;
  reboundOf: number | null;
  transitions: HazardTransitionDto[];
  acceptances: SignOffDto[];
}

export interface VenueDetailDto {
  asOf: string;
  venue: VenueProperties &
    VenueFacts & {
      geometry: PointGeometry;
      /** active or closed as of asOf */
      status: 'active' | 'closed';
      closedAt: string | null;
    };
  grade: { assigned: RiskLevel; computed: RiskLevel; score: number; misgraded: boolean; rules: FiredRuleDto[] };
  /** at or before asOf, newest first (at most 100) */
  patrols: VenuePatrolDto[];
  /** found at or before asOf, newest first, with what happened to each by then */
  hazards: VenueHazardDto[];
}
