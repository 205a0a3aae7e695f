// OpenAPI description of the document's own route.
import type { RouteDoc } from '../kernel/route-doc.ts';

export const openapiDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['meta'],
    responses: { 200: { description: 'the OpenAPI document', mediaType: 'application/json' } },
  },
];
