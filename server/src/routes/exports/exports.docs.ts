// OpenAPI description of the export routes, from the schemas they validate with.
import { hazardExportQuerySchema, venueExportQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../openapi/route-doc.ts';

const CSV = 'UTF-8 CSV with a byte-order mark, a bilingual header row, RFC 4180 quoting and formula-looking text prefixed with \'';
const file = (what: string, query: typeof hazardExportQuerySchema | typeof venueExportQuerySchema, path: string, mediaType: string, description: string): RouteDoc => ({
  method: 'get',
  path,
  summary: `Every ${what} matching the filters, as an attachment`,
  tags: ['exports'],
  query,
  responses: {
    200: { description, mediaType },
    403: { description: 'a township account naming a township other than its own', mediaType: 'application/problem+json' },
  },
});

export const exportsDocs: RouteDoc[] = [
  file('ledger row', hazardExportQuerySchema, '/api/export/hazards.csv', 'text/csv', CSV),
  file('ledger row', hazardExportQuerySchema, '/api/export/hazards.geojson', 'application/geo+json', 'FeatureCollection of Points at the venue'),
  file('active venue', venueExportQuerySchema, '/api/export/venues.csv', 'text/csv', CSV),
  file('active venue', venueExportQuerySchema, '/api/export/venues.geojson', 'application/geo+json', 'FeatureCollection of Points'),
];
