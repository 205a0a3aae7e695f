import { rolledBack } from '@svm/db/testing';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { EventDto } from '@svm/contract';
import { identify } from '../../auth/caller.ts';
import { CITY_READER } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { EventHub } from './events.hub.ts';
import { eventsRoute } from './events.route.ts';
import { sseReader } from '../../testing/sse-reader.ts';

const until = async (check: () => boolean, ms = 3_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const auditRow = (tx: Parameters<Parameters<typeof rolledBack>[0]>[0], action: string) =>
  tx.query(`INSERT INTO audit_log (actor_name, action, entity, entity_id) VALUES ('t', $1, 'patrol_policy', '1')`, [
    action,
  ]);

describe('the event hub', () => {
  it('polls only while someone listens, delivers each new row once to every listener, and stops when the last leaves', async () => {
    await rolledBack(async (tx) => {
      const hub = new EventHub(tx, { pollMs: 20, batch: 100, holeMs: 1_000, logError: () => {} });
      expect(hub.polling).toBe(false);
      const a: EventDto[] = [];
      const b: EventDto[] = [];
      const first = await hub.subscribe((e) => a.push(...e));
      const second = await hub.subscribe((e) => b.push(...e));
      expect(hub.polling).toBe(true);
      await auditRow(tx, 'policy.update');
      await auditRow(tx, 'auth.login'); // an action the wall does not show: no event
      await until(() => a.length === 1 && b.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(a.map((e) => e.kind)).toEqual(['settings_changed']);
      expect(b).toHaveLength(1);
      first.unsubscribe();
      expect(hub.polling).toBe(true);
      second.unsubscribe();
      expect(hub.polling).toBe(false);
      expect(hub.size).toBe(0);
    });
  });

  it('ends a stream’s subscription when its client goes away', async () => {
    await rolledBack(async (tx) => {
      await twoTownships(tx);
      const hub = new EventHub(tx, { pollMs: 20, batch: 100, holeMs: 1_000, logError: () => {} });
      const app = new Hono()
        .use(
          '/api/*',
          identify(async () => CITY_READER),
        )
        .route(
          '/api/events',
          eventsRoute({ db: tx, info: { driver: 'pglite', postgres: 'n/a', postgis: 'n/a' } }, hub),
        );
      const stream = sseReader(await app.request('/api/events'));
      expect((await stream.next()).event).toBe('hello');
      expect(hub.size).toBe(1);
      await auditRow(tx, 'policy.update');
      expect(JSON.parse((await stream.next()).data)).toMatchObject({
        kind: 'settings_changed',
        venue: null,
        townshipId: null,
      });
      await stream.close();
      await until(() => hub.size === 0);
      expect(hub.polling).toBe(false);
    });
  });

  it('ends every stream when the process starts to shut down, so shutdown is not held up', async () => {
    await rolledBack(async (tx) => {
      const hub = new EventHub(tx, { pollMs: 20, batch: 100, holeMs: 1_000, logError: () => {} });
      const shutdown = new AbortController();
      const app = new Hono()
        .use(
          '/api/*',
          identify(async () => CITY_READER),
        )
        .route(
          '/api/events',
          eventsRoute(
            { db: tx, info: { driver: 'pglite', postgres: 'n/a', postgis: 'n/a' }, shutdown: shutdown.signal },
            hub,
          ),
        );
      const stream = sseReader(await app.request('/api/events'));
      expect((await stream.next()).event).toBe('hello');
      shutdown.abort();
      await expect(stream.next(2_000)).rejects.toThrow('the stream ended');
      expect(hub.size).toBe(0);
      expect(hub.polling).toBe(false);
      // a stream asked for after shutdown began ends at once
      const late = sseReader(await app.request('/api/events'));
      expect((await late.next()).event).toBe('hello');
      await expect(late.next(2_000)).rejects.toThrow('the stream ended');
    });
  });
});
