// The leak matrix's rows: for every documented GET route, the requests to make on the leak city
// and what a response shows (ids by kind, and figures worked out by hand in leak-fixture.ts).
// scope-leak.test.ts fails when a documented GET route has no row here.
/* eslint-disable @typescript-eslint/no-explicit-any -- the rows walk the parsed JSON of 28 different
   routes by hand; each access is exercised by the matrix test, which fails when a shape moves */
import { AS_OF, type LeakFixture } from './leak-fixture.ts';
import { tileOf } from '../tiles.ts';

/** What one response shows, by kind of thing. */
export interface Seen {
  venues: number[];
  hazards: number[];
  cells: number[];
  townships: number[];
  refs: number[];
}
export const nothingSeen = (): Seen => ({ venues: [], hazards: [], cells: [], townships: [], refs: [] });

/** A parsed response: JSON, CSV rows, or each tile layer's decoded feature ids. */
export type Body =
  { type: 'json'; value: any } | { type: 'csv'; rows: string[][] } | { type: 'tile'; layers: Record<string, number[]> };

interface Scoped {
  kind: 'scoped';
  urls: (f: LeakFixture) => string[];
  seen: (body: Body) => Partial<Seen>;
  /** a department account is refused (grid cells and blind spots are territorial) */
  territorial?: true;
  /** figures of the first URL's answer, worked out by hand for the city, township A and the catering department */
  figures?: { of: (body: Body) => number[]; city: number[]; a: number[]; food?: number[] };
}
interface Unscoped {
  kind: 'unscoped';
  /** why the answer does not depend on the jurisdiction */
  why: string;
  /** requests to make (none: not requested here, e.g. an endless event stream) */
  urls: (f: LeakFixture) => string[];
}
interface AdminOnly {
  kind: 'admin';
  /** why only an admin account may read it: every caller of the matrix (township, department, city) is refused with 403 */
  why: string;
  urls: (f: LeakFixture) => string[];
}
export type Entry = Scoped | Unscoped | AdminOnly;

const json = (b: Body): any => (b.type === 'json' ? b.value : {});
const ids = (xs: { id: number }[] | undefined) => (xs ?? []).map((x) => x.id);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const q = `asOf=${AS_OF}`;
// every venue of the leak city lies in these three z12 tiles (x 3424..3426)
const tiles = (f: LeakFixture) =>
  [...new Set(f.venues.map((v) => JSON.stringify(tileOf(v.lon, v.lat, 12))))].map(
    (t) => JSON.parse(t) as { z: number; x: number; y: number },
  );
const BBOX = '120.9,29.9,121.3,30.2';

