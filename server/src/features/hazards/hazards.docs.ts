// OpenAPI description of the hazard routes (the ledger, its export, the lifecycle writes), from
// the schemas they validate with.
import {
  acceptanceCreateSchema,
  hazardAssignSchema,
  hazardExportQuerySchema,
  hazardNoteSchema,
  hazardsQuerySchema,
  idParamSchema,
} from '@svm/contract';
import { CSV_FILE, exportFileDoc } from '../../kernel/export/export-docs.ts';
import { writeErrors, type RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';

export const hazardsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/hazards',
    summary: 'The hazard ledger (台账) as of a moment, filtered, ordered by id',
    description:
      "`status` is the status as of asOf; `party` keeps hazards rectified and awaiting that party's sign-off; " +
      '`from`/`to` bound the finding time; `q` is an exact external id of the hazard or its venue, or part of ' +
      "the venue's name or address. Every row carries `externalId` (the source system's id; null when entered here).",
    tags: ['hazards'],
    query: hazardsQuerySchema,
    responses: {
      200: { description: '{ asOf, items: LedgerRow[], nextCursor }', mediaType: 'application/json' },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description: 'a township account naming a township other than its own',
        mediaType: 'application/problem+json',
      },
    },
  },
];

export const hazardExportDocs: RouteDoc[] = [
  exportFileDoc('ledger row', hazardExportQuerySchema, '/api/export/hazards.csv', 'text/csv', CSV_FILE),
  exportFileDoc(
    'ledger row',
    hazardExportQuerySchema,
    '/api/export/hazards.geojson',
    'application/geo+json',
    'FeatureCollection of Points at the venue',
  ),
];

const hazardStep = (path: string, summary: string, body: RouteDoc['body'], status = 200): RouteDoc => ({
  method: 'post',
  path: `/api/hazards/{id}/${path}`,
  summary,
  tags: ['workflow'],
  params: idParamSchema,
  body,
  description:
    'Needs a signed-in account with authority over the hazard. Recorded as a hazard_transitions row and an audit_log entry in one transaction.',
  responses: {
    [status]: { description: 'the hazard (HazardDto) with its acceptances', mediaType: J },
    ...writeErrors,
    404: { description: 'unknown hazard', mediaType: P },
    409: {
      description:
        'not allowed in the current status: names currentStatus, allowedActions (and missingParties for close)',
      mediaType: P,
    },
    422: { description: 'deadline before the hazard was found', mediaType: P },
  },
});

export const hazardWritesDocs: RouteDoc[] = [
  hazardStep('assign', 'Set the responsible person and deadline: open or rectifying → rectifying', {
    schema: hazardAssignSchema,
  }),
  hazardStep('rectified', 'Report the fix: rectifying → rectified', { schema: hazardNoteSchema }),
  hazardStep(
    'acceptances',
    'A territorial, industry or special sign-off of a rectified hazard; a failure returns it to rectifying, the last required pass closes it',
    { schema: acceptanceCreateSchema },
    201,
  ),
  hazardStep('close', 'Close a rectified hazard whose required sign-offs have all passed (normally automatic)', {
    schema: hazardNoteSchema,
  }),
];
