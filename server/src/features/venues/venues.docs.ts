// OpenAPI description of the venue routes (the register, its export, the register writes), from
// the schemas they validate with.
import {
  idParamSchema,
  venueCloseSchema,
  venueCreateSchema,
  venueExportQuerySchema,
  venueParamsSchema,
  venuePatchSchema,
  venueQuerySchema,
  venuesQuerySchema,
} from '@svm/contract';
import { CSV_FILE, exportFileDoc } from '../../kernel/export/export-docs.ts';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const venuesDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/venues',
    summary: 'A page of active venues (as of asOf), filtered, ordered by id',
    description:
      "`q` matches name or address, case-insensitive, or the exact `externalId` (the source system's id, in every " +
      'venue read and export); pass `nextCursor` as `cursor` for the next page.',
    tags: ['venues'],
    query: venuesQuerySchema,
    responses: {
      200: { description: 'GeoJSON FeatureCollection of Points with `nextCursor`', mediaType: 'application/json' },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description: 'a township account naming a township other than its own',
        mediaType: 'application/problem+json',
      },
    },
  },
  {
    method: 'get',
    path: '/api/venues/{id}',
    summary:
      'One venue: facts, assigned vs computed grade with the rules that fired, patrols, hazards with their history',
    tags: ['venues'],
    params: venueParamsSchema,
    query: venueQuerySchema,
    responses: {
      200: { description: '{ asOf, venue, grade, patrols, hazards }', mediaType: 'application/json' },
      404: {
        description: "unknown venue, outside the caller's jurisdiction, or not yet registered at asOf",
        mediaType: 'application/problem+json',
      },
    },
  },
];

export const venueExportDocs: RouteDoc[] = [
  exportFileDoc('active venue', venueExportQuerySchema, '/api/export/venues.csv', 'text/csv', CSV_FILE),
  exportFileDoc(
    'active venue',
    venueExportQuerySchema,
    '/api/export/venues.geojson',
    'application/geo+json',
    'FeatureCollection of Points',
  ),
];

export const venueWritesDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/venues',
    summary: 'Register a venue; township and grid cell are derived from its location',
    tags: ['workflow'],
    body: { schema: venueCreateSchema },
    responses: {
      201: { description: 'the venue (VenueDto)', mediaType: J },
      ...writeErrors,
      422: { description: 'location outside every township', mediaType: P },
    },
  },
  {
    method: 'patch',
    path: '/api/venues/{id}',
    summary: 'Change any registration field; moving it re-derives township and cell',
    tags: ['workflow'],
    params: idParamSchema,
    body: { schema: venuePatchSchema },
    responses: {
      200: { description: 'the venue (VenueDto)', mediaType: J },
      ...writeErrors,
      404: { description: 'unknown venue', mediaType: P },
      422: { description: 'location outside every township', mediaType: P },
    },
  },
  {
    method: 'post',
    path: '/api/venues/{id}/close',
    summary: 'Close a venue (closedAt, default now)',
    tags: ['workflow'],
    params: idParamSchema,
    body: { schema: venueCloseSchema },
    responses: {
      200: { description: 'the venue (VenueDto)', mediaType: J },
      ...writeErrors,
      409: { description: 'already closed', mediaType: P },
      422: { description: 'closedAt before registration', mediaType: P },
    },
  },
];
