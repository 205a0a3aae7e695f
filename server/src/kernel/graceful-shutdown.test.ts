import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { gracefulShutdown } from './graceful-shutdown.ts';

/** A real HTTP server with a slow request and an endless event stream that ends on `streams`. */
async function running(streams: AbortController) {
  const events: string[] = [];
  const app = new Hono()
    .get('/slow', async (c) => {
      await new Promise((r) => setTimeout(r, 400));
      events.push('slow answered');
      return c.text('done');
    })
    .get('/events', (c) =>
      streamSSE(c, async (stream) => {
        while (!streams.signal.aborted) {
          await stream.writeSSE({ data: 'tick' });
          await new Promise((r) => setTimeout(r, 50));
        }
        events.push('stream ended');
      }),
    );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, events };
}

describe('graceful shutdown', () => {
  it('lets a request in flight finish, ends an event stream, refuses new connections, then closes the database', async () => {
    const streams = new AbortController();
    const { server, url, events } = await running(streams);
    const stream = await fetch(`${url}/events`);
    const reader = stream.body!.getReader();
    await reader.read();
    // a keep-alive connection left idle must not hold the shutdown either
    await (await fetch(`${url}/slow`)).text();
    const slow = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 100));

    const started = Date.now();
    const done = gracefulShutdown({
      server,
      streams,
      graceMs: 5000,
      closeDatabase: async () => void events.push('database closed'),
    });
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('done');
    // a new connection is refused (agent: false, so no pooled keep-alive socket is reused)
    const fresh = await new Promise<string>((resolve) => {
      get(`${url}/slow`, { agent: false }, () => resolve('answered')).on('error', (e: NodeJS.ErrnoException) =>
        resolve(e.code ?? 'error'),
      );
    });
    expect(fresh).toBe('ECONNREFUSED');
    while (!(await reader.read()).done) {
      /* drain until the server ends the stream */
    }
    expect(await done).toEqual({ cut: false });
    // well inside the grace period: nothing waited for a timeout
    expect(Date.now() - started).toBeLessThan(2500);
    expect(events.slice(-3).sort()).toEqual(['database closed', 'slow answered', 'stream ended'].sort());
    expect(events.at(-1)).toBe('database closed');
  });

  it('cuts a request that outlives the grace period and still closes the database', async () => {
    const never = new AbortController();
    const app = new Hono().get('/hang', () => new Promise<Response>(() => {}));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    const hanging = fetch(`http://127.0.0.1:${port}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    let closed = false;
    const result = await gracefulShutdown({
      server,
      streams: never,
      graceMs: 300,
      closeDatabase: async () => void (closed = true),
    });
    expect(result.cut).toBe(true);
    expect(closed).toBe(true);
    expect(await hanging).toBe('cut');
  });
});
