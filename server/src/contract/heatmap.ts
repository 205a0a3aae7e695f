// GET /api/heatmap/risk?bbox=&zoom=&asOf=: risk intensity in square bins for city zooms.
import { z } from 'zod';
import type { FeatureCollection, Polygon, Position } from './geojson.ts';
import { instantSchema, intParam } from './params.ts';
import { bboxSchema } from './streets.ts';

export const heatmapQuerySchema = z.object({
  bbox: bboxSchema,
  zoom: z.string({ error: 'zoom is required: a whole number from 0 to 22' }).pipe(intParam('zoom', 0, 22)),
  asOf: instantSchema.optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;

/**
 * What each thing adds to its bin's weight: an active venue by its assigned risk level
 * (high 3, medium 2, low 1), and each hazard open as of then 2 more.
 */
export const HEATMAP_WEIGHTS = { high: 3, medium: 2, low: 1, openHazard: 2 } as const;
/**
 * Colours are keyed to density (weight per km²) on this fixed domain, the same at every zoom
 * and place: 0 is the lowest colour, 1000 and above the highest.
 */
export const HEATMAP_DENSITY_DOMAIN = [0, 1000] as const;

export interface HeatmapBinProperties {
  weight: number;
  /** weight per km² of the bin */
  density: number;
  venues: number;
  openHazards: number;
  centroid: Position;
}

export interface HeatmapDto extends FeatureCollection<Polygon, HeatmapBinProperties> {
  zoom: number;
  /** bin edge in metres (UTM 51N): 2000 m at zoom 9, halving per zoom level, within 100..16000,
   *  and larger when the bbox would otherwise hold more than 20000 bins */
  binSizeM: number;
  weights: typeof HEATMAP_WEIGHTS;
  densityDomain: typeof HEATMAP_DENSITY_DOMAIN;
  asOf: string;
}
