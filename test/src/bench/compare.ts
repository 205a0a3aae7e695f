// Figure-by-figure comparison of the overview endpoints' answers with the naive oracles:
// each function returns the list of disagreements ("path: endpoint 12, naive 13"), empty when
// every figure agrees. Shared by the benchmark (which reports them loudly) and the oracle test.
import type {
  BlindSpotsDto,
  GridCellCollection,
  Kpis,
  ReboundClustersDto,
  StatsSummaryDto,
  TownshipCollection,
} from '@svm/contract';
import type { NaiveBlindSpotCounts, NaiveCellRow, NaiveClusterRow, NaiveTownshipRow } from './naive.queries.ts';

type Counts = Omit<NaiveTownshipRow, 'township_id' | 'provisional'>;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
// the DTO states mean days to two decimals
const meanDays = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

function sum(rows: readonly NaiveTownshipRow[]): Counts {
  const total: Record<string, number> = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row))
      if (k !== 'township_id' && typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  }
  return total as unknown as Counts;
}

/** The KPIs DESIGN.md defines, from naive counts (several townships' counts are summed first). */
export function naiveKpis(rows: readonly NaiveTownshipRow[], provisional: boolean): Kpis {
  const c = sum(rows);
  const n = (v: number | undefined) => v ?? 0;
  return {
    venues: {
      active: n(c.active),
      registered: n(c.registered),
      foundUnregistered: n(c.found_unregistered),
      overdue: n(c.overdue),
      misgraded: n(c.misgraded),
    },
    patrolCompliance: share(n(c.active) - n(c.overdue), n(c.active)),
    cells: { total: n(c.cells_total), unpatrolled: n(c.cells_unpatrolled) },
    hazards: { open: n(c.hazards_open), overdue: n(c.hazards_overdue) },
    closure: { found: n(c.found), closed: n(c.found_closed), rate: share(n(c.found_closed), n(c.found)) },
    rebound: {
      closed: n(c.cohort_closed),
      rebounded: n(c.cohort_rebounded),
      rate: share(n(c.cohort_rebounded), n(c.cohort_closed)),
      provisional,
    },
    acceptanceDelays: (['territorial', 'industry', 'special'] as const).map((party) => ({
      party,
      signOffs: n(c[`${party}_signoffs`]),
      meanDays: meanDays(n(c[`${party}_days`]), n(c[`${party}_signoffs`])),
      waiting: n(c[`${party}_waiting`]),
    })),
    skipped: { overdue: n(c.overdue_skipped), waiting: n(c.waiting_skipped), signOffs: n(c.signoffs_skipped) },
  };
}

/** Every leaf of `expected` against the same path in `actual`; numbers agree to 1e-9 relative. */
export function differences(path: string, actual: unknown, expected: unknown, out: string[] = []): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      out.push(`${path}: endpoint ${actual}, naive ${expected}`);
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      out.push(`${path}: endpoint ${JSON.stringify(actual)}, naive an object`);
    else
      for (const [k, v] of Object.entries(expected))
        differences(`${path}.${k}`, (actual as Record<string, unknown>)[k], v, out);
  } else if (actual !== expected) {
    out.push(`${path}: endpoint ${JSON.stringify(actual)}, naive ${JSON.stringify(expected)}`);
  }
  return out;
}

export function compareTownships(answer: TownshipCollection, naive: readonly NaiveTownshipRow[]): string[] {
  const out: string[] = [];
  if (answer.features.length !== naive.length)
    out.push(`townships: endpoint ${answer.features.length} townships, naive ${naive.length}`);
  for (const row of naive) {
    const f = answer.features.find((x) => x.properties.id === row.township_id);
    if (!f) {
      out.push(`townships[${row.township_id}]: missing from the endpoint`);
      continue;
    }
    const p = f.properties;
    differences(`townships[${row.township_id}].venueCount`, p.venueCount, row.active, out);
    differences(`townships[${row.township_id}].gridCellCount`, p.gridCellCount, row.cells_total, out);
    differences(`townships[${row.township_id}].kpis`, p.kpis, naiveKpis([row], row.provisional), out);
  }
  return out;
}

