import { rolledBack, testDb } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { HealthDto } from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';

describe('GET /api/health', () => {
  it('names the driver and the PostGIS version, with no patrol time on an empty database', async () => {
    const db = await testDb();
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/health');
      expect(res.status).toBe(200);
      const body = await bodyOf<HealthDto>(res);
      expect(body).toMatchObject({ status: 'ok', driver: db.driver, latestPatrolAt: null });
      expect(body.postgis).toMatch(/^3\.\d+/);
      expect(body.postgres).toMatch(/^\d+/);
    });
  });

  it('reports the time of the latest patrol', async () => {
    await rolledBack(async (tx) => {
      const fixture = await twoTownships(tx);
      const { app } = await testApp(tx);
      const body = await bodyOf<HealthDto>(await app.request('/api/health'));
      expect(body.latestPatrolAt).toBe(fixture.latestPatrolAt);
    });
  });
});
