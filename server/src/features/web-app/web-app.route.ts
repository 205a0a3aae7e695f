// Serves the built web app: real files from its folder, index.html for client routes
// (/wall, /township/...), and a 404 for missing files so a broken asset never parses as HTML.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { Problem } from '../../kernel/problem.ts';

// Vite writes content-hashed names under assets/, so they never change once served.
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// the shell must be revalidated so a new build's asset names are picked up at once
const REVALIDATE = 'no-cache';

/** A path naming a file (last segment has an extension) or anything under assets/. */
function isFileRequest(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return path.startsWith(HASHED_ASSETS) || last.includes('.');
}

export function webAppRoute(webDist: string) {
  const indexFile = join(webDist, 'index.html');
  const app = new Hono();
  // set after the file is answered: serveStatic's onFound runs too late to add headers, and
  // a 404 must not be cached for a year
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status < 300 && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', c.req.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
    }
  });
  // without a build there are no files to look up; the fallback below says how to build
  if (existsSync(webDist)) app.use('*', serveStatic({ root: webDist }));
  return app.get('*', async (c) => {
    if (isFileRequest(c.req.path)) throw Problem.notFound(`no file at ${c.req.path}`);
    const html = await readFile(indexFile, 'utf8').catch(() => {
      throw Problem.notFound(`the web app is not built (no ${indexFile}); run pnpm --filter @svm/web build`);
    });
    c.header('Cache-Control', REVALIDATE);
    return c.html(html);
  });
}
