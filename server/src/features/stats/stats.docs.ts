// OpenAPI description of the stats routes, from the schemas they validate with.
import { statsSummaryQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const statsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/stats/summary',
    summary: 'KPIs of the city or one township, with their trend by ISO week',
    description:
      'The period [from, to) defaults to the 90 days before asOf and may be at most 371 days; each trend week is computed ' +
      'as of its end (or asOf, if earlier) over its own days. Trend weeks are ISO weeks from Monday 00:00 on the ' +
      "city's clocks (CITY_TZ; 167 or 169 hours over a daylight-saving change).",
    tags: ['kpis'],
    query: statsSummaryQuerySchema,
    responses: {
      200: {
        description:
          '{ asOf, from, to, townshipId, kpis, trend: [{ week, from, to, asOf, ...kpis }] }; kpis.skipped counts the ' +
          'hazards imported closed without their rectification details that a figure needing them left out: ' +
          'overdue (no deadline), waiting (no rectification time), signOffs (sign-off delays with no rectification to measure from)',
        mediaType: 'application/json',
      },
      404: { description: 'unknown township', mediaType: 'application/problem+json' },
      403: {
        description: 'a township account naming a township other than its own',
        mediaType: 'application/problem+json',
      },
    },
  },
];
