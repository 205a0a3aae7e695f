// GET /api/heatmap/risk?bbox=&zoom=&asOf=: risk intensity in square bins for city zooms.
import { z } from 'zod';
import type { FeatureCollection, Polygon, Position } from './geojson.ts';
import { instantSchema, intParam } from './params.ts';
import { bboxSchema } from './streets.ts';
import { HEATMAP_DENSITY_DOMAIN, HEATMAP_WEIGHTS } from './heatmap-scale.ts';

export const heatmapQuerySchema = z.object({
  bbox: bboxSchema,
  zoom: z.string({ error: 'zoom is required: a whole number from 0 to 22' }).pipe(intParam('zoom', 0, 22)),
  asOf: instantSchema.optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;

export { HEATMAP_DENSITY_DOMAIN, HEATMAP_WEIGHTS };

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
  /** bin edge in metres (the city's own UTM zone): 2000 m at zoom 9, halving per zoom level, within 100..16000,
   *  and larger when the bbox would otherwise hold more than 20000 bins */
  binSizeM: number;
  weights: typeof HEATMAP_WEIGHTS;
  densityDomain: typeof HEATMAP_DENSITY_DOMAIN;
  asOf: string;
}
