// `pnpm bench`: the city-scale benchmark (issue 7). Starts or reuses the persistent PostGIS
// cluster and its two seeded cities, runs the real server on each, measures tiles, overview
// endpoints (against their naive oracles), scaling, writes, payload and the front end, prints a
// table and writes bench/results/latest.json, a dated copy and results.md.
//   pnpm bench [-- --quick] [--skip writes,frontend,payload] [--cities city20k] [--tiles 200]   (BENCH_PG_DIR, BENCH_PG_PORT: the cluster)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '@svm/db';
import { BENCH_PASSWORD, REFERENCE_DATE, ensureCity, ensureCluster, type CitySpec } from './cluster.ts';
import { bearerToken, getRaw, startBenchServer } from './bench-server.ts';
import { measureFrontEnd } from './frontend.phase.ts';
import { figures, ratio, round, timed } from './measure.ts';
import { measureOverview } from './overview.phase.ts';
import { judge, markdown, textTable, type BenchResults, type CityResults } from './report.ts';
import { cityTiles, type Tile } from './tile-set.ts';
import { TILE_LAYERS, measurePayload, measureTiles } from './tiles.phase.ts';
import { measureWrites } from './writes.phase.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    cities: { type: 'string', default: '' },
    tiles: { type: 'string', default: '200' },
  },
});
const skip = new Set(values.skip.split(',').filter(Boolean));
const SEED = 20_261_130;
const CITIES: CitySpec[] = [
  { name: 'city20k', venues: 20_000, years: 2, seed: SEED },
  { name: 'city200k', venues: 200_000, years: 2, seed: SEED },
].filter((c) => !values.cities || values.cities.split(',').includes(c.name));
const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

const started = Date.now();
const startedAt = new Date();
const loadStart = loadavg();
const phases: { name: string; seconds: number }[] = [];
const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  log(`${name} ...`);
  const result = await fn();
  const seconds = round((Date.now() - t) / 1000, 1);
  phases.push({ name, seconds });
  log(`${name}: ${seconds} s`);
  return result;
}

// a failed extra phase is reported in the results rather than losing the whole run
const failures: string[] = [];
async function attempt<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await phase(name, fn);
  } catch (err) {
    const message = `${name} failed: ${err instanceof Error ? err.message.slice(0, 500) : String(err)}`;
    failures.push(message);
    log(message);
    return null;
  }
}

const cluster = ensureCluster();
log(`cluster on 127.0.0.1:${cluster.port} in ${cluster.dir}`);
const reused = new Map<string, boolean>();
for (const spec of CITIES) {
  const how = await phase(`city ${spec.name}`, () => ensureCity(cluster, spec, log));
  reused.set(spec.name, how === 'reused');
  log(`${spec.name}: ${how === 'reused' ? 'reused (marker matches)' : 'seeded now'}`);
}

const cities: CityResults[] = [];
let payload: BenchResults['payload'] = [];
let writes: BenchResults['writes'] = null;
const frontEnd: BenchResults['frontEnd'] = [];
let postgres = '';
let bigTiles: Tile[] = [];
// the big city first: its figures are the ones judged, while the machine is freshest
for (const spec of [...CITIES].reverse()) {
  const url = cluster.urlOf(spec.name);
  const db: Db = await openDatabase({ driver: 'pg', url, poolSize: 4, statementTimeoutMs: 0 });
  const server = await startBenchServer(url);
  try {
    postgres ||= (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]!.v;
    const [size] = await db.query<{ patrols: number; hazards: number }>(
      'SELECT (SELECT count(*) FROM patrols)::int AS patrols, (SELECT count(*) FROM hazards)::int AS hazards',
    );
    const token = await bearerToken(server.url, 'city', BENCH_PASSWORD);
    const tiles = await cityTiles(db, SEED, values.quick ? 40 : Number(values.tiles));
    log(
      `${spec.name}: ${tiles.length} tiles (${[10, 12, 14].map((z) => `z${z} ${tiles.filter((t) => t.z === z).length}`).join(', ')})`,
    );
    const ctx = { url: server.url, token, db, asOf: REFERENCE_DATE };
    const tileResults = [];
    for (const layer of TILE_LAYERS) {
      const r = await phase(`${spec.name} tiles ${layer}`, () => measureTiles(ctx, layer, tiles));
      log(
        `  ${layer}: http median ${r.http.medianMs} ms vs bare ${r.bare.medianMs} ms (x${r.medianRatio}); c=4 ${r.httpC4.perSecond}/s vs ${r.bareC4.perSecond}/s`,
      );
      tileResults.push(r);
    }
    // the floor under every figure above: one authenticated HTTP request doing one trivial query
    // (GET /api/auth/me) against that query run bare, so the tiles' ratios can be read against it
    const floor = await phase(`${spec.name} http floor`, async () => {
      const [user] = await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'city'");
      const http: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < 200; i++) {
        http.push(await timed(() => getRaw(`${server.url}/api/auth/me`, token)));
        bare.push(await timed(() => db.query('SELECT username FROM users WHERE id = $1', [user!.id])));
      }
      return { http: figures(http.slice(20)), bare: figures(bare.slice(20)) };
    });
    log(`  http floor: GET /api/auth/me median ${floor.http.medianMs} ms vs its query bare ${floor.bare.medianMs} ms`);
    const big = spec.venues === Math.max(...CITIES.map((c) => c.venues));
    const overview = await phase(`${spec.name} overview`, () =>
      measureOverview(
        {
          ...ctx,
          httpRuns: values.quick ? 2 : big ? 3 : 5,
          naiveRuns: values.quick || big ? 1 : 2,
        },
        log,
      ),
    );
    cities.push({
      name: spec.name,
      venues: spec.venues,
      patrols: size!.patrols,
      hazards: size!.hazards,
      reused: reused.get(spec.name)!,
      tiles: tileResults,
      overview,
      floor,
    });
    // the dashboard on each city, so its figures can be read relative to each other (software rendering)
    if (!skip.has('frontend')) {
      const result = await attempt(`${spec.name} front end`, () => measureFrontEnd(server.url, 'city', BENCH_PASSWORD));
      frontEnd.push({ city: spec.name, result: result ?? { skipped: failures.at(-1) ?? 'failed' } });
    }
    if (big) bigTiles = tiles;
    writeResults(false);
  } finally {
    await server.stop();
    await db.close();
  }
}

