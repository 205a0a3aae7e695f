import { writeFileSync } from 'node:fs';
import { launchChromium } from '/work/main/test/src/browser.ts';
const [url = 'http://localhost:8301/', out = '/tmp/export.png', lang = ''] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  if (lang) await page.addInitScript((l) => localStorage.setItem('svm.lang', l), lang);
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__mapReady === true, undefined, { timeout: 120_000 });
  const dataUrl: string = await page.evaluate(() => (window as any).__exportPng());
  writeFileSync(out, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  await page.screenshot({ path: out.replace('.png', '-page.png') });
  console.log('ok', dataUrl.length);
} finally { await browser.close(); }
