import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { GridCellCollection } from '../../contract/index.ts';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

describe('GET /api/grid-cells', () => {
  it('returns every cell with its township and grid worker, null where nobody is assigned', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<GridCellCollection>(await app.request('/api/grid-cells'));
      expect(body.features.map((feature) => feature.properties)).toEqual([
        { id: f.cells.a1, code: 'FX-A-1', name: '东湖一网格', townshipId: f.townshipA, workerName: '张三' },
        { id: f.cells.a2, code: 'FX-A-2', name: '东湖二网格', townshipId: f.townshipA, workerName: null },
        { id: f.cells.b1, code: 'FX-B-1', name: '西山一网格', townshipId: f.townshipB, workerName: '李四' },
      ]);
      expect(body.features[0]?.geometry).toEqual({
        type: 'Polygon',
        coordinates: [[[121, 30], [121.05, 30], [121.05, 30.1], [121, 30.1], [121, 30]]],
      });
    });
  });

  it('filters by township', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<GridCellCollection>(await app.request(`/api/grid-cells?township=${f.townshipB}`));
      expect(body.features.map((feature) => feature.properties.code)).toEqual(['FX-B-1']);
    });
  });

  it('answers an unknown township with 404 and a malformed one with 400', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const missing = await app.request(`/api/grid-cells?township=${f.townshipB + 1000}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(PROBLEM_JSON);
      const malformed = await app.request('/api/grid-cells?township=east');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({
        status: 400,
        errors: [{ in: 'query', path: 'township', message: 'must be a township id (a positive integer)' }],
      });
    });
  });
});