// the latency figures are the core of the run: saved now, in case a later phase does not finish
writeResults(false);
log('core figures written to bench/results/');

// payload and writes on the big city, after every city's latency figures are in
const bigSpec = CITIES.reduce((a, b) => (b.venues > a.venues ? b : a));
if (['payload', 'writes'].some((k) => !skip.has(k))) {
  const url = cluster.urlOf(bigSpec.name);
  const db: Db = await openDatabase({ driver: 'pg', url, poolSize: 4, statementTimeoutMs: 0 });
  const server = await startBenchServer(url);
  try {
    const token = await bearerToken(server.url, 'city', BENCH_PASSWORD);
    const ctx = { url: server.url, token, db, asOf: REFERENCE_DATE };
    if (!skip.has('payload')) {
      // the z12 and z14 tiles of the set (z10 venue tiles are empty by design)
      const sample = bigTiles.filter((t) => t.z >= 12).slice(0, values.quick ? 10 : 80);
      payload =
        (await attempt('payload', async () =>
          Promise.all(TILE_LAYERS.map((layer) => measurePayload(ctx, layer, sample))),
        )) ?? [];
    }
    if (!skip.has('writes')) {
      const admin = await bearerToken(server.url, 'admin', BENCH_PASSWORD);
      writes = await attempt('writes', () => measureWrites(server.url, admin, db, REFERENCE_DATE, log));
    }
  } finally {
    await server.stop();
    await db.close();
  }
}

const results = writeResults(true);
log(`done in ${round((Date.now() - started) / 60000, 1)} min; results in bench/results/`);
if (results.disagreements > 0) process.exitCode = 1;
if (results.disagreements > 0) process.exitCode = 1;

function writeResults(final: boolean): BenchResults {
  const [small, large] = [cities.find((c) => c.name === 'city20k'), cities.find((c) => c.name === 'city200k')];
  const scaling: BenchResults['scaling'] = [];
  if (small && large) {
    for (const t of large.tiles) {
      const s = small.tiles.find((x) => x.layer === t.layer)!;
      scaling.push({
        request: `tiles ${t.layer} (HTTP)`,
        median20kMs: s.http.medianMs,
        median200kMs: t.http.medianMs,
        ratio: ratio(t.http.medianMs, s.http.medianMs),
      });
      for (const z of Object.keys(t.byZoom)) {
        const a = s.byZoom[z];
        const b = t.byZoom[z]!;
        if (a)
          scaling.push({
            request: `tiles ${t.layer} ${z} (HTTP)`,
            median20kMs: a.http.medianMs,
            median200kMs: b.http.medianMs,
            ratio: ratio(b.http.medianMs, a.http.medianMs),
          });
      }
    }
    for (const o of large.overview) {
      const s = small.overview.find((x) => x.name === o.name)!;
      scaling.push({
        request: o.name,
        median20kMs: s.http.medianMs,
        median200kMs: o.http.medianMs,
        ratio: ratio(o.http.medianMs, s.http.medianMs),
      });
    }
  }

  const partial: Omit<BenchResults, 'targets'> = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    referenceDate: REFERENCE_DATE.toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      loadAverageStart: loadStart.map((x) => round(x)),
      loadAverageEnd: loadavg().map((x) => round(x)),
      node: process.version,
      postgres,
    },
    phases,
    failures,
    cities,
    scaling,
    payload,
    writes,
    frontEnd,
    disagreements: cities.reduce((n, c) => n + c.overview.reduce((m, o) => m + o.disagreements.length, 0), 0),
  };
  const results: BenchResults = { ...partial, targets: judge(partial) };
  if (final) console.log(`\n${textTable(results)}`);
  for (const c of final ? cities : []) {
    for (const o of c.overview) {
      if (o.disagreements.length) {
        console.error(
          `\n!!! ${c.name} ${o.name}: the endpoint DISAGREES with its naive oracle on ${o.disagreements.length} figures:`,
        );
        for (const d of o.disagreements.slice(0, 20)) console.error(`    ${d}`);
      }
    }
  }
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(`${resultsDir}latest.json`, json);
  writeFileSync(`${resultsDir}${startedAt.toISOString().slice(0, 10)}.json`, json);
  writeFileSync(`${resultsDir}results.md`, markdown(results));
  return results;
}
