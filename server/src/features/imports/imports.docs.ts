// OpenAPI description of the import routes; the CSV columns are listed from the parsers themselves.
import { IMPORT_ERROR_REASONS, importReportParamsSchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';
import { ACCEPTANCE_COLUMNS } from './acceptances.import.ts';
import { ACCOUNT_COLUMNS } from './accounts.import.ts';
import { HAZARD_COLUMNS } from './hazards.import.ts';
import { HAZARD_TYPE_COLUMNS } from './hazard-types.import.ts';
import { PATROL_COLUMNS } from './patrols.import.ts';
import { VENUE_COLUMNS } from './venues.import.ts';

const P = 'application/problem+json';
const errors = {
  400: { description: 'body not UTF-8 or (GeoJSON) not JSON', mediaType: P },
  401: { description: 'not signed in', mediaType: P },
  403: { description: "not an admin account: imports are the administrator's", mediaType: P },
  413: { description: 'body larger than 20 MiB', mediaType: P },
  415: { description: 'wrong Content-Type', mediaType: P },
  422: {
    description:
      'the file was refused and nothing was written (type urn:svm:problem:import-refused): errorCount (every error), ' +
      'countsByReason, errors: [{ line | feature, column?, reason, message }] (the first 200 by line, fewer when the ' +
      'body would be larger than the file; never over 96 KiB) and errorsCsv, the URL of every error as CSV for 24 hours. ' +
      `Reasons: ${IMPORT_ERROR_REASONS.join(', ')}`,
    mediaType: P,
  },
};
const columns = (c: Record<string, { safeParse: (v: undefined) => { success: boolean } }>) =>
  Object.entries(c)
    .map(([name, s]) => (s.safeParse(undefined).success ? name : `${name} (required)`))
    .join(', ');

const csv = (
  kind: string,
  what: string,
  cols: Parameters<typeof columns>[0],
  result: string,
  keyed = 'keyed by external_id (re-import updates)',
): RouteDoc => ({
  method: 'post',
  path: `/api/import/${kind}`,
  summary: `Import ${what} from CSV, ${keyed}`,
  tags: ['imports'],
  body: { mediaType: 'text/csv', description: `UTF-8 (BOM allowed), RFC 4180, header row. Columns: ${columns(cols)}` },
  responses: { 200: { description: result, mediaType: 'application/json' }, ...errors },
});
const geojson = (kind: string, what: string, props: string, result: string): RouteDoc => ({
  method: 'post',
  path: `/api/import/${kind}`,
  summary: `Import ${what} from a GeoJSON FeatureCollection (re-import updates)`,
  tags: ['imports'],
  body: { mediaType: 'application/geo+json', description: `Feature properties: ${props}` },
  responses: { 200: { description: result, mediaType: 'application/json' }, ...errors },
});

export const importsDocs: RouteDoc[] = [
  geojson(
    'townships',
    'townships (Polygon or MultiPolygon)',
    'code, name, nameEn, kind (subdistrict | town | development_zone | district)',
    '{ inserted, updated, venuesRelocated }',
  ),
  geojson(
    'grid-cells',
    'grid cells (Polygon)',
    'code, name, townshipCode, workerUsername?',
    '{ inserted, updated, venuesRelocated }',
  ),
  geojson(
    'reference-points',
    'reference points (Point)',
    'source? (default "import"), externalId, name?, category?',
    '{ inserted, updated }',
  ),
  csv(
    'hazard-types',
    'the hazard catalogue',
    HAZARD_TYPE_COLUMNS,
    '{ inserted, updated }',
    'keyed by code, case-sensitive (re-import updates; an empty cell keeps the value; categories as catering;retail)',
  ),
  csv('venues', 'venues', VENUE_COLUMNS, '{ inserted, updated }'),
  csv('patrols', 'patrols', PATROL_COLUMNS, '{ inserted, updated }'),
  csv('hazards', 'the hazard ledger', HAZARD_COLUMNS, '{ inserted, updated, reboundLinksChanged }'),
  csv('acceptances', 'sign-offs', ACCEPTANCE_COLUMNS, '{ inserted, updated, hazardsClosed }'),
  csv(
    'accounts',
    'accounts',
    ACCOUNT_COLUMNS,
    '{ inserted, updated: 0 }',
    'each line a new account under the rules of POST /api/auth/users (a taken username is refused; township_code ' +
      'for township and grid_worker accounts, department_code for department accounts; no password: cannot sign in yet)',
  ),
  {
    method: 'get',
    // the route reads the last segment as "{id}.csv"; in the OpenAPI path the suffix is literal
    path: '/api/import/reports/{id}.csv',
    summary: "Every error of a refused import as CSV (a 422's errorsCsv), for the admin account that sent the file",
    description:
      'Columns line (GeoJSON: feature), column, reason, message; one row per error, so a line with several errors has ' +
      'several rows. UTF-8 with a BOM, CRLF, formula-safe like the exports. Kept 24 hours; at most 100,000 errors (a ' +
      'last row counts the rest).',
    tags: ['imports'],
    params: importReportParamsSchema,
    responses: {
      200: { description: 'the report, as an attachment', mediaType: 'text/csv' },
      401: errors[401],
      403: errors[403],
      404: {
        description: 'no such report for this account: unknown, expired, or sent by another account',
        mediaType: P,
      },
    },
  },
];