export const MATRIX: Record<string, Entry> = {
  '/api/townships': {
    kind: 'scoped',
    urls: () => [`/api/townships?${q}`],
    seen: (b) => ({ townships: ids(json(b).features) }),
    // active venues counted: A has 3, B 4; the catering department's are A-餐饮, B-餐饮, B-远郊
    figures: {
      of: (b) => [sum(json(b).features.map((x: any) => x.properties.venueCount))],
      city: [7],
      a: [3],
      food: [3],
    },
  },
  '/api/grid-cells': {
    kind: 'scoped',
    territorial: true,
    urls: () => [`/api/grid-cells?${q}`],
    seen: (b) => ({
      cells: ids(json(b).features),
      townships: json(b).features.map((x: any) => x.properties.townshipId),
    }),
  },
  '/api/grid-cells/{id}': {
    kind: 'scoped',
    territorial: true,
    urls: (f) => [...f.a.cells, ...f.b.cells].map((id) => `/api/grid-cells/${id}?${q}`),
    seen: (b) => {
      const d = json(b);
      return {
        cells: d.cell ? [d.cell.id] : [],
        venues: [...(d.patrols ?? []).map((p: any) => p.venue.id), ...ids(d.overdueVenues)],
      };
    },
  },
  '/api/context/streets': {
    kind: 'unscoped',
    why: 'streets are public geography',
    urls: () => [`/api/context/streets?bbox=${BBOX}`],
  },
  '/api/venues': {
    kind: 'scoped',
    urls: () => [`/api/venues?${q}&limit=500`, `/api/venues?${q}&q=${encodeURIComponent('餐饮')}`],
    seen: (b) => ({
      venues: ids(json(b).features),
      townships: json(b).features.map((x: any) => x.properties.townshipId),
    }),
  },
  '/api/venues/{id}': {
    kind: 'scoped',
    urls: (f) => f.venues.map((v) => `/api/venues/${v.id}?${q}`),
    seen: (b) => ({ venues: json(b).venue ? [json(b).venue.id] : [], hazards: ids(json(b).hazards) }),
  },
  '/api/hazards': {
    kind: 'scoped',
    urls: () => [`/api/hazards?${q}&limit=500`, `/api/hazards?${q}&party=industry`],
    seen: (b) => {
      const items: any[] = json(b).items ?? [];
      return {
        hazards: ids(items),
        venues: items.map((i) => i.venue.id),
        townships: items.map((i) => i.township?.id).filter(Boolean),
      };
    },
  },
  '/api/stats/summary': {
    kind: 'scoped',
    urls: () => [`/api/stats/summary?${q}&from=2026-11-01T00:00:00Z`],
    seen: (b) => ({ townships: json(b).townshipId ? [json(b).townshipId] : [] }),
    // active venues, open hazards (A: 3 rebounds + 1 rectified; B: 2 rebounds, 1 rectified, 1 at B-远郊),
    // misgraded (the e-bike shops, and the two catering venues pushed to medium by their open rebounds)
    figures: {
      of: (b) => [json(b).kpis.venues.active, json(b).kpis.hazards.open, json(b).kpis.venues.misgraded],
      city: [7, 8, 4],
      a: [3, 4, 2],
      food: [3, 6, 2],
    },
  },
  '/api/export/hazards.csv': {
    kind: 'scoped',
    urls: () => [`/api/export/hazards.csv?${q}`],
    seen: (b) =>
      // columns: hazard id, external id, venue id, ...
      b.type === 'csv' ? { hazards: b.rows.map((r) => Number(r[0])), venues: b.rows.map((r) => Number(r[2])) } : {},
    // A: the catering chain (4) and the rectified e-bike hazard; B: its chain (3), e-bike and far hazards
    figures: { of: (b) => [b.type === 'csv' ? b.rows.length : -1], city: [10], a: [5], food: [8] },
  },
  '/api/export/hazards.geojson': {
    kind: 'scoped',
    urls: () => [`/api/export/hazards.geojson?${q}`],
    seen: (b) => ({
      hazards: ids(json(b).features),
      venues: (json(b).features ?? []).map((x: any) => x.properties.venue.id),
    }),
  },
  '/api/export/venues.csv': {
    kind: 'scoped',
    urls: () => [`/api/export/venues.csv?${q}`],
    seen: (b) =>
      // columns: venue id, external id, name, ..., township id (the 11th)
      b.type === 'csv' ? { venues: b.rows.map((r) => Number(r[0])), townships: b.rows.map((r) => Number(r[10])) } : {},
    figures: { of: (b) => [b.type === 'csv' ? b.rows.length : -1], city: [7], a: [3], food: [3] },
  },
  '/api/export/venues.geojson': {
    kind: 'scoped',
    urls: () => [`/api/export/venues.geojson?${q}`],
    seen: (b) => ({ venues: ids(json(b).features) }),
  },
  '/api/rebounds/clusters': {
    kind: 'scoped',
    urls: () => [`/api/rebounds/clusters?${q}`],
    seen: (b) => {
      const ps: any[] = (json(b).features ?? []).map((x: any) => x.properties);
      return {
        hazards: ps.flatMap((p) => p.hazardIds),
        venues: ps.flatMap((p) => p.venueIds),
        townships: ps.flatMap((p) => ids(p.townships)),
      };
    },
    // the city's one cluster straddles the border (3 rebounds in A, 2 in B); township A clusters
    // only its own 3, which still make a cluster; the catering department sees all 5
    figures: {
      of: (b) => (json(b).features ?? []).map((x: any) => x.properties.memberCount),
      city: [5],
      a: [3],
      food: [5],
    },
  },
  '/api/rebounds/stats': {
    kind: 'scoped',
    urls: () => [`/api/rebounds/stats?${q}&from=2026-07-01T00:00:00Z`],
    seen: (b) => ({ townships: (json(b).byTownship ?? []).map((r: any) => r.townshipId) }),
    // closed in the period: each township's on-the-spot fix at its catering venue (both rebounded)
    figures: { of: (b) => [sum((json(b).periods ?? []).map((p: any) => p.closed))], city: [2], a: [1], food: [2] },
  },
  '/api/blind-spots': {
    kind: 'scoped',
    territorial: true,
    urls: () => [`/api/blind-spots?${q}`],
    seen: (b) => {
      const d = json(b);
      const fs = (k: string): any[] => d[k]?.features ?? [];
      return {
        townships: [...fs('coverageGaps'), ...fs('unregisteredDensity'), ...fs('unpatrolledCells')].map(
          (x) => x.properties.townshipId,
        ),
        cells: [...ids(fs('cellsWithoutWorker')), ...ids(fs('unregisteredDensity')), ...ids(fs('unpatrolledCells'))],
        refs: ids(fs('unmatchedReferencePoints')),
        venues: ids(fs('misgradedVenues')),
      };
    },
    // coverage gaps (B's eastern half), cells without a worker (LK-B-1), unmatched reference points, misgraded venues
    figures: {
      of: (b) => {
        const c = json(b).counts ?? {};
        return [c.coverageGaps, c.cellsWithoutWorker, c.unmatchedReferencePoints, c.misgradedVenues];
      },
      city: [1, 1, 2, 4],
      a: [0, 0, 1, 2],
    },
  },
  '/api/heatmap/risk': {
    kind: 'scoped',
    urls: () => [`/api/heatmap/risk?bbox=${BBOX}&zoom=12&${q}`],
    seen: () => ({}),
    // the venues and open hazards weighed into the bins: the same counts as the KPIs
    figures: {
      of: (b) => {
        const ps = (json(b).features ?? []).map((x: any) => x.properties);
        return [sum(ps.map((p: any) => p.venues)), sum(ps.map((p: any) => p.openHazards))];
      },
      city: [7, 8],
      a: [3, 4],
      food: [3, 6],
    },
  },
  '/api/tiles/{layer}/{z}/{x}/{y}.mvt': {
    kind: 'scoped',
    urls: (f) =>
      tiles(f).flatMap((t) => ['venues', 'hazards'].map((l) => `/api/tiles/${l}/${t.z}/${t.x}/${t.y}.mvt?${q}`)),
    seen: (b) => (b.type === 'tile' ? { venues: b.layers['venues'] ?? [], hazards: b.layers['hazards'] ?? [] } : {}),
  },
  '/api/tiles/grid-cells': {
    // not a documented path of its own: the grid-cells layer of the tile route, refused to departments
    kind: 'scoped',
    territorial: true,
    urls: (f) => tiles(f).map((t) => `/api/tiles/grid-cells/${t.z}/${t.x}/${t.y}.mvt?${q}`),
    seen: (b) => (b.type === 'tile' ? { cells: b.layers['grid-cells'] ?? [] } : {}),
  },
  '/api/events/recent': {
    kind: 'scoped',
    urls: () => ['/api/events/recent?limit=100'],
    seen: (b) => {
      const es: any[] = json(b).events ?? [];
      return {
        venues: es.map((e) => e.venue?.id).filter(Boolean),
        townships: es.map((e) => e.townshipId).filter(Boolean),
      };
    },
    // one audit row per patrol: two in A (one of them catering), two in B (one catering)
    figures: { of: (b) => [(json(b).events ?? []).length], city: [4], a: [2], food: [2] },
  },
  '/api/events': {
    kind: 'unscoped',
    urls: () => [],
    why: 'an endless event stream: scope-sse.test.ts replays it on the same city as each caller',
  },
  '/api/health': { kind: 'unscoped', why: 'database status only', urls: () => ['/api/health'] },
  '/api/config': {
    kind: 'unscoped',
    why: "the deployment's settings for drawing the map (basemap style), the same for every account",
    urls: () => ['/api/config'],
  },
  '/api/openapi.json': { kind: 'unscoped', why: 'the API description', urls: () => ['/api/openapi.json'] },
  '/api/policy': {
    kind: 'unscoped',
    why: 'the city-wide patrol policy every account works to',
    urls: () => ['/api/policy'],
  },
  '/api/grading-rules': { kind: 'unscoped', why: 'the city-wide grading standard', urls: () => ['/api/grading-rules'] },
  '/api/hazard-types': {
    kind: 'unscoped',
    why: "the city's hazard catalogue: codes and names, no venue or hazard, the same for every account",
    urls: () => ['/api/hazard-types', '/api/hazard-types?retired=false&q=exit'],
  },
  '/api/departments': {
    kind: 'unscoped',
    why: "the city's industry departments: codes, names, the categories each signs off and a count of accounts; no venue or hazard, the same for every account",
    urls: () => ['/api/departments'],
  },
  '/api/auth/me': { kind: 'unscoped', why: 'describes the caller only', urls: () => ['/api/auth/me'] },
  '/api/auth/users': {
    kind: 'admin',
    why: "every township's accounts, their cells and phones: for administrators, not for jurisdictions",
    urls: () => [
      '/api/auth/users',
      `/api/auth/users?q=${encodeURIComponent('网格')}`,
      '/api/auth/users?role=grid_worker',
    ],
  },
  '/api/import/reports/{id}.csv': {
    kind: 'admin',
    why: "a refused import's every error, quoting the file: for the admin account that sent it (another admin gets 404)",
    // imports are an admin's, so no caller of the matrix can hold a report: the refusal comes before
    // the id is looked up and is the same for any id (csv-imports.test.ts asks for a real one)
    urls: () => ['/api/import/reports/00000000-0000-4000-8000-000000000000.csv'],
  },
  '/api/import/jobs/{id}': {
    kind: 'admin',
    why: "an import job's progress and answer (a refusal quotes the file): for the admin accounts, its sender among them",
    // refused before the id is looked up, the same for any id (import-jobs.test.ts reads a real one)
    urls: () => ['/api/import/jobs/00000000-0000-4000-8000-000000000000'],
  },
  '/api/auth/display-tokens': {
    kind: 'unscoped',
    why: "an admin list of wall display tokens; who may list them is the write-authority matrix's",
    urls: () => ['/api/auth/display-tokens'],
  },
};
