// Import rates (issue 13): a city built from nothing through every import, in the README's order,
// with realistic files (20,000 venues, 50,000 patrols, 38,000 hazards …), each sent as a job
// (Prefer: respond-async) to the real app and polled until it ends. Prints rows/s per import on the
// embedded database, or on PostgreSQL when DATABASE_URL is set (test/scripts/with-postgis.sh).
//   pnpm --filter @svm/test import-rates [--scale 1]
//   test/scripts/with-postgis.sh pnpm --filter @svm/test import-rates
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseInfo, migrate, openDatabase, type Db } from '@svm/db';
import { createApp } from '@svm/server';
import type { ImportJob } from '@svm/contract';
import { prng } from './measure.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const SCALE = Number(values.scale);
const n = (rows: number) => Math.max(1, Math.round(rows * SCALE));
/** DATABASE_URL with another database name. */
const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
const log = (m: string) => console.log(`[import-rates] ${m}`);

const rnd = prng(20_261_208);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

// The city: 10 × 10 townships of 0.05° (about 5 × 5.5 km) south of Ningbo, each tiled by 4 × 5 grid cells.
const WEST = 121.3;
const SOUTH = 29.6;
const T = 0.05;
const TOWNSHIPS = 10;
const CELLS_X = 4;
const CELLS_Y = 5;
const REFERENCE = Date.parse('2026-11-30T00:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const code = (i: number, j: number) => `T${String(i).padStart(2, '0')}${String(j).padStart(2, '0')}`;
const square = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const featureCollection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const csv = (header: string, lines: string[]) => `${header}\n${lines.join('\n')}\n`;
/** A point well inside the city (never on a township edge). */
const inCity = (): [number, number] => {
  const cell = (x: number) => Math.floor(x) + 0.02 + (x - Math.floor(x)) * 0.96;
  return [round6(WEST + cell(rnd() * TOWNSHIPS) * T), round6(SOUTH + cell(rnd() * TOWNSHIPS) * T)];
};

interface File {
  kind: string;
  type: string;
  rows: number;
  body: string;
}

function files(): File[] {
  const townships: unknown[] = [];
  const cells: unknown[] = [];
  const workers: string[] = [];
  for (let i = 0; i < TOWNSHIPS; i++)
    for (let j = 0; j < TOWNSHIPS; j++) {
      const [w, s] = [WEST + i * T, SOUTH + j * T];
      townships.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: square(round6(w), round6(s), round6(w + T), round6(s + T)) },
        properties: {
          code: code(i, j),
          name: `镇${i}-${j}`,
          nameEn: `Town ${i}-${j}`,
          kind: i < 3 ? 'subdistrict' : 'town',
        },
      });
      for (let x = 0; x < CELLS_X; x++)
        for (let y = 0; y < CELLS_Y; y++) {
          const [cw, cs] = [w + (x * T) / CELLS_X, s + (y * T) / CELLS_Y];
          const worker = `gw.${code(i, j)}.${x}${y}`.toLowerCase();
          workers.push(worker);
          cells.push({
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: square(round6(cw), round6(cs), round6(cw + T / CELLS_X), round6(cs + T / CELLS_Y)),
            },
            properties: {
              code: `${code(i, j)}-${x}${y}`,
              name: `网格${x}${y}`,
              townshipCode: code(i, j),
              workerUsername: worker,
            },
          });
        }
    }
  const types = Array.from({ length: n(400) }, (_, i) => `FS-${Math.floor(i / 20)}.${i % 20}`);
  const categories = ['catering', 'retail', 'repair', 'ebike', 'entertainment', 'warehouse', 'workshop', 'lodging'];
  const accounts = workers.map(
    (u) =>
      `${u},网格员${u.slice(3)},grid_worker,${u.slice(3, 8).toUpperCase()},,1380000${String((rnd() * 1e4) | 0).padStart(4, '0')}`,
  );
  const refs = Array.from({ length: n(10_000) }, (_, i) => {
    const [lon, lat] = inCity();
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        source: 'osm',
        externalId: `node/${1_000_000 + i}`,
        name: `参考点${i}`,
        category: pick(categories),
      },
    };
  });
  const venueCount = n(20_000);
  const venueRegistered: number[] = [];
  const venues = Array.from({ length: venueCount }, (_, i) => {
    const [lon, lat] = inCity();
    const registered = REFERENCE - (400 + Math.floor(rnd() * 1500)) * DAY;
    venueRegistered.push(registered);
    const risk = pick(['high', 'medium', 'low', 'low', 'low']);
    return [
      `V-${i}`,
      i % 7 === 0 ? `"小店 ${i}, 分店"` : `小店${i}`,
      `中山路${i % 500}号`,
      pick(categories),
      risk,
      String(1 + Math.floor(rnd() * 200)),
      String(20 + Math.floor(rnd() * 800)),
      String(rnd() < 0.1),
      lon,
      lat,
      iso(registered),
    ].join(',');
  });
  const patrols = Array.from({ length: n(50_000) }, (_, i) => {
    const v = Math.floor(rnd() * venueCount);
    const at = REFERENCE - Math.floor(rnd() * 365 * DAY);
    return `P-${i},V-${v},${pick(workers)},${iso(at)},${rnd() < 0.9 ? 'ok' : 'hazards_found'},${i % 9 === 0 ? '复查' : ''}`;
  });
  const rectified: { id: string; at: number }[] = [];
  const hazards = Array.from({ length: n(38_306) }, (_, i) => {
    const found = REFERENCE - (5 + Math.floor(rnd() * 360)) * DAY;
    const u = rnd();
    const status = u < 0.35 ? 'open' : u < 0.55 ? 'rectifying' : u < 0.75 ? 'rectified' : 'closed';
    const spot = status === 'closed' && rnd() < 0.4;
    const person = status === 'open' || spot ? '' : `负责人${i % 997}`;
    const rectifiedAt = found + (1 + Math.floor(rnd() * 20)) * DAY;
    if (status === 'rectified') rectified.push({ id: `H-${i}`, at: rectifiedAt });
    return [
      `H-${i}`,
      `V-${Math.floor(rnd() * venueCount)}`,
      pick(types),
      status,
      iso(found),
      i % 5 === 0 ? `"检查发现, 第${i}项"` : '',
      String(spot),
      person,
      person ? `1380000${String(i % 10_000).padStart(4, '0')}` : '',
      person ? iso(found + 14 * DAY) : '',
      status === 'rectified' || (status === 'closed' && !spot) ? iso(rectifiedAt) : '',
      status === 'closed' ? iso(spot ? found : rectifiedAt + 2 * DAY) : '',
    ].join(',');
  });
  // the sign-offs of the rectified hazards: territorial and industry, and special for a third
  const acceptances: string[] = [];
  for (const h of rectified) {
    const parties = acceptances.length % 3 === 0 ? ['territorial', 'industry', 'special'] : ['territorial', 'industry'];
    for (const party of parties)
      acceptances.push(`A-${acceptances.length},${h.id},${party},${rnd() < 0.9},${iso(h.at + DAY)},验收人,`);
  }
  return [
    { kind: 'townships', type: 'application/geo+json', rows: townships.length, body: featureCollection(townships) },
    {
      kind: 'hazard-types',
      type: 'text/csv',
      rows: types.length,
      body: csv(
        'code,name,name_en,default_severity,categories,retired',
        types.map(
          (t, i) =>
            `${t},隐患类型${t},Hazard ${t},${i % 4 ? 'general' : 'major'},${i % 3 ? '' : 'catering;retail'},false`,
        ),
      ),
    },
    {
      kind: 'accounts',
      type: 'text/csv',
      rows: accounts.length,
      body: csv('username,display_name,role,township_code,department_code,phone', accounts),
    },
    { kind: 'grid-cells', type: 'application/geo+json', rows: cells.length, body: featureCollection(cells) },
    { kind: 'reference-points', type: 'application/geo+json', rows: refs.length, body: featureCollection(refs) },
    {
      kind: 'venues',
      type: 'text/csv',
      rows: venues.length,
      body: csv(
        'external_id,name,address,category,risk_level,occupancy,floor_area_m2,indoor_ebike_charging,lon,lat,registered_at',
        venues,
      ),
    },
    {
      kind: 'patrols',
      type: 'text/csv',
      rows: patrols.length,
      body: csv('external_id,venue_external_id,worker_username,patrolled_at,result,note', patrols),
    },
    {
      kind: 'hazards',
      type: 'text/csv',
      rows: hazards.length,
      body: csv(
        'external_id,venue_external_id,type_code,status,found_at,description,fixed_on_spot,responsible_person,responsible_phone,deadline,rectified_at,closed_at',
        hazards,
      ),
    },
    {
      kind: 'acceptances',
      type: 'text/csv',
      rows: acceptances.length,
      body: csv('external_id,hazard_external_id,party,passed,at,signed_by,note', acceptances),
    },
  ];
}

