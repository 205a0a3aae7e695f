// Renders the running dashboard in headless Chromium and saves a PNG once the map is ready.
//   pnpm --filter @svm/test screenshot -- http://localhost:8080/ out.png [width] [height]
//   (signed in as SCREENSHOT_USER, default city, with DEMO_PASSWORD)
import { launchChromium } from './browser.ts';
import { signIn } from './e2e/sign-in.ts';

const [url = 'http://localhost:8080/', out = 'screenshot.png', width = '1600', height = '1000'] = process.argv
  .slice(2)
  .filter((a) => a !== '--');
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    locale: process.env.SCREENSHOT_LOCALE ?? 'zh-CN',
    viewport: { width: Number(width), height: Number(height) },
  });
  const started = Date.now();
  // signs in as SCREENSHOT_USER (default the city account) with DEMO_PASSWORD
  await signIn(page, new URL(url).origin, process.env.SCREENSHOT_USER || 'city');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __mapReady?: boolean }).__mapReady === true, undefined, {
    timeout: 120_000,
  });
  console.log(`map ready after ${Date.now() - started} ms`);
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
