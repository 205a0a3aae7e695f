import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import type { TownshipCollection } from '@svm/contract';
import { chromiumAvailable, launchChromium } from '../browser.ts';
import { colourAt, project, shareNear, type Rgb } from './pixels.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { authHeaders, signIn } from './sign-in.ts';
import { BASEMAP_BACKGROUND, LAKE_COLOUR, startStyleServer, type StyleServer } from './style-server.ts';

const hasBrowser = chromiumAvailable();
if (!hasBrowser && process.env.REQUIRE_BROWSER === '1')
  throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');

const waitReady = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
    timeout: 90_000,
  });
const near = (rgb: Rgb, want: Rgb, tolerance: number) => rgb.every((c, i) => Math.abs(c - want[i]!) <= tolerance);
// the township label's text colour (web/src/features/townships/townships.layer.ts)
const LABEL_TEXT: Rgb = [29, 53, 87];
const OFFLINE_BACKGROUND: Rgb = [244, 242, 238];
// screenshots of each case, kept as test artifacts (git-ignored)
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
const artifact = (name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  return `${ARTIFACTS}/${name}`;
};

describe.skipIf(!hasBrowser)("a deployment's own basemap (BASEMAP_STYLE_URL) in headless Chromium", () => {
  let styles: StyleServer;
  let server: RunningServer;
  let browser: Browser;
  let townships: TownshipCollection;
  let city: [number, number, number, number];

  beforeAll(async () => {
    styles = await startStyleServer();
    server = await startServer({
      venues: 300,
      databaseUrl: process.env.DATABASE_URL || undefined,
      env: { BASEMAP_STYLE_URL: styles.styleUrl },
    });
    townships = (await (
      await fetch(`${server.url}/api/townships`, { headers: await authHeaders(server.url) })
    ).json()) as TownshipCollection;
    const xs = townships.features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => p[0]));
    const ys = townships.features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => p[1]));
    city = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    // a lake over the city's bounding box's south-west corner (outside the irregular outline)
    const [w, s, e, n] = city;
    styles.setLake([w - 0.01, s - 0.01, w + (e - w) * 0.12, s + (n - s) * 0.12]);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await styles?.close();
  });

  /** Console errors, except a failed load from the style server (its glyphs, a style it refuses). */
  const watch = (page: Page) => {
    const errors: string[] = [];
    const warnings: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'warning') warnings.push(m.text());
      if (m.type() !== 'error') return;
      if (
        m.text().startsWith('Failed to load resource') &&
        m.location().url.startsWith(new URL(styles.styleUrl).origin)
      )
        return;
      errors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { errors, warnings };
  };

  /** Share of label-coloured pixels around the on-screen township label nearest the map's middle. */
  const labelInk = async (page: Page) => {
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const points = await Promise.all(
      townships.features.map(async (f) => ({ f, at: await project(page, f.properties.labelPoint) })),
    );
    const { f, at } = points.sort(
      (a, b) => Math.hypot(a.at.x - middle.x, a.at.y - middle.y) - Math.hypot(b.at.x - middle.x, b.at.y - middle.y),
    )[0]!;
    return { name: f.properties.name, share: await shareNear(page, await page.screenshot(), at, 10, LABEL_TEXT, 45) };
  };

  it("draws the basemap's background and its GeoJSON lake under our township outlines and names, in Chinese and in English", async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await signIn(page, server.url);
    const { errors } = watch(page);
    const offsite: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (
        !u.startsWith(server.url) &&
        !u.startsWith(new URL(styles.styleUrl).origin) &&
        !u.startsWith('data:') &&
        !u.startsWith('blob:')
      )
        offsite.push(u);
    });
    // no data layers: the basemap shows wherever our layers do not cover it
    await page.goto(`${server.url}/?layers=`);
    await waitReady(page);
    expect(
      await page.evaluate(
        () => (window as unknown as { __map: { getStyle: () => { name?: string } } }).__map.getStyle().name,
      ),
    ).toMatch(/on e2e basemap$/);

    const png = await page.screenshot({ path: artifact('basemap.png') });
    const [w, s, e, n] = city;
    // east of the city's box, 20 px out: only the basemap's background is there
    const east = await project(page, [e, (s + n) / 2]);
    const background = await colourAt(page, png, east.x + 20, east.y);
    expect(background, `basemap background at ${Math.round(east.x + 20)},${Math.round(east.y)}`).toSatisfy((c: Rgb) =>
      near(c, BASEMAP_BACKGROUND, 12),
    );
    // the lake's data came from a relative URL of the style, fetched by MapLibre's worker under the CSP
    const lake = await project(page, [w - 0.005, s - 0.005]);
    expect(await colourAt(page, png, lake.x, lake.y), "the basemap's lake").toSatisfy((c: Rgb) =>
      near(c, LAKE_COLOUR, 25),
    );

    const zh = await labelInk(page);
    expect(zh.share, `label ${zh.name} in Chinese`).toBeGreaterThan(0.04);

    // English names are Latin: MapLibre asks the basemap's glyphs URL for those ranges under our
    // font stack; the style server has none (404), and the labels are drawn locally instead
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Small-Venue Safety'));
    await page.waitForFunction(() => (window as unknown as { __map: { loaded: () => boolean } }).__map.loaded());
    await page.waitForTimeout(1000);
    await page.screenshot({ path: artifact('basemap-en.png') });
    const en = await labelInk(page);
    expect(en.share, `label of ${en.name} in English`).toBeGreaterThan(0.04);
    expect(styles.requests.some((p) => p.startsWith('/fonts/Noto Sans CJK SC,'))).toBe(true);

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  it('falls back to the built-in map and says so once when the basemap cannot be fetched', async () => {
    styles.setStyleStatus(503);
    try {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      await signIn(page, server.url);
      const { errors, warnings } = watch(page);
      await page.goto(`${server.url}/?layers=`);
      await waitReady(page);
      await page.getByRole('status').filter({ hasText: '底图服务无法加载' }).waitFor();
      const png = await page.screenshot({ path: artifact('basemap-fallback.png') });
      const [, s, e, n] = city;
      const east = await project(page, [e, (s + n) / 2]);
      expect(await colourAt(page, png, east.x + 20, east.y), 'the built-in background').toSatisfy((c: Rgb) =>
        near(c, OFFLINE_BACKGROUND, 8),
      );
      expect((await labelInk(page)).share, 'our labels on the built-in map').toBeGreaterThan(0.04);

      // a change of view rebuilds nothing and says nothing more
      await page.getByRole('button', { name: '规划盲区' }).click();
      await page.waitForURL(/view=planner/);
      await page.waitForTimeout(500);
      expect(warnings.filter((w) => w.includes('could not be loaded'))).toEqual([
        `basemap ${styles.styleUrl} could not be loaded (HTTP 503); drawing the built-in offline map`,
      ]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      styles.setStyleStatus(200);
    }
  });
});
