// The process-wide cap on request bodies, per route class, so no route (including ones added
// later) reads an unbounded body: imports up to IMPORT_MAX_BYTES, everything else under /api
// up to JSON_MAX_BYTES. Checked on Content-Length and, without one, while the body streams in,
// before any handler parses it; an oversized body is a 413 problem. Routes may set tighter limits.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Problem } from './problem.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const JSON_MAX_BYTES = 1024 * 1024;

const limit = (maxBytes: number, what: string) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw Problem.tooLarge(`the request body is larger than the ${maxBytes / 1024 / 1024} MiB ${what} accepts`);
    },
  });

const importLimit = limit(IMPORT_MAX_BYTES, 'an import');
const apiLimit = limit(JSON_MAX_BYTES, 'an API write');

/** Mount on /api/*: picks the limit by path. */
export const apiBodyLimit: MiddlewareHandler = (c, next) =>
  (c.req.path.startsWith('/api/import/') ? importLimit : apiLimit)(c, next);
