// OpenAPI description of the hazard ledger route, from the schema it validates with.
import { hazardsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../openapi/route-doc.ts';

export const hazardsDocs: RouteDoc[] = [{
  method: 'get',
  path: '/api/hazards',
  summary: 'The hazard ledger (台账) as of a moment, filtered, ordered by id',
  description: '`status` is the status as of asOf; `party` keeps hazards rectified and awaiting that party\'s sign-off; '
    + '`from`/`to` bound the finding time.',
  tags: ['hazards'],
  query: hazardsQuerySchema,
  responses: {
    200: { description: '{ asOf, items: LedgerRow[], nextCursor }', mediaType: 'application/json' },
    404: { description: 'unknown township', mediaType: 'application/problem+json' },
    403: { description: 'a township account naming a township other than its own', mediaType: 'application/problem+json' },
  },
}];
