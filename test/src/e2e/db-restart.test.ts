// The server keeps answering while its PostgreSQL server restarts: 503 problems (never a 500, a
// hang or a crash) during the outage, 200 again afterwards without restarting the server. Runs
// with the PostgreSQL driver (DATABASE_URL set) only: it starts its own throwaway cluster so
// that restarting it disturbs nobody else's tests.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server-process.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const exec = promisify(execFile);
const onServerDriver = Boolean(process.env.DATABASE_URL);

interface Answer {
  at: number;
  status: number | 'error' | 'timeout';
  type: string;
  retryAfter: string | null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
      });
  });
}

/** A PostgreSQL cluster in a temp folder, run as the postgres user when we are root. */
function cluster(dir: string, port: number) {
  const asPostgres = process.getuid?.() === 0;
  // asynchronous, so the poller keeps asking while pg_ctl waits for the server
  const run = (cmd: string, args: string[]) =>
    asPostgres ? exec('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args]) : exec(join(PG_BIN, cmd), args);
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', options, ...args]);
  return {
    init: () => run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']),
    start: () => pgCtl('start'),
    stop: () => pgCtl('-m', 'fast', 'stop'),
    restart: () => pgCtl('-m', 'fast', 'restart'),
    kill: () =>
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {
        /* already down */
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onServerDriver || !existsSync(join(PG_BIN, 'initdb')))(
  'the server while PostgreSQL restarts (PostgreSQL driver only; the embedded database cannot restart under a running server)',
  () => {
    let dir = '';
    let pg: ReturnType<typeof cluster>;
    let server: RunningServer;
    const answers: Answer[] = [];
    let polling = true;
    let poller: Promise<void> = Promise.resolve();

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'svm-restart-'));
      const port = await freePort();
      pg = cluster(dir, port);
      await pg.init();
      await pg.start();
      server = await startServer({ venues: 200, databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres` });
      // ask the database-backed health route every 100 ms, each request bounded so a hang shows
      poller = (async () => {
        while (polling) {
          const at = Date.now();
          try {
            const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(15_000) });
            await res.arrayBuffer();
            answers.push({
              at,
              status: res.status,
              type: res.headers.get('content-type') ?? '',
              retryAfter: res.headers.get('retry-after'),
            });
          } catch (err) {
            answers.push({
              at,
              status: err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'error',
              type: '',
              retryAfter: null,
            });
          }
          await sleep(100);
        }
      })();
    }, 240_000);

    afterAll(async () => {
      polling = false;
      await poller;
      await server?.stop().catch(() => {});
      await pg?.kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    /** Waits for the first 200 after `since`; returns how long it took. */
    async function recovered(since: number): Promise<number> {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const ok = answers.find((a) => a.at >= since && a.status === 200);
        if (ok) return ok.at - since;
        await sleep(100);
      }
      throw new Error(
        `no 200 within 60 s; last answers ${JSON.stringify(answers.slice(-5))}\n${server.output().slice(-2000)}`,
      );
    }

    const between = (from: number, to: number) => answers.filter((a) => a.at >= from && a.at <= to);

    it('answers 503 problems while the database is stopped for 3 s, and 200 again once it is back, without restarting', async () => {
      await sleep(1000);
      const before = between(0, Date.now());
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((a) => a.status === 200)).toBe(true);

      const stopped = Date.now();
      await pg.stop();
      await sleep(3000);
      await pg.start();
      const started = Date.now();
      const recovery = await recovered(started);
      const outage = between(stopped, started + recovery);
      const unavailable = outage.filter((a) => a.status === 503);
      console.log(
        `stop/start: ${outage.length} answers during ${started + recovery - stopped} ms, ${unavailable.length}×503, first 200 ${recovery} ms after the start returned`,
      );
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable.every((a) => a.type.startsWith('application/problem+json') && a.retryAfter !== null)).toBe(
        true,
      );
      expect(outage.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    }, 120_000);

    it('rides out a fast restart with 503s at worst, then answers 200 from fresh connections', async () => {
      const restarting = Date.now();
      await pg.restart();
      const back = Date.now();
      const recovery = await recovered(back);
      const window = between(restarting, back + recovery);
      console.log(
        `restart -m fast: took ${back - restarting} ms, ${window.filter((a) => a.status === 503).length}×503 of ${window.length} answers, first 200 ${recovery} ms after`,
      );
      expect(window.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
      // and it stays healthy: the pool replaced every connection the restart broke
      await sleep(1500);
      expect(between(back + recovery, Date.now()).every((a) => a.status === 200)).toBe(true);
      expect(server.output()).not.toMatch(/uncaught|unhandled 'error' event/i);
    }, 120_000);
  },
);
