// GET /api/rebounds/clusters and /api/rebounds/stats: where hazards come back, and how often.
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from './geojson.ts';
import { townshipIdSchema, type TownshipId } from './ids.ts';
import { instantSchema, intParam } from './params.ts';
import { REBOUND_PERIODS, type ReboundPeriodUnit } from './constants.ts';

/** A whole-number query parameter within min..max, with a message naming the range. */

const timeWindow = { asOf: instantSchema.optional(), from: instantSchema.optional(), to: instantSchema.optional() };
const fromBeforeTo = (q: { from?: Date | undefined; to?: Date | undefined }) => !q.from || !q.to || q.from < q.to;

export const REBOUND_EPS_MAX_M = 5000;
export const REBOUND_MIN_POINTS_MAX = 100;

/** Defaults come from the policy: the cluster window before asOf, eps and min points. */
export const reboundClustersQuerySchema = z
  .object({
    ...timeWindow,
    eps: intParam('eps (metres)', 1, REBOUND_EPS_MAX_M).optional(),
    minPoints: intParam('minPoints', 1, REBOUND_MIN_POINTS_MAX).optional(),
    township: townshipIdSchema.optional(),
  })
  .refine(fromBeforeTo, { message: 'from must be before to', path: ['from'] });
export type ReboundClustersQuery = z.infer<typeof reboundClustersQuerySchema>;

export interface HazardTypeCount {
  typeCode: string;
  name: string;
  count: number;
}
export interface TownshipRef {
  id: TownshipId;
  name: string;
}

export interface ReboundClusterProperties {
  /** stable while the membership holds: the smallest member hazard id */
  id: number;
  memberCount: number;
  /** the rebound hazards in the cluster, so a click can list them */
  hazardIds: number[];
  venueCount: number;
  venueIds: number[];
  /** the three commonest hazard types, commonest first */
  dominantTypes: HazardTypeCount[];
  townships: TownshipRef[];
  centroid: Position;
}

export interface ReboundClustersDto extends FeatureCollection<Polygon | MultiPolygon, ReboundClusterProperties> {
  /** the parameters the clusters were computed with, defaults filled in */
  parameters: { from: string; to: string; asOf: string; epsMetres: number; minPoints: number };
}

/** Default: the 12 months before asOf, by month. Periods are calendar months/quarters in the city's zone (CITY_TZ). */
export const reboundStatsQuerySchema = z
  .object({
    ...timeWindow,
    period: z
      .enum(REBOUND_PERIODS, {
        error: (i) => `period "${String(i.input)}" is not one of ${REBOUND_PERIODS.join(', ')}`,
      })
      .default('month'),
    township: townshipIdSchema.optional(),
  })
  .refine(fromBeforeTo, { message: 'from must be before to', path: ['from'] })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= 3660 * 86_400_000, {
    message: 'from..to may span at most 3660 days',
    path: ['to'],
  });
export type ReboundStatsQuery = z.infer<typeof reboundStatsQuerySchema>;

/** Of the hazards closed (cohort by closing date), how many had a rebound found by asOf. */
export interface ReboundRate {
  closed: number;
  rebounded: number;
  rate: number | null;
}

export interface ReboundStatsDto {
  from: string;
  to: string;
  asOf: string;
  period: ReboundPeriodUnit;
  reboundWindowDays: number;
  /** true when the whole range ends less than one rebound window before asOf */
  provisional: boolean;
  periods: (ReboundRate & { start: string; end: string; provisional: boolean })[];
  byTownship: (ReboundRate & { townshipId: TownshipId; name: string })[];
  byHazardType: (ReboundRate & { typeCode: string; name: string })[];
  byCategory: (ReboundRate & { category: string })[];
}
