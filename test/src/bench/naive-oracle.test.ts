// The naive oracles against the overview endpoints on a small seeded city: the same figures,
// one by one, for the township KPIs, the city summary, every grid cell's patrol status, the
// blind-spot counts and the 90-day rebound clusters. The benchmark runs the same comparisons at
// city scale; this keeps them honest in CI on both drivers.
//
// It runs on a database of its own (not the worker's shared one): in full PostgreSQL runs it
// twice hung until the timeout while it takes 3 s alone, so whatever the worker's other test
// files leave behind (sessions, locks, statistics) is kept out of its way.
import { afterAll, describe, expect, it } from 'vitest';
import { databaseInfo } from '@svm/db';
import { seedCity } from '@svm/db/seed';
import { committedDatabase } from '@svm/db/testing';
import { createApp } from '@svm/server';
import type {
  BlindSpotsDto,
  GridCellCollection,
  ReboundClustersDto,
  StatsSummaryDto,
  TownshipCollection,
} from '@svm/contract';
import { compareBlindSpots, compareCells, compareClusters, compareSummary, compareTownships } from './compare.ts';
import {
  naiveBlindSpotCounts,
  naiveCells,
  naiveClusterWindowDays,
  naiveReboundClusters,
  naiveTownshipCounts,
} from './naive.queries.ts';

const fresh = await committedDatabase();
afterAll(() => fresh.drop());
// read outside any transaction: PGlite has one connection
const info = await databaseInfo(fresh.db);
const asOf = new Date('2026-06-30T00:00:00Z');
const from = new Date(asOf.getTime() - 90 * 86_400_000);
const q = `asOf=${asOf.toISOString()}`;

const cityReader = {
  userId: null,
  name: 'oracle',
  role: 'city' as const,
  scope: { kind: 'city' as const },
  readOnly: true,
};

