import { createServer } from 'node:net';
import { openDatabase, type Queryable } from '@svm/db';
import { rolledBack, testDb } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '@svm/contract';
import { toProblem } from './problem.ts';
import { bodyOf, PROBLEM_JSON, testApp } from '../testing/app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { IMPORT_MAX_BYTES, JSON_MAX_BYTES } from './body-limit.ts';

/** A database whose every query fails with `err` (an outage or a timeout as the driver reports it). */
const failing = (err: unknown): Queryable => ({
  driver: 'pg',
  query: () => Promise.reject(err),
  exec: () => Promise.reject(err),
  transaction: () => Promise.reject(err),
});

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

/** A loopback port nothing listens on (taken and released at once). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('security headers', () => {
  it('puts the CSP and the anti-framing headers on an API answer and on a problem, and no CORS header', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      for (const path of ['/api/health', '/api/no-such-thing']) {
        const res = await app.request(path, { headers: { Origin: 'https://evil.example' } });
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  it('lets MapLibre and deck.gl run: own and blob workers, data and blob images, same-origin fetches only', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:/);
  });
});

describe('body limits', () => {
  it('refuses a JSON write over 1 MiB by its Content-Length with a 413 problem before reading it', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const body = JSON.stringify({ name: 'x'.repeat(JSON_MAX_BYTES) });
      const res = await app.request('/api/patrols', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect((await bodyOf<ProblemDetails>(res)).detail).toMatch(/1 MiB/);
    });
  });

  it('counts a streamed body without Content-Length and stops it at the limit', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const chunk = new Uint8Array(256 * 1024).fill(0x20);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 8 MiB on offer; the limit must stop reading long before
          if (sent >= 32) return controller.close();
          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const res = await app.request('/api/policy', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(sent).toBeLessThan(32);
    });
  });

  it('gives imports the larger 20 MiB limit and refuses past it', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const over = await app.request('/api/import/venues', {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'Content-Length': String(IMPORT_MAX_BYTES + 1) },
        body: 'x',
      });
      expect(over.status).toBe(413);
      expect((await bodyOf<ProblemDetails>(over)).detail).toMatch(/20 MiB/);
    });
  });
});

describe('an unavailable database', () => {
  it.each([
    ['a cancelled statement (statement timeout)', coded('canceling statement due to statement timeout', '57014'), '10'],
    ['a server shutting down', coded('terminating connection due to administrator command', '57P01'), '5'],
    ['a server starting up', coded('the database system is starting up', '57P03'), '5'],
    ['a refused connection', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), '5'],
    ['a lost connection', new Error('Connection terminated unexpectedly'), '5'],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect'), '5'],
  ])('answers %s with a 503 problem and Retry-After, and logs it', async (_what, err, retryAfter) => {
    const { app, logged } = await testApp(failing(err));
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect((await bodyOf<ProblemDetails>(res)).detail).not.toMatch(/127\.0\.0\.1|administrator/);
    expect(logged).toEqual([err]);
  });

  it('still answers a syntax error or a missing relation with a 500, not a 503', () => {
    expect(toProblem(coded('relation "x" does not exist', '42P01'), () => {}).status).toBe(500);
  });

  it('reports 503 from GET /api/health when the PostgreSQL server refuses connections, within the connect timeout', async () => {
    const port = await closedPort();
    const down = await openDatabase({
      driver: 'pg',
      url: `postgres://postgres@127.0.0.1:${port}/none`,
      poolSize: 2,
      statementTimeoutMs: 1000,
      connectTimeoutMs: 1000,
    });
    try {
      const { app } = await testApp(down);
      const started = Date.now();
      const res = await app.request('/api/health');
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await down.close();
    }
  });

  it('turns a real statement timeout of the PostgreSQL server into a 503 (the embedded database does not enforce one)', async (ctx) => {
    const db = await testDb();
    if (db.driver !== 'pg') return ctx.skip('PGlite accepts statement_timeout but cannot cancel a running statement');
    const err = await rolledBack(async (tx) => {
      await tx.query("SET LOCAL statement_timeout = '50ms'");
      return tx
        .transaction((sp) => sp.query('SELECT pg_sleep(2)'))
        .then(
          () => null,
          (e: unknown) => e,
        );
    });
    const problem = toProblem(err, () => {});
    expect(problem.status).toBe(503);
    expect(problem.headers['Retry-After']).toBe('10');
  });
});
