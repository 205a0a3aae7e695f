// The HTTP application: mounts one route module per feature and renders every error as a problem.
import { Hono } from 'hono';
import { DEFAULT_CITY_TIME_ZONE, setCityTimeZone } from '@svm/contract';
import type { AppDeps } from './kernel/deps.ts';
import { identify } from './auth/caller.ts';
import { sessionResolver } from './auth/resolver.ts';
import { authSettings } from './auth/settings.ts';
import { signInRequired } from './auth/sign-in-required.ts';
import { Problem, renderProblem, toProblem } from './kernel/problem.ts';
import { apiBodyLimit } from './kernel/body-limit.ts';
import { securityHeadersFor } from './kernel/security-headers.ts';
import { contextRoute } from './features/context/context.route.ts';
import { gridCellsRoute } from './features/grid-cells/grid-cells.route.ts';
import { gridCellWorkerRoute } from './features/grid-cells/grid-cell-worker.route.ts';
import { healthRoute } from './features/health/health.route.ts';
import { townshipsRoute } from './features/townships/townships.route.ts';
import { tilesRoute } from './features/tiles/tiles.route.ts';
import { statsRoute } from './features/stats/stats.route.ts';
import { venuesWriteRoute } from './features/venues/venue-writes.route.ts';
import { patrolsWriteRoute } from './features/patrols/patrols.route.ts';
import { hazardsWriteRoute } from './features/hazards/hazard-writes.route.ts';
import { gradingRulesRoute, policyRoute } from './features/policy/policy.route.ts';
import { venuesRoute } from './features/venues/venues.route.ts';
import { hazardsRoute } from './features/hazards/hazards.route.ts';
import { hazardsExportRoute } from './features/hazards/hazards-export.route.ts';
import { venuesExportRoute } from './features/venues/venues-export.route.ts';
import { reboundsRoute } from './features/rebounds/rebounds.route.ts';
import { importsRoute } from './features/imports/imports.route.ts';
import { blindSpotsRoute } from './features/blind-spots/blind-spots.route.ts';
import { heatmapRoute } from './features/heatmap/heatmap.route.ts';
import { eventsRoute } from './features/events/events.route.ts';
import { openapiRoute } from './openapi/openapi.route.ts';
import { authRoute } from './features/accounts/auth.route.ts';
import { displayTokensRoute } from './features/accounts/display-tokens.route.ts';
import { usersRoute } from './features/accounts/users.route.ts';
import { webAppRoute } from './features/web-app/web-app.route.ts';
import { configRoute } from './features/config/config.route.ts';
import { hazardTypesRoute } from './features/hazard-types/hazard-types.route.ts';
import { departmentsRoute } from './features/departments/departments.route.ts';

export type { AppDeps } from './kernel/deps.ts';

export function createApp(deps: AppDeps) {
  // one process serves one city: the query and import parsers read bare dates in its zone
  setCityTimeZone(deps.cityTimeZone ?? DEFAULT_CITY_TIME_ZONE);
  const logError = deps.logError ?? ((message: string, err: unknown) => console.error(message, err));
  const app = new Hono()
    .use('*', securityHeadersFor(deps.basemapStyleUrl))
    .use('/api/*', apiBodyLimit)
    .use('/api/*', identify(deps.resolveCaller ?? sessionResolver(deps.db, authSettings(deps.auth))))
    .use('/api/*', signInRequired)
    .route('/api/health', healthRoute(deps))
    .route('/api/config', configRoute(deps))
    .route('/api/townships', townshipsRoute(deps))
    .route('/api/context', contextRoute(deps))
    .route('/api/grid-cells', gridCellsRoute(deps))
    .route('/api/grid-cells', gridCellWorkerRoute(deps))
    .route('/api/tiles', tilesRoute(deps))
    .route('/api/stats', statsRoute(deps))
    .route('/api/venues', venuesWriteRoute(deps))
    .route('/api/patrols', patrolsWriteRoute(deps))
    .route('/api/hazards', hazardsWriteRoute(deps))
    .route('/api/hazard-types', hazardTypesRoute(deps))
    .route('/api/departments', departmentsRoute(deps))
    .route('/api/policy', policyRoute(deps))
    .route('/api/grading-rules', gradingRulesRoute(deps))
    .route('/api/venues', venuesRoute(deps))
    .route('/api/hazards', hazardsRoute(deps))
    .route('/api/export', hazardsExportRoute(deps))
    .route('/api/export', venuesExportRoute(deps))
    .route('/api/rebounds', reboundsRoute(deps))
    .route('/api/import', importsRoute(deps))
    .route('/api/blind-spots', blindSpotsRoute(deps))
    .route('/api/heatmap', heatmapRoute(deps))
    .route('/api/openapi.json', openapiRoute())
    .route('/api/events', eventsRoute(deps))
    .route('/api/auth/display-tokens', displayTokensRoute(deps.db))
    .route('/api/auth/users', usersRoute(deps.db))
    .route('/api/auth', authRoute(deps.db, authSettings(deps.auth)))
    .all('/api/*', (c) => {
      throw Problem.notFound(`no API route ${c.req.method} ${c.req.path}`);
    });
  if (deps.webDist) app.route('/', webAppRoute(deps.webDist));
  app.notFound((c) => {
    throw Problem.notFound(`nothing at ${c.req.path}`);
  });
  app.onError((err, c) => renderProblem(c, toProblem(err, logError)));
  return app;
}

export type App = ReturnType<typeof createApp>;
