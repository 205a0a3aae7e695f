// Hand-written, contract-shaped answers for the panels' tests, and a fetch that serves them by path.
import type {
  GridCellCollection,
  GridCellProperties,
  Kpis,
  StatsSummaryDto,
  TownshipCollection,
  WeekKpis,
} from '@svm/contract';
import { vi } from 'vitest';

export function kpis(
  over: Partial<{
    compliance: number;
    unpatrolled: number;
    open: number;
    overdue: number;
    rebound: number;
    misgraded: number;
    unregistered: number;
  }> = {},
): Kpis {
  return {
    venues: {
      active: 1000,
      registered: 960,
      foundUnregistered: over.unregistered ?? 40,
      overdue: 80,
      misgraded: over.misgraded ?? 12,
    },
    patrolCompliance: over.compliance ?? 0.92,
    cells: { total: 100, unpatrolled: over.unpatrolled ?? 7 },
    hazards: { open: over.open ?? 150, overdue: over.overdue ?? 30 },
    closure: { found: 200, closed: 150, rate: 0.75 },
    rebound: { closed: 150, rebounded: 6, rate: over.rebound ?? 0.04, provisional: true },
    acceptanceDelays: [
      { party: 'territorial', signOffs: 40, meanDays: 2.1, waiting: 3 },
      { party: 'industry', signOffs: 30, meanDays: 9.5, waiting: 17 },
      { party: 'special', signOffs: 35, meanDays: 3, waiting: 5 },
    ],
    skipped: { overdue: 0, waiting: 0, signOffs: 0 },
  };
}

const week = (name: string, k: Kpis): WeekKpis => ({
  ...k,
  week: name,
  from: '2026-11-09',
  to: '2026-11-16',
  asOf: '2026-11-16',
});

/** This week against last: compliance 90 % → 92 %, unpatrolled 9 → 7, open 140 → 150, overdue 30 → 30. */
export const citySummary: StatsSummaryDto = {
  asOf: '2026-11-18T00:00:00Z',
  from: '2026-08-20T00:00:00Z',
  to: '2026-11-18T00:00:00Z',
  townshipId: null,
  kpis: kpis(),
  trend: [
    week(
      '2026-W46',
      kpis({ compliance: 0.9, unpatrolled: 9, open: 140, overdue: 30, rebound: 0.05, misgraded: 12, unregistered: 38 }),
    ),
    week('2026-W47', kpis()),
  ],
};

export function cell(
  id: number,
  name: string,
  worker: string | null,
  daysSincePatrol: number | null,
  overdueShare: number,
): GridCellProperties {
  return {
    id: id as GridCellProperties['id'],
    code: `C${id}`,
    name,
    townshipId: 3 as GridCellProperties['townshipId'],
    workerName: worker,
    worker: worker ? { id, name: worker } : null,
    lastPatrolAt: daysSincePatrol === null ? null : '2026-11-10T02:00:00Z',
    daysSincePatrol,
    unpatrolled: daysSincePatrol === null || daysSincePatrol > 7,
    venueCount: 20,
    overdueVenueCount: Math.round(overdueShare * 20),
    overdueShare,
  };
}

export const townshipCells: GridCellCollection = {
  type: 'FeatureCollection',
  asOf: '2026-11-18T00:00:00Z',
  features: [
    cell(1, '东湖一网格', '王芳', 2, 0.5),
    cell(2, '东湖二网格', '李强', 12, 0.1),
    cell(3, '东湖三网格', '赵敏', 1, 0.05),
    cell(4, '东湖四网格', '陈刚', 9, 0.0),
  ].map((p) => ({
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'MultiPolygon' as const, coordinates: [] },
    properties: p,
  })),
};

export const townships: TownshipCollection = {
  type: 'FeatureCollection',
  period: { asOf: '2026-11-18T00:00:00Z', from: '2026-08-20T00:00:00Z', to: '2026-11-18T00:00:00Z' },
  features: [
    {
      type: 'Feature',
      id: 3,
      geometry: { type: 'MultiPolygon', coordinates: [] },
      properties: {
        id: 3 as TownshipCollection['features'][number]['properties']['id'],
        code: 'T3',
        name: '东湖街道',
        nameEn: 'Donghu',
        kind: 'subdistrict',
        venueCount: 1000,
        gridCellCount: 4,
        labelPoint: [121.55, 29.85],
        kpis: kpis(),
      },
    },
  ],
};

type Route = unknown | ((url: URL) => Response);

/** Stubs fetch with answers by path; a path not listed answers 404 like the server would. */
export function mockFetch(routes: Record<string, Route>) {
  const fetchMock = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input), 'http://localhost');
    const route = routes[url.pathname];
    if (typeof route === 'function') return route(url);
    if (route === undefined) return problem(404, 'Not Found', `no route ${url.pathname}`);
    return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
