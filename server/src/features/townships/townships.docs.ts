// OpenAPI description of the townships route, from the schema it validates with.
import { townshipsQuerySchema } from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const townshipsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/townships',
    summary: "Township boundaries with venue and grid cell counts and each township's KPIs",
    description:
      'KPIs are computed as of `asOf` (default now) over the period [from, to) (default the 90 days before asOf).',
    tags: ['townships', 'kpis'],
    query: townshipsQuerySchema,
    responses: {
      200: {
        description: 'GeoJSON FeatureCollection of MultiPolygons; properties hold `kpis`; `period` says which',
        mediaType: 'application/json',
      },
    },
  },
];
