// OpenAPI description of the import routes; the CSV columns are listed from the parsers themselves.
import { IMPORT_ERROR_REASONS, importJobParamsSchema, importReportParamsSchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';
import { ACCEPTANCE_COLUMNS } from './acceptances.import.ts';
import { ACCOUNT_COLUMNS } from './accounts.import.ts';
import { HAZARD_COLUMNS } from './hazards.import.ts';
import { HAZARD_TYPE_COLUMNS } from './hazard-types.import.ts';
import { DEPARTMENT_COLUMNS } from './departments.import.ts';
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
const ASYNC =
  'With the header Prefer: respond-async the import runs as a job: 202 Accepted with Location: /api/import/jobs/{id}, ' +
  'Preference-Applied: respond-async and the job (GET /api/import/jobs/{id}); the job ends with the same counts or the ' +
  'same problem this route answers. Still all-or-nothing in one transaction; jobs run one at a time per server process.';
const accepted = {
  description: 'Prefer: respond-async: the import is queued as a job; the body is the job (state queued)',
  mediaType: 'application/json',
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
  description: ASYNC,
  tags: ['imports'],
  body: { mediaType: 'text/csv', description: `UTF-8 (BOM allowed), RFC 4180, header row. Columns: ${columns(cols)}` },
  responses: { 200: { description: result, mediaType: 'application/json' }, 202: accepted, ...errors },
});
const geojson = (kind: string, what: string, props: string, result: string): RouteDoc => ({
  method: 'post',
  path: `/api/import/${kind}`,
  summary: `Import ${what} from a GeoJSON FeatureCollection (re-import updates)`,
  description: ASYNC,
  tags: ['imports'],
  body: { mediaType: 'application/geo+json', description: `Feature properties: ${props}` },
  responses: { 200: { description: result, mediaType: 'application/json' }, 202: accepted, ...errors },
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
    'grid cells (Polygon or MultiPolygon, inside their township: at most 1 % of a cell and at most 500 m² may lie outside it)',
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
  csv(
    'departments',
    'the industry departments',
    DEPARTMENT_COLUMNS,
    '{ inserted, updated }',
    'keyed by code, case-sensitive (re-import updates; an empty cell keeps the value; categories as catering;retail, ' +
      'required for a new department)',
  ),
  csv('venues', 'venues', VENUE_COLUMNS, '{ inserted, updated }'),
  csv('patrols', 'patrols', PATROL_COLUMNS, '{ inserted, updated }'),
  csv(
    'hazards',
    'the hazard ledger',
    HAZARD_COLUMNS,
    '{ inserted, updated, reboundLinksChanged }',
    'keyed by external_id (re-import updates); a closed row needs only found_at, closed_at and fixed_on_spot (a historic record without ' +
      "responsible_person, deadline or rectified_at is stored marked recorded_closed, with its parties' passed " +
      'sign-offs at closed_at, and the KPIs that need a missing fact leave it out and count it in kpis.skipped); ' +
      'rectifying and rectified rows need responsible_person and deadline unless fixed on the spot, rectified rows rectified_at',
  ),
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
    path: '/api/import/jobs/{id}',
    summary: 'An import job: its state, phase, progress and final answer',
    description:
      'state queued | running | succeeded | failed; phase reading | checking | writing | linking | done; rowsRead, ' +
      'rowsWritten (inside the one transaction: nothing is visible before the job succeeds), totalRows once the file is ' +
      'read; createdAt, startedAt, finishedAt. Succeeded: result holds the counts the synchronous import answers. ' +
      'Failed: problem holds the problem it answers (a refusal with its errorsCsv report link), or ' +
      'urn:svm:problem:import-interrupted when the server stopped while the job was queued or running (nothing written). ' +
      'For the admin accounts (the sender among them); kept 24 hours after the job finishes. Answered from memory while ' +
      'the job runs, also on the embedded database whose one connection the job holds.',
    tags: ['imports'],
    params: importJobParamsSchema,
    responses: {
      200: { description: 'the job', mediaType: 'application/json' },
      400: { description: 'the id is not a job id (a UUID)', mediaType: P },
      401: errors[401],
      403: errors[403],
      404: { description: 'no such job: unknown, or finished more than 24 hours ago', mediaType: P },
    },
  },
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
