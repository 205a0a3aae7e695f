// GET /api/rebounds/clusters and /api/rebounds/stats: hot spots where closed hazards come back,
// and the rebound rate (cohort by closing date) by period, township, hazard type and category.
import { Hono } from 'hono';
import {
  DEFAULT_CITY_TIME_ZONE,
  reboundClustersQuerySchema,
  reboundStatsQuerySchema,
  type MultiPolygon,
  type Polygon,
  type ReboundClustersDto,
  type ReboundRate,
  type ReboundStatsDto,
  type TownshipId,
} from '@svm/contract';
import { checkTownshipAllowed, readScopeOf, type ReadScope } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { clusterWindow, reboundClustersInWindow, type ClusterWindowRow } from './clusters.queries.ts';
import { reboundRatesBy, reboundRatesByPeriod, reboundWindowDays, type RateRow } from './rebound-stats.queries.ts';

const rate = (r: RateRow): ReboundRate => ({
  closed: r.closed,
  rebounded: r.rebounded,
  rate: r.closed ? r.rebounded / r.closed : null,
});
const YEAR_MS = 365 * 86_400_000;

export function reboundsRoute({ db, cityTimeZone = DEFAULT_CITY_TIME_ZONE }: AppDeps) {
  const checkTownship = async (township: number | undefined) => {
    if (township !== undefined && !(await townshipExists(db, township)))
      throw Problem.notFound(`township ${township} does not exist`);
  };
  // Whole cluster answers (their JSON text) of an explicit asOf, filed under the data version: a
  // moment's clusters change only when data change. Without asOf the answer is as of the
  // request's own millisecond, which no later request asks again: not cached. One cache per app.
  const clusterAnswers = new VersionedCache<string>({ maxEntries: 64, maxBytes: 32 << 20, sizeOf: (s) => s.length });
  const clusterAnswer = async (
    scope: ReadScope,
    w: ClusterWindowRow,
    asOf: Date,
    township: number | null,
  ): Promise<ReboundClustersDto> => {
    const rows = await reboundClustersInWindow(db, scope, w, asOf, township);
    return {
      type: 'FeatureCollection',
      parameters: {
        from: w.from.toISOString(),
        to: w.to.toISOString(),
        asOf: asOf.toISOString(),
        epsMetres: w.eps,
        minPoints: w.min_points,
      },
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.id,
        // ST_AsGeoJSON of a convex hull (buffered when degenerate): a polygon
        geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
        properties: {
          id: r.id,
          memberCount: r.member_count,
          hazardIds: r.hazard_ids,
          venueCount: r.venue_ids.length,
          venueIds: r.venue_ids,
          dominantTypes: r.dominant_types,
          townships: r.townships.map((t) => ({ id: t.id as TownshipId, name: t.name })),
          centroid: [Number(r.lon.toFixed(6)), Number(r.lat.toFixed(6))],
        },
      })),
    };
  };
  return new Hono()
    .get('/clusters', validate('query', reboundClustersQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      await checkTownship(q.township);
      const asOf = q.asOf ?? new Date();
      const version = q.asOf ? await dataVersion(db) : null;
      // keyed by the request as asked: the window it resolves to follows from it and the policy,
      // which is data, so the version covers it and a hit needs no query for it
      const key = JSON.stringify([
        scope.townshipId,
        scope.categories,
        q.township ?? null,
        asOf.getTime(),
        q.from?.getTime() ?? null,
        q.to?.getTime() ?? null,
        q.eps ?? null,
        q.minPoints ?? null,
      ]);
      const text = await clusterAnswers.get(key, version, async () => {
        const w = await clusterWindow(db, {
          asOf,
          from: q.from ?? null,
          to: q.to ?? null,
          eps: q.eps ?? null,
          minPoints: q.minPoints ?? null,
          townshipId: q.township ?? null,
        });
        // a refusal is thrown, so it is never stored
        if (w.from >= w.to)
          throw Problem.badRequest('from must be before to', [
            { in: 'query', path: 'from', message: 'from must be before to' },
          ]);
        return JSON.stringify(await clusterAnswer(scope, w, asOf, q.township ?? null));
      });
      return c.body(text, 200, { 'Content-Type': 'application/json' });
    })
    .get('/stats', validate('query', reboundStatsQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      checkTownshipAllowed(scope, q.township);
      await checkTownship(q.township);
      const asOf = q.asOf ?? new Date();
      const to = q.to ?? asOf;
      const from = q.from ?? new Date(to.getTime() - YEAR_MS);
      if (from >= to)
        throw Problem.badRequest('from must be before to', [
          { in: 'query', path: 'from', message: 'from must be before to' },
        ]);
      const township = q.township ?? null;
      const [windowDays, periods, towns, types, categories] = await Promise.all([
        reboundWindowDays(db),
        reboundRatesByPeriod(db, scope, from, to, asOf, q.period, township, cityTimeZone),
        reboundRatesBy(db, scope, 'township', from, to, asOf, township),
        reboundRatesBy(db, scope, 'hazardType', from, to, asOf, township),
        reboundRatesBy(db, scope, 'category', from, to, asOf, township),
      ]);
      const body: ReboundStatsDto = {
        from: from.toISOString(),
        to: to.toISOString(),
        asOf: asOf.toISOString(),
        period: q.period,
        reboundWindowDays: windowDays,
        provisional: to.getTime() > asOf.getTime() - windowDays * 86_400_000,
        periods: periods.map((p) => ({
          start: p.start.toISOString(),
          end: p.end.toISOString(),
          provisional: p.provisional,
          ...rate(p),
        })),
        byTownship: towns.map((r) => ({ townshipId: Number(r.key) as TownshipId, name: r.label, ...rate(r) })),
        byHazardType: types.map((r) => ({ typeCode: String(r.key), name: r.label, ...rate(r) })),
        byCategory: categories.map((r) => ({ category: String(r.key), ...rate(r) })),
      };
      return c.json(body);
    });
}
