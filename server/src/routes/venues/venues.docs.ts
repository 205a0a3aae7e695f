// OpenAPI description of the venue routes, from the schemas they validate with.
import { venueParamsSchema, venueQuerySchema, venuesQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../openapi/route-doc.ts';

export const venuesDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/venues',
    summary: 'A page of active venues (as of asOf), filtered, ordered by id',
    description: '`q` matches name or address, case-insensitive; pass `nextCursor` as `cursor` for the next page.',
    tags: ['venues'],
    query: venuesQuerySchema,
    responses: {
      200: { description: 'GeoJSON FeatureCollection of Points with `nextCursor`', mediaType: 'application/json' },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: { description: 'a township account naming a township other than its own', mediaType: 'application/problem+json' },
    },
  },
  {
    method: 'get',
    path: '/api/venues/{id}',
    summary: 'One venue: facts, assigned vs computed grade with the rules that fired, patrols, hazards with their history',
    tags: ['venues'],
    params: venueParamsSchema,
    query: venueQuerySchema,
    responses: {
      200: { description: '{ asOf, venue, grade, patrols, hazards }', mediaType: 'application/json' },
      404: { description: 'unknown venue, outside the caller\'s jurisdiction, or not yet registered at asOf', mediaType: 'application/problem+json' },
    },
  },
];
