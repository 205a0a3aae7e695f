// OpenAPI description of the context layer routes, from the schema they validate with.
import { streetsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const contextDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/context/streets',
    summary: 'Streets inside a map view, so the map reads as a city without an internet basemap',
    tags: ['context'],
    query: streetsQuerySchema,
    responses: {
      200: { description: 'GeoJSON FeatureCollection of LineStrings: id, name, class', mediaType: 'application/json' },
    },
  },
];
