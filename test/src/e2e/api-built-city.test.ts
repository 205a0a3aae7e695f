// A city far from the seeded one, built only the way a data officer would: an empty database,
// the first admin from `admin:create`, then the city's own files through the HTTP API in the
// README's import order (townships of a generic kind, departments, accounts by CSV naming their
// township by code, MultiPolygon grid cells, a hazard catalogue with codes like FS-12.3, venues,
// patrols, hazards imported closed without their rectification details, reference points).
// Seattle runs in America/Los_Angeles, Urumqi in Asia/Urumqi (CITY_TZ). The answers are worked
// out here from haversine distances and the cities' clocks, not read back from the database:
// rebound clusters equal a DBSCAN over haversine distances, reference matching equals a
// haversine count within 30 m, heatmap bins are squares on the ground, and days and weeks end at
// local midnight. Runs on whichever driver the suite runs on (DATABASE_URL or embedded).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cityBox,
  dbscan,
  FAR_CITIES,
  haversine,
  matchLayout,
  reboundPlaces,
  type FarCity,
  type LonLat,
} from '@svm/server/far-cities';
import { startServer, type RunningServer } from './server-process.ts';

const ADMIN = { username: 'chief', password: 'harbour lantern 9 灯塔' };
const WORKER_PASSWORD = 'patrol walker 77 巡查';
const AS_OF = '2026-11-30T12:00:00Z';

/**
 * The cities' clocks in November 2026, worked out by hand: Los Angeles is on PDT (UTC−7) until
 * 02:00 on Sunday 1 November, then PST (UTC−8); Urumqi keeps UTC+6 all year. `offset` is the
 * offset on and after 1 November; `weeks` are the local Monday midnights of the ISO weeks 44-46
 * as UTC instants (LA's week 44 is 169 hours long: the clocks went back inside it).
 */
const CLOCKS: Record<string, { offset: string; mondays: [string, string, string] }> = {
  Seattle: {
    offset: '-08:00',
    mondays: ['2026-10-26T07:00:00.000Z', '2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z'],
  },
  Urumqi: {
    offset: '+06:00',
    mondays: ['2026-10-25T18:00:00.000Z', '2026-11-01T18:00:00.000Z', '2026-11-08T18:00:00.000Z'],
  },
};

/** `pnpm admin:create` on the server's database before it first starts (the embedded folder is one process's). */
function createFirstAdmin(env: NodeJS.ProcessEnv, serverDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/admin-create.ts', '--username', ADMIN.username, '--password-stdin'],
      { cwd: serverDir, env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let said = '';
    child.stdout.on('data', (d: Buffer) => (said += d.toString()));
    child.stderr.on('data', (d: Buffer) => (said += d.toString()));
    child.stdin.end(`${ADMIN.password}\n`);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`admin:create exited ${code}:\n${said}`))));
  });
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const ring = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const feature = (geometry: object, properties: object) => ({ type: 'Feature', geometry, properties });
const collection = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });

interface CityVenue {
  externalId: string;
  at: LonLat;
}

/** Every venue of the layout, named by its external id: r-<n> rebound venues, then M, K's two and L's. */
function venuesOf(city: FarCity): CityVenue[] {
  const layout = matchLayout(city);
  return [
    ...reboundPlaces(city)
      .flat()
      .map((at, i) => ({ externalId: `r-${i + 1}`, at })),
    { externalId: 'M', at: layout.matchVenue },
    { externalId: 'K-east', at: layout.trapVenues[0]! },
    { externalId: 'K-north', at: layout.trapVenues[1]! },
    { externalId: 'L-east', at: layout.lonelyVenue },
  ];
}

