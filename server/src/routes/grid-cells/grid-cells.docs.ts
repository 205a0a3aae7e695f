// OpenAPI description of the grid cell routes, from the schemas they validate with.
import { gridCellParamsSchema, gridCellQuerySchema, gridCellsQuerySchema } from '../../contract/index.ts';
import type { RouteDoc } from '../../openapi/route-doc.ts';

export const gridCellsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/grid-cells',
    summary: 'Grid cell outlines with their grid worker and patrol status as of a moment',
    tags: ['grid-cells'],
    query: gridCellsQuerySchema,
    responses: {
      200: { description: 'GeoJSON FeatureCollection of Polygons: worker, lastPatrolAt, daysSincePatrol, unpatrolled, venue counts', mediaType: 'application/json' },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: { description: 'a department account (grid cells are territorial: they count every venue and patrol in them), or a township account naming another township', mediaType: 'application/problem+json' },
    },
  },
  {
    method: 'get',
    path: '/api/grid-cells/{id}',
    summary: 'One cell with its worker, its last 20 patrols and its overdue venues',
    tags: ['grid-cells'],
    params: gridCellParamsSchema,
    query: gridCellQuerySchema,
    responses: {
      200: { description: '{ asOf, cell, patrols, overdueVenues }', mediaType: 'application/json' },
      404: { description: 'unknown grid cell', mediaType: 'application/problem+json' },
      403: { description: 'a department account (grid cells are territorial: they count every venue and patrol in them)', mediaType: 'application/problem+json' },
    },
  },
];
