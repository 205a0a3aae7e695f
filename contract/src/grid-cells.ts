// GET /api/grid-cells?bbox=&township=&asOf=: grid cell outlines with their grid worker and patrol
// status; GET /api/grid-cells/:id?asOf=: one cell's recent patrols and overdue venues.
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon } from './geojson.ts';
import { townshipIdSchema, type GridCellId, type TownshipId } from './ids.ts';
import { idParam, instantSchema } from './params.ts';
import { bboxSchema } from './streets.ts';
import { type RiskLevel } from './constants.ts';

export const gridCellsQuerySchema = z.object({
  /** only this township's cells; omitted: every cell */
  township: townshipIdSchema.optional(),
  /** only cells meeting this [minLon, minLat, maxLon, maxLat] box */
  bbox: bboxSchema.optional(),
  asOf: instantSchema.optional(),
});
export type GridCellsQuery = z.infer<typeof gridCellsQuerySchema>;

export const gridCellIdSchema = idParam('must be a grid cell id (a positive integer)').brand<'GridCellId'>();

export const gridCellParamsSchema = z.object({ id: gridCellIdSchema });
export const gridCellQuerySchema = z.object({ asOf: instantSchema.optional() });

export interface WorkerRef {
  id: number;
  name: string;
}

export interface GridCellProperties {
  id: GridCellId;
  code: string;
  name: string;
  townshipId: TownshipId;
  /** display name of the assigned grid worker; null marks a cell nobody walks */
  workerName: string | null;
  worker: WorkerRef | null;
  /** ISO time of the last patrol in the cell at or before asOf; null: never patrolled */
  lastPatrolAt: string | null;
  /** whole days from the last patrol to asOf; null: never patrolled */
  daysSincePatrol: number | null;
  /** no patrol for more than the weekly grid duty (or never) */
  unpatrolled: boolean;
  /** active venues in the cell as of asOf */
  venueCount: number;
  overdueVenueCount: number;
  /** overdueVenueCount / venueCount, 0 for a cell without venues */
  overdueShare: number;
}

/** a cell is a MultiPolygon: one part, or several (a cell split by a river) */
export type GridCellCollection = FeatureCollection<MultiPolygon, GridCellProperties> & { asOf: string };

export interface CellPatrolDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  at: string;
  venue: { id: number; externalId: string | null; name: string };
  worker: WorkerRef;
  result: 'ok' | 'hazards_found' | 'venue_closed' | 'not_open';
}

export interface OverdueVenueDto {
  id: number;
  /** the id in the source system the row was imported from (the ledger is reconciled by it); null: entered here */
  externalId: string | null;
  name: string;
  riskLevel: RiskLevel;
  /** null: never patrolled (counted from its registration) */
  lastPatrolAt: string | null;
  /** whole days past the due date as of asOf */
  daysOverdue: number;
}

/** What a township leader sees on clicking a cell. */
export interface GridCellDetailDto {
  asOf: string;
  cell: GridCellProperties & { geometry: MultiPolygon };
  /** the last 20 patrols at or before asOf, newest first */
  patrols: CellPatrolDto[];
  /** most overdue first */
  overdueVenues: OverdueVenueDto[];
}