describe.each(FAR_CITIES)('a city built only through the API: $name in $timeZone', (city) => {
  let server: RunningServer;
  let headers: Record<string, string>;
  const clock = CLOCKS[city.name]!;
  const local = (day: string, time: string) => `${day}T${time}${clock.offset}`;
  const venues = venuesOf(city);
  const layout = matchLayout(city);
  const references = [
    ...layout.matchPoints.map((at, i) => ({ externalId: `near-M-${i + 1}`, at })),
    { externalId: 'K', at: layout.nearestTrap },
    { externalId: 'L', at: layout.lonely },
  ];
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { headers });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = async (path: string, type: string, body: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': type },
      body,
    });
    const text = await res.text();
    expect(res.status, `POST ${path}: ${text}`).toBe(200);
    return JSON.parse(text) as { inserted: number; updated: number };
  };

  beforeAll(async () => {
    server = await startServer({
      venues: 0,
      databaseUrl: process.env.DATABASE_URL || undefined,
      env: { SEED_ON_START: 'false', CITY_TZ: city.timeZone },
      beforeStart: createFirstAdmin,
    });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...ADMIN, as: 'token' }),
    });
    expect(login.status).toBe(200);
    headers = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('starts empty: no township, no venue, and no demo account signs in', async () => {
    expect((await get<{ features: unknown[] }>('/api/townships')).features).toEqual([]);
    expect((await get<{ features: unknown[] }>('/api/venues')).features).toEqual([]);
    const demo = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'svm-demo-2026' }),
    });
    expect(demo.status).toBe(401);
  });

  it("takes the city's own files in the README's order", async () => {
    const [w, s, e, n] = cityBox(city);
    const [lon, lat] = city.centre;
    const mid = lon - 0.05;
    const code = (side: string) => `${city.name.slice(0, 3).toUpperCase()}-${side}`;
    expect(
      await post(
        '/api/import/townships',
        'application/geo+json',
        collection([
          feature(
            { type: 'MultiPolygon', coordinates: [ring(w, s, lon, n)] },
            { code: code('W'), name: `${city.name} 西区`, nameEn: `${city.name} West`, kind: 'district' },
          ),
          feature(
            { type: 'MultiPolygon', coordinates: [ring(lon, s, e, n)] },
            { code: code('E'), name: `${city.name} 东区`, nameEn: `${city.name} East`, kind: 'district' },
          ),
        ]),
      ),
    ).toMatchObject({ inserted: 2 });
    expect(
      await post(
        '/api/import/departments',
        'text/csv',
        csv([
          ['code', 'name', 'name_en'],
          ['FIRE', '消防救援', 'Fire and Rescue'],
          ['MARKET', '市场监管', 'Market Regulation'],
        ]),
      ),
    ).toMatchObject({ inserted: 2 });
    expect(
      await post(
        '/api/import/accounts',
        'text/csv',
        csv([
          ['username', 'display_name', 'role', 'township_code', 'department_code', 'password'],
          ['leader.west', 'West leader', 'township', code('W'), '', WORKER_PASSWORD],
          ['worker.west', 'West worker', 'grid_worker', code('W'), '', WORKER_PASSWORD],
          ['worker.east', 'East worker', 'grid_worker', code('E'), '', WORKER_PASSWORD],
          ['fire.officer', 'Fire officer', 'department', '', 'FIRE', WORKER_PASSWORD],
        ]),
      ),
    ).toMatchObject({ inserted: 4 });
    // W-A is two parts either side of a river 100 m wide along the centre's parallel
    const gap = 0.00045;
    expect(
      await post(
        '/api/import/grid-cells',
        'application/geo+json',
        collection([
          feature(
            { type: 'MultiPolygon', coordinates: [ring(w, s, mid, lat - gap), ring(w, lat + gap, mid, n)] },
            { code: 'W-A', name: 'West A', townshipCode: code('W'), workerUsername: 'worker.west' },
          ),
          feature(
            { type: 'Polygon', coordinates: ring(mid, s, lon, n) },
            { code: 'W-B', name: 'West B', townshipCode: code('W'), workerUsername: 'worker.west' },
          ),
          feature(
            { type: 'Polygon', coordinates: ring(lon, s, e, n) },
            { code: 'E-A', name: 'East A', townshipCode: code('E'), workerUsername: 'worker.east' },
          ),
        ]),
      ),
    ).toMatchObject({ inserted: 3 });
    expect(
      await post(
        '/api/import/hazard-types',
        'text/csv',
        csv([
          ['code', 'name', 'name_en', 'default_severity'],
          ['FS-12.3', '疏散通道堵塞', 'Escape route blocked', 'general'],
          ['A.1-b_2', '电动车室内充电', 'E-bike charged indoors', 'general'],
        ]),
      ),
    ).toMatchObject({ inserted: 2 });
    expect(
      await post(
        '/api/import/venues',
        'text/csv',
        csv([
          ['external_id', 'name', 'category', 'risk_level', 'lon', 'lat', 'registered_at'],
          ...venues.map((v) => [
            v.externalId,
            `venue ${v.externalId}`,
            'retail',
            'low',
            v.at[0],
            v.at[1],
            '2026-01-01',
          ]),
        ]),
      ),
    ).toMatchObject({ inserted: venues.length });
    expect(
      await post(
        '/api/import/patrols',
        'text/csv',
        csv([
          ['external_id', 'venue_external_id', 'worker_username', 'patrolled_at', 'result'],
          ['p-1', 'K-east', 'worker.east', local('2026-11-08', '23:30:00'), 'hazards_found'],
          ['p-2', 'K-east', 'worker.east', local('2026-11-09', '00:30:00'), 'hazards_found'],
        ]),
      ),
    ).toMatchObject({ inserted: 2 });
    // each rebound venue had the same hazard closed in June (without the rectification details a
    // historic record lacks) and again found in October; K-east had four found around midnights
    const rebounds = venues.filter((v) => v.externalId.startsWith('r-'));
    expect(
      await post(
        '/api/import/hazards',
        'text/csv',
        csv([
          ['external_id', 'venue_external_id', 'type_code', 'status', 'found_at', 'closed_at', 'fixed_on_spot'],
          ...rebounds.flatMap((v) => [
            [
              `${v.externalId}-june`,
              v.externalId,
              'FS-12.3',
              'closed',
              '2026-06-01T10:00:00Z',
              '2026-06-10T10:00:00Z',
              'false',
            ],
            [`${v.externalId}-october`, v.externalId, 'FS-12.3', 'open', '2026-10-15T16:00:00Z', '', 'false'],
          ]),
          ['sunday-late', 'K-east', 'A.1-b_2', 'open', local('2026-11-01', '23:30:00'), '', 'false'],
          ['monday-early', 'K-east', 'A.1-b_2', 'open', local('2026-11-02', '00:30:00'), '', 'false'],
          ['day-late', 'K-east', 'A.1-b_2', 'open', local('2026-11-08', '23:30:00'), '', 'false'],
          ['next-day-early', 'K-east', 'A.1-b_2', 'open', local('2026-11-09', '00:30:00'), '', 'false'],
        ]),
      ),
    ).toMatchObject({ inserted: rebounds.length * 2 + 4 });
    expect(
      await post(
        '/api/import/reference-points',
        'application/geo+json',
        collection(
          references.map((r) =>
            feature(
              { type: 'Point', coordinates: r.at },
              { source: 'osm', externalId: r.externalId, category: 'shop' },
            ),
          ),
        ),
      ),
    ).toMatchObject({ inserted: references.length });
  });

  it('clusters the rebounds exactly as a DBSCAN over haversine distances (300 m, 3 points)', async () => {
    const expected = dbscan(
      venues.filter((v) => v.externalId.startsWith('r-')).map((v) => ({ id: v.externalId, at: v.at })),
      300,
      3,
    );
    // g1, g3's first three, g4's first three and g6's square; g2, g5 and the two 310 m strays are noise
    expect(expected.map((c) => c.length)).toEqual([3, 3, 3, 4]);
    const page = await get<{ features: { properties: { id: number; externalId: string | null } }[] }>(
      `/api/venues?asOf=${AS_OF}&limit=1000`,
    );
    expect(page.features).toHaveLength(venues.length);
    const external = new Map(page.features.map((v) => [v.properties.id, v.properties.externalId]));
    const clusters = await get<{ features: { properties: { venueIds: number[] } }[] }>(
      `/api/rebounds/clusters?asOf=${AS_OF}`,
    );
    const found = clusters.features.map((c) => c.properties.venueIds.map((id) => external.get(id)!));
    const byPlace = (ids: string[]) => ids.map((id) => Number(id.slice(2))).sort((a, b) => a - b);
    expect(found.map(byPlace).sort((a, b) => a[0]! - b[0]!)).toEqual(expected.map(byPlace));
  });

  it('matches reference points to venues within 30 m exactly as a haversine count', async () => {
    const nearest = (at: LonLat) => Math.min(...venues.map((v) => haversine(at, v.at)));
    const unmatched = references.filter((r) => nearest(r.at) > 30);
    // the three 32 m points, K and L
    expect(unmatched.map((r) => r.externalId)).toEqual(['near-M-5', 'near-M-6', 'near-M-7', 'K', 'L']);
    const body = await get<{
      counts: { unmatchedReferencePoints: number };
      unmatchedReferencePoints: { features: { properties: { externalId: string; nearestVenueM: number | null } }[] };
    }>(`/api/blind-spots?asOf=${AS_OF}`);
    expect(body.counts.unmatchedReferencePoints).toBe(5);
    const got = body.unmatchedReferencePoints.features.map((f) => f.properties);
    expect(got.map((p) => p.externalId).sort()).toEqual(unmatched.map((r) => r.externalId).sort());
    for (const p of got) {
      const d = nearest(references.find((r) => r.externalId === p.externalId)!.at);
      if (d > 1000) expect(p.nearestVenueM, p.externalId).toBeNull();
      else expect(Math.abs(p.nearestVenueM! - d) / d, p.externalId).toBeLessThan(0.005);
    }
  });

  it('draws heatmap bins that are squares on the ground (edges within 1 %)', async () => {
    const body = await get<{
      binSizeM: number;
      features: { geometry: { coordinates: LonLat[][] }; properties: { venues: number } }[];
    }>(`/api/heatmap/risk?bbox=${cityBox(city).join(',')}&zoom=12&asOf=${AS_OF}`);
    expect(body.binSizeM).toBe(250);
    expect(body.features.reduce((sum, b) => sum + b.properties.venues, 0)).toBe(venues.length);
    for (const bin of body.features) {
      const corners = bin.geometry.coordinates[0]!;
      const edges = [0, 1, 2, 3].map((k) => haversine(corners[k]!, corners[k + 1]!));
      for (const edge of edges) expect(Math.abs(edge / 250 - 1)).toBeLessThan(0.01);
      expect(Math.abs(haversine(corners[0]!, corners[2]!) / (250 * Math.SQRT2) - 1)).toBeLessThan(0.01);
    }
  });

  it('ends days and weeks at local midnight: bare dates are days in the city', async () => {
    type Summary = {
      from: string;
      to: string;
      kpis: { closure: { found: number } };
      trend: { week: string; from: string; to: string; closure: { found: number } }[];
    };
    // 8 November alone: the hazard found at 23:30 that evening, not the one at 00:30 the next morning
    const day = await get<Summary>(`/api/stats/summary?from=2026-11-08&to=2026-11-09&asOf=${AS_OF}`);
    expect([day.from, day.to]).toEqual([
      new Date(`${local('2026-11-08', '00:00:00')}`).toISOString(),
      clock.mondays[2],
    ]);
    expect(day.kpis.closure.found).toBe(1);
    // weeks 44 and 45: Sunday 23:30 ends week 44, Monday 00:30 begins week 45
    const weeks = await get<Summary>(`/api/stats/summary?from=2026-10-26&to=2026-11-09&asOf=${AS_OF}`);
    expect(weeks.trend.map((w) => [w.week, w.from, w.to, w.closure.found])).toEqual([
      ['2026-W44', clock.mondays[0], clock.mondays[1], 1],
      ['2026-W45', clock.mondays[1], clock.mondays[2], 2],
    ]);
  });
});
