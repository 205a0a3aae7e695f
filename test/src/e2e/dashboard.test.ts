import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../browser.ts';
import { startServer, type RunningServer } from './server-process.ts';

// Browser tests need Debian's chromium; CI installs it and sets REQUIRE_BROWSER=1 so a missing
// browser fails there instead of skipping.
const hasBrowser = chromiumAvailable();
if (!hasBrowser && process.env.REQUIRE_BROWSER === '1') throw new Error('REQUIRE_BROWSER=1 but /usr/bin/chromium is missing');

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

  it('loads without console errors, draws the city and switches to English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const offsite: string[] = [];
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && offsite.push(r.url()));

    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, { timeout: 90_000 });
    expect(await page.locator('header').innerText()).toContain('社会面小场所安全治理');

    // the map canvas has drawn something other than its plain background
    const png = await page.locator('canvas.maplibregl-canvas').screenshot();
    expect(png.byteLength).toBeGreaterThan(20_000);

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Small-Venue Safety'));

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