export function compareSummary(answer: StatsSummaryDto, naive: readonly NaiveTownshipRow[]): string[] {
  return differences('summary.kpis', answer.kpis, naiveKpis(naive, naive[0]?.provisional ?? false));
}

export function compareCells(answer: GridCellCollection, naive: readonly NaiveCellRow[]): string[] {
  const out: string[] = [];
  if (answer.features.length !== naive.length)
    out.push(`grid cells: endpoint ${answer.features.length}, naive ${naive.length}`);
  const byId = new Map(answer.features.map((f) => [Number(f.properties.id), f.properties]));
  for (const c of naive) {
    const p = byId.get(c.id);
    if (!p) {
      out.push(`cells[${c.id}]: missing from the endpoint`);
      continue;
    }
    differences(
      `cells[${c.id}]`,
      {
        townshipId: p.townshipId,
        lastPatrolAt: p.lastPatrolAt && new Date(p.lastPatrolAt).getTime(),
        daysSincePatrol: p.daysSincePatrol,
        unpatrolled: p.unpatrolled,
        venueCount: p.venueCount,
        overdueVenueCount: p.overdueVenueCount,
        overdueShare: p.overdueShare,
      },
      {
        townshipId: c.township_id,
        lastPatrolAt: c.last_patrol_at && new Date(c.last_patrol_at).getTime(),
        daysSincePatrol: c.days_since_patrol,
        unpatrolled: c.unpatrolled,
        venueCount: c.venues,
        overdueVenueCount: c.overdue_venues,
        overdueShare: c.venues === 0 ? 0 : c.overdue_venues / c.venues,
      },
      out,
    );
  }
  return out;
}

export function compareBlindSpots(answer: BlindSpotsDto, naive: NaiveBlindSpotCounts): string[] {
  const out = differences('blindSpots.counts', answer.counts, {
    cellsWithoutWorker: naive.cells_without_worker,
    unregisteredVenues: naive.unregistered_venues,
    unmatchedReferencePoints: naive.unmatched_reference_points,
    unpatrolledCells: naive.unpatrolled_cells,
    misgradedVenues: naive.misgraded_venues,
  });
  // the lists agree with their counts
  const lists: [string, number, number][] = [
    ['cellsWithoutWorker', answer.cellsWithoutWorker.features.length, answer.counts.cellsWithoutWorker],
    ['unpatrolledCells', answer.unpatrolledCells.features.length, answer.counts.unpatrolledCells],
    ['misgradedVenues', answer.misgradedVenues.features.length, answer.counts.misgradedVenues],
    [
      'unmatchedReferencePoints',
      answer.unmatchedReferencePoints.features.length,
      answer.counts.unmatchedReferencePoints,
    ],
  ];
  for (const [name, listed, counted] of lists)
    if (listed !== counted) out.push(`blindSpots.${name}: ${listed} listed, ${counted} counted`);
  return out;
}

export function compareClusters(answer: ReboundClustersDto, naive: readonly NaiveClusterRow[]): string[] {
  const key = (ids: readonly number[]) =>
    [...ids]
      .map(Number)
      .sort((a, b) => a - b)
      .join(',');
  const got = answer.features.map((f) => key(f.properties.hazardIds)).sort();
  const want = naive.map((c) => key(c.hazard_ids)).sort();
  const out: string[] = [];
  if (got.length !== want.length) out.push(`rebound clusters: endpoint ${got.length}, naive ${want.length}`);
  const missing = want.filter((k) => !got.includes(k));
  if (missing.length)
    out.push(
      `rebound clusters: ${missing.length} naive clusters have no identical endpoint cluster (first: ${missing[0]})`,
    );
  return out;
}
