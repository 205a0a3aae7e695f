import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/app.ts';
import { allRouteDocs, openApiDocument } from './openapi.ts';

// the app is only inspected here, never asked a question
const idle: Queryable = {
  driver: 'pglite',
  query: () => Promise.reject(new Error('unused')),
  exec: () => Promise.reject(new Error('unused')),
  transaction: () => Promise.reject(new Error('unused')),
};

/** "GET /api/tiles/{}/{}/{}/{}": path parameters blanked, so hono's ":y" and OpenAPI's "{y}.mvt" compare equal. */
const routeKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path
    .split('/')
    .map((seg) => (seg.startsWith(':') || seg.startsWith('{') ? '{}' : seg))
    .join('/')}`;

describe('GET /api/openapi.json', () => {
  it('documents every API route the app mounts', async () => {
    const { app } = await testApp(idle);
    // handlers and their validators share a path; ALL entries are middleware and the /api/* catch-all
    const mounted = new Set(
      app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => routeKey(r.method, r.path)),
    );
    const documented = new Set(allRouteDocs.map((d) => routeKey(d.method, d.path)));
    expect([...mounted].filter((key) => !documented.has(key)).sort()).toEqual([]);
    expect([...documented].filter((key) => !mounted.has(key)).sort()).toEqual([]);
  });

  it('serves an OpenAPI 3.1 document with query parameters taken from the zod schemas', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as ReturnType<typeof openApiDocument>;
      expect(doc.openapi).toBe('3.1.0');
      const clusters = doc.paths['/api/rebounds/clusters']!.get!;
      const eps = clusters.parameters.find((p) => p.name === 'eps');
      expect(eps).toMatchObject({ in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,9}$' } });
      const heatmap = doc.paths['/api/heatmap/risk']!.get!;
      expect(
        heatmap.parameters
          .filter((p) => p.required)
          .map((p) => p.name)
          .sort(),
      ).toEqual(['bbox', 'zoom']);
      const tile = doc.paths['/api/tiles/{layer}/{z}/{x}/{y}.mvt']!.get!;
      expect(tile.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['layer', 'z', 'x', 'y']);
      expect(tile.parameters[0]!.schema).toMatchObject({ enum: ['venues', 'grid-cells', 'hazards'] });
      expect(Object.keys(tile.responses)).toEqual(expect.arrayContaining(['200', '304', '400']));
    });
  });

  it('gives every operation a unique id', () => {
    const doc = openApiDocument();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
