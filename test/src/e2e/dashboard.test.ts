import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GridCellCollection, ReboundClustersDto, TownshipCollection } from '@svm/contract';
import { chromiumAvailable, launchChromium } from '../browser.ts';
import { colourAt, project, ringCentre, ringSpan, shareNear } from './pixels.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { authHeaders, signIn } from './sign-in.ts';

const waitReady = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
    timeout: 90_000,
  });

// Browser tests need Debian's chromium; CI installs it and sets REQUIRE_BROWSER=1 so a missing
// browser fails there instead of skipping.
const hasBrowser = chromiumAvailable();
// screenshots of each view, kept as test artifacts (git-ignored)
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));
if (!hasBrowser && process.env.REQUIRE_BROWSER === '1')
  throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');

describe.skipIf(!hasBrowser)('the dashboard in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ venues: 1500, databaseUrl: process.env.DATABASE_URL || undefined });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const artifact = (name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return `${ARTIFACTS}/${name}`;
  };

  it('loads without console errors, draws the city and switches to English', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await signIn(page, server.url);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const offsite: string[] = [];
    page.on(
      'request',
      (r) =>
        !r.url().startsWith(server.url) &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:') &&
        offsite.push(r.url()),
    );

    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
      timeout: 90_000,
    });
    expect(await page.locator('header').innerText()).toContain('社会面小场所安全治理');

    // the map canvas has drawn something other than its plain background
    const png = await page.locator('canvas.maplibregl-canvas').screenshot();
    expect(png.byteLength).toBeGreaterThan(20_000);

    await page.screenshot({ path: artifact('overview.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Small-Venue Safety'));

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });

  it('draws cells nobody patrolled for a month dark and fresh ones green, where the API puts them', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await signIn(page, server.url);
    await page.goto(`${server.url}/?layers=grid-cells`);
    await waitReady(page);
    const cells = (await (
      await fetch(`${server.url}/api/grid-cells`, { headers: await authHeaders(server.url) })
    ).json()) as GridCellCollection;
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    // only cells whose centre is well inside the map, clear of the layer and legend cards
    const candidates = [];
    for (const f of cells.features) {
      // a cell is a MultiPolygon: the outer ring of its first part (the seeded cells have one)
      const ring = f.geometry.coordinates[0]![0]!;
      const at = await project(page, ringCentre(ring));
      const inside =
        at.x > box.x + box.width * 0.3 &&
        at.x < box.x + box.width * 0.9 &&
        at.y > box.y + box.height * 0.2 &&
        at.y < box.y + box.height * 0.8;
      if (inside) candidates.push({ f, at, span: ringSpan(ring) });
    }
    candidates.sort((a, b) => b.span - a.span);
    const stale = candidates.find(
      (c) => c.f.properties.daysSincePatrol === null || c.f.properties.daysSincePatrol > 30,
    );
    const fresh = candidates.find(
      (c) => c.f.properties.daysSincePatrol !== null && c.f.properties.daysSincePatrol <= 3,
    );
    expect(stale, 'a stale cell on screen').toBeDefined();
    expect(fresh, 'a freshly patrolled cell on screen').toBeDefined();
    const png = await page.screenshot();
    const [sr, sg, sb] = await colourAt(page, png, stale!.at.x, stale!.at.y);
    const [fr, fg, fb] = await colourAt(page, png, fresh!.at.x, fresh!.at.y);
    // fresh: a light green wash (green above red); stale: red (over 30 days) or dark slate (never)
    expect(fg, `fresh cell ${fresh!.f.properties.code} rgb ${fr},${fg},${fb}`).toBeGreaterThan(fr);
    if (stale!.f.properties.daysSincePatrol === null)
      expect(Math.max(sr, sg, sb), `never-patrolled ${stale!.f.properties.code}`).toBeLessThan(175);
    else expect(sr - sg, `stale cell ${stale!.f.properties.code} rgb ${sr},${sg},${sb}`).toBeGreaterThan(40);
    expect(sr + sg + sb).toBeLessThan(fr + fg + fb - 60);
    await page.close();
  });

  it('draws rebound clusters in pink where the API puts them, and nothing there once the layer is off', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await signIn(page, server.url);
    await page.goto(`${server.url}/?layers=rebounds`);
    await waitReady(page);
    const clusters = (await (
      await fetch(`${server.url}/api/rebounds/clusters`, { headers: await authHeaders(server.url) })
    ).json()) as ReboundClustersDto;
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const onScreen = [];
    for (const f of clusters.features) {
      const at = await project(page, f.properties.centroid);
      const inside =
        at.x > box.x + box.width * 0.3 &&
        at.x < box.x + box.width * 0.9 &&
        at.y > box.y + box.height * 0.2 &&
        at.y < box.y + box.height * 0.8;
      if (inside) onScreen.push({ f, at });
    }
    const cluster = onScreen.sort((a, b) => b.f.properties.memberCount - a.f.properties.memberCount)[0];
    expect(cluster, `a rebound cluster on screen (${clusters.features.length} in the city)`).toBeDefined();
    const { at, f } = cluster!;
    // the member count sits on a rebound-pink badge (214, 40, 120) centred on the centroid; white
    // digits cover its middle, so count the badge's pixels in a 15×15 box instead of one median
    const pink: [number, number, number] = [214, 40, 120];
    const label = `cluster ${f.properties.id} (${f.properties.memberCount} hazards) at ${Math.round(at.x)},${Math.round(at.y)}`;
    const on = await shareNear(page, await page.screenshot({ path: artifact('rebounds.png') }), at, 7, pink, 30);
    expect(on, label).toBeGreaterThan(0.3);

    await page.getByRole('checkbox', { name: '反弹聚集区' }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('layers') === '');
    await page.waitForTimeout(500);
    const off = await shareNear(page, await page.screenshot(), at, 7, pink, 30);
    expect(off, `${label} with the layer off`).toBeLessThan(0.02);
    await page.close();
  });

  it('drills into a township from the list and shows the figures the API returns', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.url);
    await page.goto(`${server.url}/`);
    await waitReady(page);
    const townships = (await (
      await fetch(`${server.url}/api/townships`, { headers: await authHeaders(server.url) })
    ).json()) as TownshipCollection;
    const t =
      townships.features.find((f) => f.properties.kpis.cells.unpatrolled > 0)?.properties ??
      townships.features[0]!.properties;
    await page
      .getByRole('button', { name: new RegExp(t.name) })
      .first()
      .click();
    await page.waitForURL(new RegExp(`view=township&township=${t.id}(&|$)`));
    await page.getByRole('heading', { name: t.name }).first().waitFor();
    await page.waitForFunction(
      (figure) => document.body.innerText.includes(figure),
      `${t.kpis.cells.unpatrolled} / ${t.kpis.cells.total}`,
    );
    await page.screenshot({ path: artifact('township.png') });
    await page.close();
  });

  it('reproduces a view from its link, and keeps it through a reload', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.url);
    const search = '?view=planner&layers=grid-cells,blind-spots';
    await page.goto(`${server.url}/${search}`);
    await waitReady(page);
    for (let round = 0; round < 2; round++) {
      expect(new URL(page.url()).search).toBe(search);
      expect(await page.getByRole('button', { name: '规划盲区' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('checkbox', { name: '盲区' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: '风险热力' }).isChecked()).toBe(false);
      if (round === 0) {
        await page.screenshot({ path: artifact('planner.png') });
        await page.reload();
        await waitReady(page);
      }
    }
    await page.close();
  });
});
