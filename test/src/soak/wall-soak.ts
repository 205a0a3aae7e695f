// Soak benchmark of the wall display (a script, not a CI test): runs /wall in headless Chromium
// for a set time while patrols and hazards arrive through the API every few seconds, samples the
// JS heap (after a forced GC) and the DOM every minute, and prints growth per hour after warm-up.
// Each sample is taken settled: writes pause a few seconds first (so no refetch is in flight,
// holding an old and a new copy of a layer's data at once) and the map must have drawn and stopped
// moving; what is measured is then the heap the wall retains, not the transient of the moment.
// The heap follows the tour (a rebound-cluster stop holds more than a township's), so with
// --at-stop N it samples each time the tour arrives at stop N instead: every sample then shows the
// same view, and what is left between them is growth.
//   pnpm --filter @svm/test soak -- --minutes 30 [--warmup 5] [--every 4] [--sample 60 | --at-stop 0] [--hold 20] [--venues 2000] [--url http://…]
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../browser.ts';
import { startServer, type RunningServer } from '../e2e/server-process.ts';
import { wallUrl } from '../e2e/sign-in.ts';
import { findTargets, writePatrol } from './api-writer.ts';
import { growthPerHour, type Sample } from './growth.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    minutes: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    every: { type: 'string', default: '4' },
    sample: { type: 'string', default: '60' },
    venues: { type: 'string', default: '2000' },
    hold: { type: 'string', default: '20' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
    url: { type: 'string' },
    // seconds without writes before a sample (0: sample whenever the minute is up, unsettled)
    settle: { type: 'string', default: '5' },
    // sample on each arrival at this tour stop rather than every --sample seconds
    'at-stop': { type: 'string' },
  },
});
const minutes = Number(args.minutes);
const warmupMin = Number(args.warmup);
const everyMs = Number(args.every) * 1000;
const sampleMs = Number(args.sample) * 1000;
const settleMs = Number(args.settle) * 1000;
const atStop = args['at-stop'] === undefined ? null : String(Number(args['at-stop']));
const HAZARDS = ['blocked_exit', 'no_extinguisher', 'unsafe_wiring', 'indoor_ebike_charging', 'no_emergency_light'];

const started = Date.now();
const elapsedMin = () => (Date.now() - started) / 60_000;
let server: RunningServer | null = null;
const url =
  args.url ??
  (server = await startServer({ venues: Number(args.venues), databaseUrl: process.env.DATABASE_URL || undefined })).url;
