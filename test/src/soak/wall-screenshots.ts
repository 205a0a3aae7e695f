// The README's wall screenshots (web/screenshots/wall-1920.png and wall-3840.png): the real server
// on a seeded city, a dozen patrols and hazards written through the API so the ticker has rows,
// then /wall held on the city at 1920×1080 and 3840×2160 in headless Chromium.
//   pnpm --filter @svm/test exec tsx src/soak/wall-screenshots.ts [--out ../web/screenshots] [--url http://…]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../browser.ts';
import { startServer, type RunningServer } from '../e2e/server-process.ts';
import { wallUrl } from '../e2e/sign-in.ts';
import { findTargets, writePatrol } from './api-writer.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    out: { type: 'string', default: fileURLToPath(new URL('../../../web/screenshots/', import.meta.url)) },
    venues: { type: 'string', default: '2000' },
    url: { type: 'string' },
  },
});
const HAZARDS = ['blocked_exit', 'no_extinguisher', 'unsafe_wiring'];
const SIZES = [
  [1920, 1080],
  [3840, 2160],
] as const;

let server: RunningServer | null = null;
const url =
  args.url ??
  (server = await startServer({ venues: Number(args.venues), databaseUrl: process.env.DATABASE_URL || undefined })).url;
const browser = await launchChromium();
try {
  const targets = await findTargets(url, 12);
  for (const [i, target] of targets.entries())
    await writePatrol(url, target, i % 3 === 0 ? HAZARDS[(i / 3) % HAZARDS.length] : undefined);
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width, height } });
    // held on the first stop (the city) for the whole shot
    await page.goto(wallUrl(url, 'hold=3600'));
    await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
      timeout: 180_000,
    });
    // the title's fade-in and the KPI flash are over
    await page.waitForTimeout(2_500);
    const path = `${args.out.replace(/\/?$/, '/')}wall-${width}.png`;
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server?.stop();
}
