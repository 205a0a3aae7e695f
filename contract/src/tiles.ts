// GET /api/tiles/{layer}/{z}/{x}/{y}.mvt?asOf=: Mapbox Vector Tiles (EPSG:3857, extent 4096).
import { z } from 'zod';
import { instantSchema } from './params.ts';
import { TILE_LAYERS } from './constants.ts';

export const MAX_TILE_ZOOM = 22;
/**
 * Venue tiles below this zoom are empty: a z10 tile would hold most of the city's 200,000
 * venues (megabytes, seconds). Zoomed out, the map shows /api/heatmap/risk instead.
 */
export const VENUE_TILE_MIN_ZOOM = 12;
export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

const tileIndex = (name: string) =>
  z
    .string()
    .regex(/^\d{1,8}$/, `${name} must be a whole number`)
    .transform(Number);

/** Path parts; the last one is "{y}.mvt". x and y are checked against 2^z - 1. */
export const tileParamsSchema = z
  .object({
    layer: z.enum(TILE_LAYERS, { error: (i) => `layer "${String(i.input)}" is not one of ${TILE_LAYERS.join(', ')}` }),
    z: tileIndex('z').pipe(
      z.number().max(MAX_TILE_ZOOM, { error: (i) => `zoom ${String(i.input)} is outside 0-${MAX_TILE_ZOOM}` }),
    ),
    x: tileIndex('x'),
    y: z
      .string()
      .regex(/^\d{1,8}\.mvt$/, 'the last part must be {y}.mvt with a whole number y')
      .transform((s) => Number(s.slice(0, -4))),
  })
  .superRefine((t, ctx) => {
    const max = 2 ** t.z - 1;
    if (t.x > max)
      ctx.addIssue({ code: 'custom', path: ['x'], message: `x ${t.x} is outside 0-${max} at zoom ${t.z}` });
    if (t.y > max)
      ctx.addIssue({ code: 'custom', path: ['y'], message: `y ${t.y} is outside 0-${max} at zoom ${t.z}` });
  });
export type TileParams = z.infer<typeof tileParamsSchema>;

export const tileQuerySchema = z.object({ asOf: instantSchema.optional() });

/** Properties each layer's features carry (MVT has no null: a missing value is left out). */
export interface VenueTileProperties {
  id: number;
  riskLevel: string;
  category: string;
  registration: string;
  overdue: boolean;
  misgraded: boolean;
}
export interface GridCellTileProperties {
  id: number;
  code: string;
  townshipId: number;
  /** whole days since the cell's last patrol; absent when never patrolled */
  daysSincePatrol?: number;
  unpatrolled: boolean;
  hasWorker: boolean;
}
export interface HazardTileProperties {
  id: number;
  status: string;
  overdue: boolean;
  rebound: boolean;
  type: string;
}
