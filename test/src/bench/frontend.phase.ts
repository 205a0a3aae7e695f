// Measurements 5 (initial load bytes) and 6: the dashboard in headless Chromium (software
// rendering, so only relative figures mean anything): time to the map's first frame, time until
// every layer has drawn (window.__mapReady), bytes on the wire until then, and the JS heap.
import { performance } from 'node:perf_hooks';
import { chromiumAvailable, launchChromium } from '../browser.ts';
import { round } from './measure.ts';

export interface FrontEndResult {
  /** ms from navigation until the MapLibre canvas has been created and drawn a frame */
  firstMapRenderMs: number;
  /** ms from navigation until window.__mapReady (every visible layer drawn) */
  allLayersMs: number;
  /** bytes on the wire (as encoded: gzip where the server sent it) until all layers were drawn */
  initialLoadBytes: number;
  requests: number;
  jsHeapUsedBytes: number;
}

export async function measureFrontEnd(
  url: string,
  username: string,
  password: string,
): Promise<FrontEndResult | { skipped: string }> {
  if (!chromiumAvailable()) return { skipped: 'no /usr/bin/chromium' };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const login = await page.request.post(`${url}/api/auth/login`, { data: { username, password } });
    if (!login.ok()) throw new Error(`bench: browser sign-in failed: ${login.status()}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    const started = performance.now();
    await page.goto(`${url}/`);
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const canvas = document.querySelector('canvas.maplibregl-canvas');
          if (!canvas) return resolve(false);
          requestAnimationFrame(() => resolve(true));
        }),
      undefined,
      { timeout: 300_000, polling: 50 },
    );
    const firstMapRenderMs = performance.now() - started;
    await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
      timeout: 600_000,
      polling: 100,
    });
    const allLayersMs = performance.now() - started;
    const loadBytes = bytes;
    const loadRequests = requests;
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    return {
      firstMapRenderMs: round(firstMapRenderMs, 0),
      allLayersMs: round(allLayersMs, 0),
      initialLoadBytes: loadBytes,
      requests: loadRequests,
      jsHeapUsedBytes: heap,
    };
  } finally {
    await browser.close();
  }
}
