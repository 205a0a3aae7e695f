// OpenAPI description of the grid cell routes, from the schemas they validate with.
import { gridCellParamsSchema, gridCellQuerySchema, gridCellsQuerySchema, gridCellWorkerSchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const gridCellsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/grid-cells',
    summary: 'Grid cell outlines with their grid worker and patrol status as of a moment',
    tags: ['grid-cells'],
    query: gridCellsQuerySchema,
    responses: {
      200: {
        description:
          'GeoJSON FeatureCollection of MultiPolygons (a cell may have several parts): worker, lastPatrolAt, daysSincePatrol, unpatrolled, venue counts',
        mediaType: 'application/json',
      },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description:
          'a department account (grid cells are territorial: they count every venue and patrol in them), or a township account naming another township',
        mediaType: 'application/problem+json',
      },
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
      403: {
        description: 'a department account (grid cells are territorial: they count every venue and patrol in them)',
        mediaType: 'application/problem+json',
      },
    },
  },
  {
    method: 'put',
    path: '/api/grid-cells/{id}/worker',
    summary: 'Assign the grid worker who walks a cell, or leave the cell without one (admin)',
    description:
      "workerId must be an active grid_worker account of the cell's township, or null. Patrols and venue writes in the cell " +
      'are authorised by its worker at each write, so the change holds for the next request of either worker. Audited as grid_cell.worker.',
    tags: ['grid-cells'],
    params: gridCellParamsSchema,
    body: { schema: gridCellWorkerSchema },
    responses: {
      200: {
        description: 'GridCellWorkerDto: the cell with its new worker (null: none)',
        mediaType: 'application/json',
      },
      400: { description: 'malformed body or id', mediaType: 'application/problem+json' },
      401: { description: 'not signed in', mediaType: 'application/problem+json' },
      403: { description: 'not an admin account', mediaType: 'application/problem+json' },
      404: { description: 'unknown grid cell', mediaType: 'application/problem+json' },
      422: {
        description: 'the worker does not exist, is not a grid_worker, is deactivated or belongs to another township',
        mediaType: 'application/problem+json',
      },
    },
  },
];