console.log(
  `server ${url} ready after ${elapsedMin().toFixed(1)} min; soaking /wall for ${minutes} min (warm-up ${warmupMin} min)`,
);
const browser = await launchChromium();
let writes = 0;
let writeErrors = 0;
const pageErrors: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: Number(args.width), height: Number(args.height) } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(wallUrl(url, `hold=${args.hold}`));
  await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
    timeout: 180_000,
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const targets = await findTargets(url, 20);

  const soakStart = Date.now();
  const t = () => (Date.now() - soakStart) / 1000;
  let paused = false;
  const writer = setInterval(() => {
    if (paused) return;
    const target = targets[writes % targets.length]!;
    const hazard = writes % 3 === 0 ? HAZARDS[(writes / 3) % HAZARDS.length] : undefined;
    writes++;
    writePatrol(url, target, hazard).catch((err: unknown) => {
      writeErrors++;
      if (writeErrors <= 3) console.error(`write failed: ${String(err)}`);
    });
  }, everyMs);

  const samples: Sample[] = [];
  const settle = async () => {
    if (settleMs <= 0) return;
    paused = true;
    await new Promise((r) => setTimeout(r, settleMs));
    // drawn with complete data and not flying between tour stops
    await page
      .waitForFunction(
        () => {
          const w = window as unknown as { __mapReady?: boolean; __map?: { isMoving: () => boolean } };
          return w.__mapReady === true && w.__map?.isMoving() === false;
        },
        undefined,
        { timeout: 60_000, polling: 200 },
      )
      .catch(() => console.error('sampled unsettled: the map was not ready within 60 s'));
  };
  const sample = async () => {
    await settle();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const page2 = await page.evaluate(() => ({
      canvases: document.querySelectorAll('canvas').length,
      tickerRows: document.querySelectorAll('.wall-event').length,
      status: document.querySelector('.wall-badge')?.getAttribute('data-status') ?? null,
      stop: document.querySelector('.wall')?.getAttribute('data-stop') ?? null,
    }));
    const s: Sample = {
      tSec: Math.round(t()),
      heapUsedMB: heap.usedSize / 2 ** 20,
      heapTotalMB: heap.totalSize / 2 ** 20,
      domNodes: dom.nodes,
      listeners: dom.jsEventListeners,
      ...page2,
      writes,
    };
    paused = false;
    samples.push(s);
    console.log(
      [
        `${(s.tSec / 60).toFixed(1).padStart(5)} min`,
        `heap ${s.heapUsedMB.toFixed(2).padStart(7)} MB`,
        `DOM ${String(s.domNodes).padStart(5)} nodes`,
        `listeners ${String(s.listeners).padStart(4)}`,
        `canvases ${s.canvases}`,
        `ticker ${s.tickerRows}`,
        `link ${s.status}`,
        `stop ${s.stop}`,
        `writes ${writes}`,
      ].join(' | '),
    );
  };
  await sample();
  const currentStop = () => page.evaluate(() => document.querySelector('.wall')?.getAttribute('data-stop') ?? null);
  let lastStop = await currentStop();
  while (t() < minutes * 60) {
    if (atStop === null) {
      await new Promise((r) => setTimeout(r, Math.min(sampleMs, minutes * 60_000 - t() * 1000)));
      await sample();
      continue;
    }
    await new Promise((r) => setTimeout(r, 250));
    const stop = await currentStop();
    if (stop === atStop && lastStop !== atStop) await sample();
    lastStop = stop;
  }
  clearInterval(writer);

  const after = samples.filter((s) => s.tSec >= warmupMin * 60);
  const heap = growthPerHour(after, (s) => s.heapUsedMB);
  const dom = growthPerHour(after, (s) => s.domNodes);
  const summary = {
    startedAt: new Date(soakStart).toISOString(),
    minutes,
    warmupMinutes: warmupMin,
    writeEverySeconds: everyMs / 1000,
    viewport: `${args.width}x${args.height}`,
    holdSeconds: Number(args.hold),
    writes,
    writeErrors,
    pageErrors,
    sampledWhen: atStop === null ? `every ${sampleMs / 1000} s` : `each arrival at tour stop ${atStop}`,
    sampling:
      settleMs > 0
        ? `settled: writes paused ${settleMs / 1000} s, map drawn and still, two forced GCs, then Runtime.getHeapUsage`
        : 'unsettled: two forced GCs, then Runtime.getHeapUsage',
    heapGrowthPerHour: heap,
    domGrowthPerHour: dom,
    samples,
  };
  console.log(`\nafter ${warmupMin} min warm-up (${after.length} samples, ${summary.sampling}):`);
  console.log(
    `  JS heap: ${heap.first.toFixed(2)} → ${heap.last.toFixed(2)} MB; least-squares ${heap.perHour.toFixed(3)} MB/h = ${heap.percentPerHour.toFixed(2)} %/h`,
  );
  console.log(
    `           half means ${heap.firstHalfMean.toFixed(2)} → ${heap.secondHalfMean.toFixed(2)} MB: ${heap.halvesPerHour.toFixed(3)} MB/h = ${heap.halvesPercentPerHour.toFixed(2)} %/h`,
  );
  console.log(
    `  DOM nodes: ${dom.first} → ${dom.last}; least-squares ${dom.perHour.toFixed(1)} nodes/h = ${dom.percentPerHour.toFixed(2)} %/h`,
  );
  console.log(
    `           half means ${dom.firstHalfMean.toFixed(0)} → ${dom.secondHalfMean.toFixed(0)}: ${dom.halvesPerHour.toFixed(1)} nodes/h = ${dom.halvesPercentPerHour.toFixed(2)} %/h`,
  );
  console.log(`  writes ${writes} (${writeErrors} failed), page errors ${pageErrors.length}`);
  const dir = fileURLToPath(new URL('../../soak-results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}wall-soak-${new Date(soakStart).toISOString().slice(0, 16).replace(/[:T]/g, '')}-${minutes}min.json`;
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`  written to ${file}`);
} finally {
  await browser.close();
  await server?.stop();
}
