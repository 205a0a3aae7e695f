// GET /api/heatmap/risk?bbox=&zoom=&asOf=: risk intensity bins with a fixed colour domain.
import { Hono } from 'hono';
import {
  HEATMAP_DENSITY_DOMAIN,
  HEATMAP_WEIGHTS,
  heatmapQuerySchema,
  type HeatmapDto,
  type Polygon,
} from '@svm/contract';
import { readScopeOf } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { validate } from '../../kernel/validate.ts';
import { riskBins } from './heatmap.queries.ts';

const MIN_BIN_M = 100;
const MAX_BIN_M = 16_000;
const MAX_BINS = 20_000;

/** 2000 m at zoom 9, halving per level, clamped; grown so the bbox holds at most MAX_BINS bins. */
export function binSizeFor(zoom: number, bbox: number[]): number {
  const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = bbox;
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  // rough metres are enough to bound the bin count
  const area = (maxLon - minLon) * 111_320 * Math.cos(midLat) * (maxLat - minLat) * 110_574;
  const byZoom = Math.min(MAX_BIN_M, Math.max(MIN_BIN_M, 2000 * 2 ** (9 - zoom)));
  return Math.round(Math.max(byZoom, Math.sqrt(area / MAX_BINS)));
}

export function heatmapRoute({ db }: AppDeps) {
  return new Hono().get('/risk', validate('query', heatmapQuerySchema), async (c) => {
    const { bbox, zoom, asOf: asOfParam } = c.req.valid('query');
    const asOf = asOfParam ?? new Date();
    const size = binSizeFor(zoom, bbox);
    const areaKm2 = (size * size) / 1e6;
    const scope = await readScopeOf(c, db);
    const rows = await riskBins(db, scope, bbox, size, asOf);
    const body: HeatmapDto = {
      type: 'FeatureCollection',
      zoom,
      binSizeM: size,
      weights: HEATMAP_WEIGHTS,
      densityDomain: HEATMAP_DENSITY_DOMAIN,
      asOf: asOf.toISOString(),
      features: rows.map((r, k) => ({
        type: 'Feature',
        id: k + 1,
        // ST_AsGeoJSON of an ST_Square bin
        geometry: JSON.parse(r.geometry) as Polygon,
        properties: {
          weight: r.weight,
          density: Number((r.weight / areaKm2).toFixed(3)),
          venues: r.venues,
          openHazards: r.open_hazards,
          centroid: [Number(r.lon.toFixed(6)), Number(r.lat.toFixed(6))],
        },
      })),
    };
    return c.json(body);
  });
}
