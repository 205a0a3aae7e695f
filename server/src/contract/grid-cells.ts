// GET /api/grid-cells?township=: grid cell outlines with their assigned grid worker.
import { z } from 'zod';
import type { FeatureCollection, Polygon } from './geojson.ts';
import { townshipIdSchema, type GridCellId, type TownshipId } from './ids.ts';

export const gridCellsQuerySchema = z.object({
  /** only this township's cells; omitted: every cell */
  township: townshipIdSchema.optional(),
});
export type GridCellsQuery = z.infer<typeof gridCellsQuerySchema>;

export interface GridCellProperties {
  id: GridCellId;
  code: string;
  name: string;
  townshipId: TownshipId;
  /** display name of the assigned grid worker; null marks a cell nobody walks */
  workerName: string | null;
}

export type GridCellCollection = FeatureCollection<Polygon, GridCellProperties>;
