// OpenAPI description of the health route.
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const healthDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'The database driver and versions underneath, and the time of the latest patrol',
    tags: ['health'],
    responses: {
      200: {
        description: '{ status: "ok", driver: "pglite" | "pg", postgres, postgis, latestPatrolAt }',
        mediaType: 'application/json',
      },
    },
  },
];
