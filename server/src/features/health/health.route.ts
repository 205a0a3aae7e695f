// GET /api/health: the driver and versions underneath, and how fresh the patrol data is.
import { Hono } from 'hono';
import type { HealthDto } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { latestPatrolAt } from './health.queries.ts';

export function healthRoute({ db, info }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const latest = await latestPatrolAt(db);
    const body: HealthDto = {
      status: 'ok',
      driver: info.driver,
      postgres: info.postgres,
      postgis: info.postgis,
      latestPatrolAt: latest ? latest.toISOString() : null,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
