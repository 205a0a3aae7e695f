// GET /api/config: the deployment's settings the web reads before drawing the map (the basemap
// style URL, the city's time zone). A route rather than a value written into index.html: the shell stays a static,
// cacheable file, the Vite dev server's proxy gets the same answer, and the URL is only told to
// signed-in callers (the map is only drawn after sign-in), like every other route.
import { Hono } from 'hono';
import { DEFAULT_CITY_TIME_ZONE, type ConfigDto } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';

export function configRoute({ basemapStyleUrl, cityTimeZone }: AppDeps) {
  const body: ConfigDto = {
    basemapStyleUrl: basemapStyleUrl ?? null,
    timeZone: cityTimeZone ?? DEFAULT_CITY_TIME_ZONE,
  };
  // fixed for the life of the process: a browser may keep it for its session, never across restarts
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json(body);
  });
}