describe('the naive oracles agree with the overview endpoints on a seeded city', () => {
  it('gives identical figures for townships, summary, grid cells, blind spots and rebound clusters', async () => {
    // should it hang again: after 45 s, say what every session of its database is doing and waiting for
    const db = fresh.db;
    const watchdog =
      db.driver === 'pg'
        ? setTimeout(() => {
            db.query(
              `SELECT a.pid, a.state, a.wait_event_type, a.wait_event, now() - a.xact_start AS in_xact, left(a.query, 160) AS query,
                       (SELECT string_agg(l.locktype || ':' || coalesce(l.relation::regclass::text, '') || ':' || l.mode, ', ')
                          FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted) AS waiting_for
                  FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
            ).then(
              (rows) =>
                console.error('naive-oracle still running after 45 s; sessions:', JSON.stringify(rows, null, 1)),
              () => {},
            );
          }, 45_000)
        : null;
    const step = (name: string, t0: number) => console.log(`naive-oracle: ${name} ${Date.now() - t0} ms`);
    try {
      // the database is dropped afterwards: nothing to roll back
      await db.transaction(async (tx) => {
        const t0 = Date.now();
        // 800 venues over a year: enough for overdue venues, unpatrolled cells, rebounds and pending sign-offs
        await seedCity(tx, { seed: 7, venues: 800, years: 1, referenceDate: asOf });
        // Statistics of the rows just written (ANALYZE sees this transaction's own rows; rolled back
        // with it). Without them the planner keeps whatever the worker's earlier tests left behind,
        // and a full-scan oracle planned for empty tables can run for minutes.
        await tx.query('ANALYZE');
        step('seeded and analysed', t0);
        const app = createApp({ db: tx, info, logError: () => {}, resolveCaller: async () => cityReader });
        const get = async <T>(path: string): Promise<T> => {
          const res = await app.request(path);
          expect(res.status, path).toBe(200);
          return (await res.json()) as T;
        };

        const counts = await naiveTownshipCounts(tx, asOf, from, asOf);
        // the fixture must exercise the figures, or agreement proves nothing
        const total = (k: keyof (typeof counts)[number]) => counts.reduce((s, r) => s + Number(r[k]), 0);
        expect(total('active')).toBeGreaterThan(700);
        expect(total('overdue')).toBeGreaterThan(0);
        expect(total('cells_unpatrolled')).toBeGreaterThan(0);
        expect(total('misgraded')).toBeGreaterThan(0);
        expect(total('hazards_open')).toBeGreaterThan(0);
        expect(total('cohort_closed')).toBeGreaterThan(0);
        expect(total('territorial_signoffs')).toBeGreaterThan(0);

        step('naive KPIs', t0);
        const townships = await get<TownshipCollection>(`/api/townships?${q}&from=${from.toISOString()}`);
        expect(compareTownships(townships, counts)).toEqual([]);

        const summary = await get<StatsSummaryDto>(`/api/stats/summary?${q}&from=${from.toISOString()}&trendWeeks=0`);
        expect(compareSummary(summary, counts)).toEqual([]);

        step('townships and summary', t0);
        const cells = await get<GridCellCollection>(`/api/grid-cells?${q}`);
        expect(compareCells(cells, await naiveCells(tx, asOf))).toEqual([]);

        // Every found-unregistered venue counts, also one standing in a coverage gap (outside every
        // cell), which the endpoint once left out. The seeded city has none there: one more, placed
        // on the largest gap (committed nowhere: the transaction rolls back).
        const [gapVenue] = await tx.query<{ cell: number | null }>(
          `
          INSERT INTO venues (name, category, risk_level, registration, registered_at, geom)
          SELECT 'in a gap', 'retail', 'low', 'found_unregistered', $1::timestamptz - interval '30 days', ST_PointOnSurface(d.geom)
            FROM townships t, ST_Dump(ST_Difference(t.geom, (SELECT ST_Union(c.geom, 1e-7) FROM grid_cells c WHERE c.township_id = t.id), 1e-7)) d
           ORDER BY ST_Area(d.geom) DESC LIMIT 1
          RETURNING grid_cell_id AS cell`,
          [asOf],
        );
        expect(gapVenue).toEqual({ cell: null });
        step('grid cells', t0);
        const blind = await get<BlindSpotsDto>(`/api/blind-spots?${q}`);
        const blindNaive = await naiveBlindSpotCounts(tx, asOf);
        expect(blindNaive.unpatrolled_cells).toBeGreaterThan(0);
        expect(compareBlindSpots(blind, blindNaive)).toEqual([]);

        step('blind spots', t0);
        const days = await naiveClusterWindowDays(tx);
        const clusters = await get<ReboundClustersDto>(`/api/rebounds/clusters?${q}`);
        const naiveClusters = await naiveReboundClusters(tx, asOf, new Date(asOf.getTime() - days * 86_400_000), asOf);
        expect(compareClusters(clusters, naiveClusters)).toEqual([]);
        step('all compared', t0);
      });
    } finally {
      if (watchdog) clearTimeout(watchdog);
    }
  }, 300_000);

  it('reports a disagreement when a figure differs', async () => {
    // the comparison itself must be able to fail: one changed count is named with both values
    const row = {
      township_id: 1,
      registered: 3,
      found_unregistered: 1,
      active: 4,
      overdue: 1,
      misgraded: 0,
      cells_total: 2,
      cells_unpatrolled: 1,
      hazards_open: 2,
      hazards_overdue: 1,
      found: 2,
      found_closed: 1,
      cohort_closed: 1,
      cohort_rebounded: 0,
      provisional: true,
      territorial_signoffs: 1,
      territorial_days: 2,
      territorial_waiting: 0,
      industry_signoffs: 0,
      industry_days: 0,
      industry_waiting: 1,
      special_signoffs: 0,
      special_days: 0,
      special_waiting: 0,
      overdue_skipped: 0,
      waiting_skipped: 0,
      signoffs_skipped: 0,
    };
    const { naiveKpis } = await import('./compare.ts');
    const answer = {
      kpis: { ...naiveKpis([row], true), hazards: { open: 3, overdue: 1 } },
    } as unknown as StatsSummaryDto;
    expect(compareSummary(answer, [row])).toEqual(['summary.kpis.hazards.open: endpoint 3, naive 2']);
  });
});
