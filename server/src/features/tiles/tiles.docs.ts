// OpenAPI description of the vector tile route, from the schemas it validates with.
import { z } from 'zod';
import { TILE_CONTENT_TYPE, tileParamsSchema, tileQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

// the route reads the last segment as "{y}.mvt"; in the OpenAPI path the suffix is literal
const { layer, z: zoom, x } = tileParamsSchema.shape;

export const tilesDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/tiles/{layer}/{z}/{x}/{y}.mvt',
    summary: 'Venues, grid cells or hazards as a Mapbox Vector Tile (EPSG:3857, extent 4096) as of a moment',
    description:
      'Layer properties: venues {id, riskLevel, category, registration, overdue, misgraded}, active venues, from zoom 12 ' +
      '(empty tiles below: use /api/heatmap/risk); grid-cells {id, code, townshipId, daysSincePatrol (absent if never), ' +
      'unpatrolled, hasWorker}; hazards {id, status, overdue, rebound, type}, hazards open as of asOf. ' +
      'z 0-22, x and y 0..2^z-1. Strong ETag (If-None-Match gives 304); gzip with Accept-Encoding: gzip. ' +
      'Tiles with an explicit asOf are held by the server under the data version (compressed once) and tagged by it: ' +
      'a revalidation costs one read of that version; tiles of "now" are read afresh every time.',
    tags: ['tiles'],
    params: z.object({ layer, z: zoom, x, y: x }),
    query: tileQuerySchema,
    responses: {
      200: { description: 'the tile (empty body: nothing in it)', mediaType: TILE_CONTENT_TYPE },
      403: {
        description: 'the grid-cells layer asked by a department account (grid cells are territorial)',
        mediaType: 'application/problem+json',
      },
      304: { description: 'unchanged since the ETag sent in If-None-Match' },
    },
  },
];
