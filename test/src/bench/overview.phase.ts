// Measurement 2 (and the overview half of 3): each overview endpoint through the HTTP API
// against its naive full-scan baseline, which is also the correctness oracle: the endpoint's
// figures are compared one by one with the naive ones, and every disagreement is returned.
import type { Queryable } from '@svm/db';
import type { BlindSpotsDto, GridCellCollection, ReboundClustersDto, StatsSummaryDto, TownshipCollection } from '@svm/server/contract';
import { getJson } from './bench-server.ts';
import { compareBlindSpots, compareCells, compareClusters, compareSummary, compareTownships } from './compare.ts';
import { figures, ratio, round, timed, type Figures } from './measure.ts';
import { naiveBlindSpotCounts, naiveCells, naiveClusterWindowDays, naiveReboundClusters, naiveTownshipCounts } from './naive.queries.ts';

export interface OverviewResult {
  name: string;
  path: string;
  http: Figures;
  naive: Figures;
  /** naive median over the endpoint's (target ≥ 20) */
  speedup: number | null;
  /** figure-by-figure disagreements with the oracle (empty: identical) */
  disagreements: string[];
}

interface Endpoint {
  name: string;
  path: string;
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
  /** timed runs of each endpoint (after one warm-up) and of each naive query (its first run gives the oracle's answer) */
  httpRuns: number;
  naiveRuns: number;
}

const DAY = 86_400_000;

export async function overviewEndpoints(ctx: OverviewContext): Promise<Endpoint[]> {
  const { db, asOf } = ctx;
  const at = asOf.toISOString();
  const from = new Date(asOf.getTime() - 90 * DAY);
  const clusterFrom = new Date(asOf.getTime() - (await naiveClusterWindowDays(db)) * DAY);
  return [
    {
      name: 'townships (KPIs)', naiveKey: 'kpis', path: `/api/townships?asOf=${at}&from=${from.toISOString()}`,
      naive: () => naiveTownshipCounts(db, asOf, from, asOf),
      compare: (a, n) => compareTownships(a as TownshipCollection, n as Awaited<ReturnType<typeof naiveTownshipCounts>>),
    },
    {
      // the dashboard asks for two trend weeks (week on week); the oracle checks the period's KPIs
      name: 'stats summary', naiveKey: 'kpis', path: `/api/stats/summary?asOf=${at}&from=${from.toISOString()}&trendWeeks=2`,
      naive: () => naiveTownshipCounts(db, asOf, from, asOf),
      compare: (a, n) => compareSummary(a as StatsSummaryDto, n as Awaited<ReturnType<typeof naiveTownshipCounts>>),
    },
    {
      name: 'grid cells (unpatrolled, city)', naiveKey: 'cells', path: `/api/grid-cells?asOf=${at}`,
      naive: () => naiveCells(db, asOf),
      compare: (a, n) => compareCells(a as GridCellCollection, n as Awaited<ReturnType<typeof naiveCells>>),
    },
    {
      name: 'blind spots', naiveKey: 'blind', path: `/api/blind-spots?asOf=${at}`,
      naive: () => naiveBlindSpotCounts(db, asOf),
      compare: (a, n) => compareBlindSpots(a as BlindSpotsDto, n as Awaited<ReturnType<typeof naiveBlindSpotCounts>>),
    },
    {
      name: 'rebound clusters (90 days)', naiveKey: 'clusters', path: `/api/rebounds/clusters?asOf=${at}`,
      naive: () => naiveReboundClusters(db, asOf, clusterFrom, asOf),
      compare: (a, n) => compareClusters(a as ReboundClustersDto, n as Awaited<ReturnType<typeof naiveReboundClusters>>),
    },
  ];
}

export async function measureOverview(ctx: OverviewContext, log: (m: string) => void): Promise<OverviewResult[]> {
  const results: OverviewResult[] = [];
  const naiveDone = new Map<string, { samples: number[]; answer: unknown }>();
  for (const e of await overviewEndpoints(ctx)) {
    let answer: unknown;
    const warm = await timed(async () => (answer = await getJson(`${ctx.url}${e.path}`, ctx.token)));
    // a first call over 5 s is its own sample (a warm cache cannot save seconds, and the run has a time budget)
    const http: number[] = warm > 5000 ? [warm] : [];
    while (http.length < ctx.httpRuns) http.push(await timed(() => getJson(`${ctx.url}${e.path}`, ctx.token)));
    let done = naiveDone.get(e.naiveKey);
    if (!done) {
      let first: unknown;
      const samples: number[] = [];
      for (let i = 0; i < ctx.naiveRuns; i++) {
        samples.push(await timed(async () => {
          const r = await e.naive();
          first ??= r;
        }));
      }
      done = { samples, answer: first };
      naiveDone.set(e.naiveKey, done);
    }
    const { samples: naive, answer: naiveAnswer } = done;
    const all = e.compare(answer, naiveAnswer);
    // the first 50 are enough to see the pattern; the rest are counted
    const disagreements = all.length > 50 ? [...all.slice(0, 50), `... and ${all.length - 50} more`] : all;
    const h = figures(http);
    const n = figures(naive);
    results.push({ name: e.name, path: e.path, http: h, naive: n, speedup: ratio(n.medianMs, h.medianMs), disagreements });
    log(`  ${e.name}: http median ${h.medianMs} ms (first ${round(warm)} ms), naive median ${n.medianMs} ms, ` +
      `${disagreements.length ? `${disagreements.length} DISAGREEMENTS` : 'figures identical'}`);
  }
  return results;
}
