// Leak hunt for the wall display (a diagnostic script, not a CI test): runs /wall like the soak
// does, but with a fast tour and frequent writes so a per-stop or per-event leak shows within
// minutes, and takes three heap snapshots (after forced GCs, each at the tour's first stop).
// Prints the constructors whose retained count/size grew, and the objects allocated between
// snapshot 1 and 2 that are still alive at 3 (the "three-snapshot" technique), with a retaining
// path for the biggest groups.
//   pnpm --filter @svm/test exec tsx src/soak/heap-diff.ts [--warmup 3] [--gap 3] [--hold 5] [--every 1.5]
import { parseArgs } from 'node:util';
import { launchChromium } from '../browser.ts';
import { startServer } from '../e2e/server-process.ts';
import { wallUrl } from '../e2e/sign-in.ts';
import { findTargets, writePatrol } from './api-writer.ts';
import { takeSnapshot, type Heap } from './heap-snapshot.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    warmup: { type: 'string', default: '3' },
    gap: { type: 'string', default: '3' },
    hold: { type: 'string', default: '5' },
    every: { type: 'string', default: '1.5' },
    venues: { type: 'string', default: '2000' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
    paths: { type: 'string', default: '6' },
  },
});
const HAZARDS = ['blocked_exit', 'no_extinguisher', 'unsafe_wiring', 'indoor_ebike_charging', 'no_emergency_light'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function totals(heap: Heap) {
  const m = new Map<string, { n: number; size: number }>();
  for (let i = 0; i < heap.count; i++) {
    const k = heap.key(i);
    const t = m.get(k) ?? { n: 0, size: 0 };
    t.n++;
    t.size += heap.selfSize(i);
    m.set(k, t);
  }
  return m;
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const server = await startServer({ venues: Number(args.venues), databaseUrl: process.env.DATABASE_URL || undefined });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(args.width), height: Number(args.height) } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(wallUrl(server.url, `hold=${args.hold}`));
  await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
    timeout: 180_000,
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const targets = await findTargets(server.url, 20);
  let writes = 0;
  const writer = setInterval(
    () => {
      const target = targets[writes % targets.length]!;
      const hazard = writes % 3 === 0 ? HAZARDS[(writes / 3) % HAZARDS.length] : undefined;
      writes++;
      writePatrol(server.url, target, hazard).catch(() => {});
    },
    Number(args.every) * 1000,
  );

  const stops = await page.evaluate(() => document.querySelector('.wall')?.getAttribute('data-stops'));
  console.log(`wall ready; ${stops} tour stops held ${args.hold} s; a write every ${args.every} s`);
  // each snapshot at the tour's first stop, a few seconds in, so the same place's data is in play
  const snap = async (label: string) => {
    await page.waitForFunction(() => document.querySelector('.wall')?.getAttribute('data-stop') === '0', undefined, {
      timeout: 600_000,
      polling: 250,
    });
    await sleep(3_000);
    const heap = await takeSnapshot(cdp);
    const usage = await cdp.send('Runtime.getHeapUsage');
    console.log(`${label}: ${heap.count} nodes, used ${(usage.usedSize / 2 ** 20).toFixed(2)} MB, writes ${writes}`);
    return heap;
  };
  await sleep(Number(args.warmup) * 60_000);
  const s1 = await snap('snapshot 1');
  await sleep(Number(args.gap) * 60_000);
  const s2 = await snap('snapshot 2');
  await sleep(Number(args.gap) * 60_000);
  const s3 = await snap('snapshot 3');
  clearInterval(writer);

  const [t1, t3] = [totals(s1), totals(s3)];
  const grown = [...t3]
    .map(([k, v]) => ({ k, dn: v.n - (t1.get(k)?.n ?? 0), ds: v.size - (t1.get(k)?.size ?? 0), n: v.n }))
    .filter((g) => g.ds > 0)
    .sort((a, b) => b.ds - a.ds)
    .slice(0, 25);
  console.log('\ngrowth snapshot 1 → 3 by group (self size):');
  for (const g of grown) console.log(`  ${g.k.padEnd(62)} +${String(g.dn).padStart(6)} objects (${g.n})  +${kb(g.ds)}`);

  // allocated between 1 and 2, still alive at 3
  const survivors = new Map<string, { n: number; size: number; sample: number }>();
  for (let i = 0; i < s2.count; i++) {
    const id = s2.id(i);
    if (s1.indexOfId.has(id) || !s3.indexOfId.has(id)) continue;
    const k = s2.key(i);
    const g = survivors.get(k) ?? { n: 0, size: 0, sample: s3.indexOfId.get(id)! };
    g.n++;
    g.size += s2.selfSize(i);
    survivors.set(k, g);
  }
  const top = [...survivors].sort((a, b) => b[1].size - a[1].size).slice(0, 25);
  console.log('\nallocated between snapshots 1 and 2 and still alive at 3:');
  for (const [k, g] of top) console.log(`  ${k.padEnd(62)} ${String(g.n).padStart(6)} objects  ${kb(g.size)}`);
  for (const [k, g] of top.slice(0, Number(args.paths)))
    console.log(`\n  retained ${k}:\n      ${s3.pathTo(g.sample)}`);
} finally {
  await browser.close();
  await server.stop();
}
