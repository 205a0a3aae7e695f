// Measurement 2 (and the overview half of 3): each overview endpoint through the HTTP API
// against its naive full-scan baseline, which is also the correctness oracle: the endpoint's
// figures are compared one by one with the naive ones, and every disagreement is returned.
import type { Queryable } from '@svm/db';
import type {
  BlindSpotsDto,
  GridCellCollection,
  ReboundClustersDto,
  StatsSummaryDto,
  TownshipCollection,
} from '@svm/contract';
import { getJson } from './bench-server.ts';
import { compareBlindSpots, compareCells, compareClusters, compareSummary, compareTownships } from './compare.ts';
import { figures, ratio, round, timed, type Figures } from './measure.ts';
import {
  naiveBlindSpotCounts,
  naiveCells,
  naiveClusterWindowDays,
  naiveReboundClusters,
  naiveTownshipCounts,
} from './naive.queries.ts';

export interface OverviewResult {
  name: string;
  path: string;
  /** answers computed: the first call and calls at as-ofs a few seconds earlier (never asked before, so never cached) */
  http: Figures;
  /** the same request repeated: answered from the server's cache while the data version holds */
  cached: Figures;
  naive: Figures;
  /** naive median over the endpoint's computed median (target ≥ 20) */
  speedup: number | null;
  /** naive median over the cached median */
  cachedSpeedup: number | null;
  /** figure-by-figure disagreements with the oracle (empty: identical) */
  disagreements: string[];
}

interface Endpoint {
  name: string;
  /** the request at an as-of moment (ISO) */
  path: (at: string) => string;
  /** endpoints with the same key share one naive query (measured once) */
  naiveKey: string;
  naive: () => Promise<unknown>;
  compare: (answer: unknown, naive: unknown) => string[];
}

export interface OverviewContext {
  url: string;
  token: string;
  db: Queryable;
  asOf: Date;
  /** timed runs of each endpoint, computed and cached, and of each naive query (its first run gives the oracle's answer) */
  httpRuns: number;
  naiveRuns: number;
}

const DAY = 86_400_000;

export async function overviewEndpoints(ctx: OverviewContext): Promise<Endpoint[]> {
  const { db, asOf } = ctx;
  const from = new Date(asOf.getTime() - 90 * DAY);
  const clusterFrom = new Date(asOf.getTime() - (await naiveClusterWindowDays(db)) * DAY);
  return [
    {
      name: 'townships (KPIs)',
      naiveKey: 'kpis',
      path: (at) => `/api/townships?asOf=${at}&from=${from.toISOString()}`,
      naive: () => naiveTownshipCounts(db, asOf, from, asOf),
      compare: (a, n) =>
        compareTownships(a as TownshipCollection, n as Awaited<ReturnType<typeof naiveTownshipCounts>>),
    },
    {
      // the dashboard asks for two trend weeks (week on week); the oracle checks the period's KPIs
      name: 'stats summary',
      naiveKey: 'kpis',
      path: (at) => `/api/stats/summary?asOf=${at}&from=${from.toISOString()}&trendWeeks=2`,
      naive: () => naiveTownshipCounts(db, asOf, from, asOf),
      compare: (a, n) => compareSummary(a as StatsSummaryDto, n as Awaited<ReturnType<typeof naiveTownshipCounts>>),
    },
    {
      name: 'grid cells (unpatrolled, city)',
      naiveKey: 'cells',
      path: (at) => `/api/grid-cells?asOf=${at}`,
      naive: () => naiveCells(db, asOf),
      compare: (a, n) => compareCells(a as GridCellCollection, n as Awaited<ReturnType<typeof naiveCells>>),
    },
    {
      name: 'blind spots',
      naiveKey: 'blind',
      path: (at) => `/api/blind-spots?asOf=${at}`,
      naive: () => naiveBlindSpotCounts(db, asOf),
      compare: (a, n) => compareBlindSpots(a as BlindSpotsDto, n as Awaited<ReturnType<typeof naiveBlindSpotCounts>>),
    },
    {
      name: 'rebound clusters (90 days)',
      naiveKey: 'clusters',
      path: (at) => `/api/rebounds/clusters?asOf=${at}`,
      naive: () => naiveReboundClusters(db, asOf, clusterFrom, asOf),
      compare: (a, n) =>
        compareClusters(a as ReboundClustersDto, n as Awaited<ReturnType<typeof naiveReboundClusters>>),
    },
  ];
}

export async function measureOverview(ctx: OverviewContext, log: (m: string) => void): Promise<OverviewResult[]> {
  const results: OverviewResult[] = [];
  const naiveDone = new Map<string, { samples: number[]; answer: unknown }>();
  for (const e of await overviewEndpoints(ctx)) {
    let answer: unknown;
    const at = ctx.asOf.toISOString();
    const get = (when: string) => getJson(`${ctx.url}${e.path(when)}`, ctx.token);
    // computed: the first call, then as-ofs 1, 2, ... s earlier (new cache keys, nearly the same work)
    const first = await timed(async () => (answer = await get(at)));
    const http: number[] = [first];
    for (let i = 1; i < ctx.httpRuns; i++)
      http.push(await timed(() => get(new Date(ctx.asOf.getTime() - i * 1000).toISOString())));
    // cached: the first call's request again, while no write has moved the data version
    const cached: number[] = [];
    for (let i = 0; i < ctx.httpRuns; i++) cached.push(await timed(() => get(at)));
    let done = naiveDone.get(e.naiveKey);
    if (!done) {
      let first: unknown;
      const samples: number[] = [];
      for (let i = 0; i < ctx.naiveRuns; i++) {
        samples.push(
          await timed(async () => {
            const r = await e.naive();
            first ??= r;
          }),
        );
      }
      done = { samples, answer: first };
      naiveDone.set(e.naiveKey, done);
    }
    const { samples: naive, answer: naiveAnswer } = done;
    const all = e.compare(answer, naiveAnswer);
    // the first 50 are enough to see the pattern; the rest are counted
    const disagreements = all.length > 50 ? [...all.slice(0, 50), `... and ${all.length - 50} more`] : all;
    const h = figures(http);
    const c = figures(cached);
    const n = figures(naive);
    results.push({
      name: e.name,
      path: e.path(at),
      http: h,
      cached: c,
      naive: n,
      speedup: ratio(n.medianMs, h.medianMs),
      cachedSpeedup: ratio(n.medianMs, c.medianMs),
      disagreements,
    });
    log(
      `  ${e.name}: computed median ${h.medianMs} ms (first ${round(first)} ms), cached median ${c.medianMs} ms, naive median ${n.medianMs} ms, ` +
        `${disagreements.length ? `${disagreements.length} DISAGREEMENTS` : 'figures identical'}`,
    );
  }
  return results;
}
