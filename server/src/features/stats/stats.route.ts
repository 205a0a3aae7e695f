// GET /api/stats/summary?township=&from=&to=&asOf=&trendWeeks=: the KPIs of the city or one township,
// with their trend by ISO week (each week's figures as of that week's end; trendWeeks keeps the latest N).
import { Hono } from 'hono';
import { DEFAULT_CITY_TIME_ZONE, statsSummaryQuerySchema, type StatsSummaryDto, type WeekKpis } from '@svm/contract';
import { checkTownshipAllowed, readScopeOf, scopeDto } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { cachedKpiCounts, newKpiCache } from '../../domain/kpi/kpi-cache.ts';
import { provisionalOf, sumCounts, toKpis } from '../../domain/kpi/kpis.ts';
import { isoWeeks } from './weeks.ts';

export function statsRoute({ db, cityTimeZone = DEFAULT_CITY_TIME_ZONE }: AppDeps) {
  const kpiCache = newKpiCache();
  return new Hono().get('/summary', validate('query', statsSummaryQuerySchema), async (c) => {
    const { asOf, from, to, township, trendWeeks } = c.req.valid('query');
    // an asOf left out is the clock's now: its figures drift with time, so they are not cached
    const asOfNamed = c.req.query('asOf') !== undefined;
    const scope = await readScopeOf(c, db);
    checkTownshipAllowed(scope, township);
    if (township !== undefined && !(await townshipExists(db, township))) {
      throw Problem.notFound(`township ${township} does not exist`);
    }
    // a township account's summary is its own township's, named or not: never the city's
    const townshipId = township ?? scope.townshipId;
    const rows = await cachedKpiCounts(db, kpiCache, { scope, asOf, from, to, townshipId }, asOfNamed);
    const trend: WeekKpis[] = [];
    // one query per week, in order: PGlite has a single connection, and 53 weeks bound the cost
    const weeks = isoWeeks(from, to, cityTimeZone);
    for (const week of trendWeeks === undefined
      ? weeks
      : weeks.slice(weeks.length - Math.min(trendWeeks, weeks.length))) {
      const weekAsOf = week.to < asOf ? week.to : asOf;
      // a week ended before asOf is asked as of its end: a fixed moment, cached until the data changes
      const weekRows = await cachedKpiCounts(
        db,
        kpiCache,
        { scope, asOf: weekAsOf, from: week.from, to: week.to, townshipId },
        week.to < asOf || asOfNamed,
      );
      trend.push({
        week: week.label,
        from: week.from.toISOString(),
        to: week.to.toISOString(),
        asOf: weekAsOf.toISOString(),
        ...toKpis(sumCounts(weekRows), provisionalOf(weekRows, true)),
      });
    }
    const body: StatsSummaryDto = {
      asOf: asOf.toISOString(),
      from: from.toISOString(),
      to: to.toISOString(),
      townshipId: townshipId as StatsSummaryDto['townshipId'],
      scope: scopeDto(scope),
      kpis: toKpis(sumCounts(rows), provisionalOf(rows, true)),
      trend,
    };
    return c.json(body);
  });
}
