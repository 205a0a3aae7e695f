// GET /api/blind-spots?township=&asOf=: where the census, the grid or the patrols do not reach
// (DESIGN "Blind spots"), one GeoJSON layer per kind with counts.
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon } from './geojson.ts';
import { townshipIdSchema, type TownshipId } from './ids.ts';
import { instantSchema } from './params.ts';
import type { PointGeometry } from './venues.ts';

export const blindSpotsQuerySchema = z.object({
  township: townshipIdSchema.optional(),
  asOf: instantSchema.optional(),
});
export type BlindSpotsQuery = z.infer<typeof blindSpotsQuerySchema>;

export interface PointFeatureCollection<P> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: number; geometry: PointGeometry; properties: P }[];
}

/** (a) a part of a township no grid cell covers; slivers under 100 m² are left out */
export interface CoverageGapProperties {
  id: number;
  townshipId: TownshipId;
  townshipName: string;
  areaM2: number;
}
/** (a) a cell nobody is assigned to walk */
export interface UnassignedCellProperties {
  id: number;
  code: string;
  name: string;
  townshipId: TownshipId;
}
/** (b) venues found unregistered by patrols, per grid cell */
export interface UnregisteredDensityProperties {
  id: number;
  code: string;
  townshipId: TownshipId;
  count: number;
  areaKm2: number;
  perKm2: number;
}
/** (b) a reference point (e.g. an OpenStreetMap shop) with no venue in the register within the policy distance */
export interface UnmatchedReferenceProperties {
  id: number;
  source: string;
  externalId: string;
  name: string;
  category: string;
  /** metres on the spheroid to the nearest venue active then, when one is within 1000 m; else null */
  nearestVenueM: number | null;
}
/** (c) a cell with no patrol for longer than the weekly grid duty */
export interface UnpatrolledCellProperties {
  id: number;
  code: string;
  townshipId: TownshipId;
  daysSincePatrol: number | null;
  lastPatrolAt: string | null;
}
/** (d) a venue graded lower than the standard computes */
export interface MisgradedVenueProperties {
  id: number;
  /** the venue's id in the source system it was imported from; null: registered here */
  externalId: string | null;
  name: string;
  category: string;
  riskLevel: string;
  computedLevel: string;
  score: number;
}

export interface BlindSpotsDto {
  asOf: string;
  referenceMatchMetres: number;
  counts: {
    coverageGaps: number;
    coverageGapAreaM2: number;
    cellsWithoutWorker: number;
    unregisteredVenues: number;
    unmatchedReferencePoints: number;
    unpatrolledCells: number;
    misgradedVenues: number;
  };
  coverageGaps: FeatureCollection<Polygon, CoverageGapProperties>;
  /** cells are MultiPolygons (a cell may have several parts) */
  cellsWithoutWorker: FeatureCollection<MultiPolygon, UnassignedCellProperties>;
  unregisteredDensity: FeatureCollection<MultiPolygon, UnregisteredDensityProperties>;
  unmatchedReferencePoints: PointFeatureCollection<UnmatchedReferenceProperties>;
  unpatrolledCells: FeatureCollection<MultiPolygon, UnpatrolledCellProperties>;
  misgradedVenues: PointFeatureCollection<MisgradedVenueProperties>;
}