/** An empty migrated database: the embedded one in a temporary folder, or a new one on DATABASE_URL's server. */
async function emptyDatabase(): Promise<{ db: Db; done: () => Promise<void>; where: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = 'svm_import_rates';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await openDatabase({ driver: 'pg', url: withDatabase(url, name), poolSize: 4, statementTimeoutMs: 0 });
    await migrate(db);
    return {
      db,
      where: 'PostgreSQL (DATABASE_URL)',
      done: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'svm-import-rates-'));
  const db = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'pglite'), statementTimeoutMs: 0 });
  await migrate(db);
  return {
    db,
    where: 'embedded PGlite (data folder on disk)',
    done: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const { db, done, where } = await emptyDatabase();
try {
  const info = await databaseInfo(db);
  const [admin] = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role) VALUES ('bench.admin', '基准管理员', 'admin') RETURNING id`,
  );
  const caller = {
    userId: admin!.id,
    name: '基准管理员',
    role: 'admin' as const,
    scope: { kind: 'city' as const },
    readOnly: false,
  };
  const app = createApp({ db, info, logError: (m, err) => console.error(m, err), resolveCaller: async () => caller });
  log(`${where}: PostgreSQL ${info.postgres}, PostGIS ${info.postgis}; building the files …`);
  const table: string[] = [];
  for (const f of files()) {
    const mb = Buffer.byteLength(f.body) / 1024 / 1024;
    const t = performance.now();
    const res = await app.request(`/api/import/${f.kind}`, {
      method: 'POST',
      headers: { 'Content-Type': f.type, Prefer: 'respond-async' },
      body: f.body,
    });
    if (res.status !== 202) throw new Error(`${f.kind}: ${res.status} ${await res.text()}`);
    const location = res.headers.get('location')!;
    let job: ImportJob;
    const phases: string[] = [];
    for (;;) {
      job = (await (await app.request(location)).json()) as ImportJob;
      if (job.phase && phases.at(-1) !== job.phase) phases.push(job.phase);
      if (job.state === 'succeeded' || job.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t) / 1000;
    if (job.state === 'failed') throw new Error(`${f.kind} failed: ${JSON.stringify(job.problem).slice(0, 1500)}`);
    const row = [
      f.kind.padEnd(17),
      String(f.rows).padStart(7),
      mb.toFixed(2).padStart(7),
      seconds.toFixed(2).padStart(8),
      String(Math.round(f.rows / seconds)).padStart(8),
      ` ${JSON.stringify(job.result)}  (${phases.join(' → ')})`,
    ].join(' |');
    log(row);
    table.push(row);
  }
  console.log(`\nImport rates on ${where}, ${info.postgres}; each file one job, timed from POST to its end:`);
  console.log(`${'kind'.padEnd(17)} |   rows |     MB |  seconds |   rows/s | answer (phases seen)`);
  for (const row of table) console.log(row);
} finally {
  await done();
}
