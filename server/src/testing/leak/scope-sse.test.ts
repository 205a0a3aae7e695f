// The leak matrix's row for the one endless read, GET /api/events: a stream replayed from the start
// of the audit log carries only the caller's jurisdiction's events.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.ts';
import type { EventDto } from '@svm/contract';
import { sseReader } from '../sse-reader.ts';
import { testApp } from '../app.ts';
import { cityCaller, departmentCaller, leakCity, townshipCaller } from './leak-fixture.ts';

/** The venue ids of every event the stream replays from the first audit row (until it goes quiet). */
async function replayedVenues(tx: Parameters<Parameters<typeof rolledBack>[0]>[0], caller: Caller): Promise<number[]> {
  const { app } = await testApp(tx, { caller });
  const res = await app.request('/api/events?after=0');
  expect(res.status).toBe(200);
  const stream = sseReader(res);
  expect((await stream.next()).event).toBe('hello');
  const venues: number[] = [];
  for (;;) {
    let frame;
    try {
      frame = await stream.next(1_500);
    } catch {
      break; // nothing more within 1.5 s: the replay is over
    }
    if (frame.event === 'message') venues.push((JSON.parse(frame.data) as EventDto).venue?.id ?? -1);
  }
  await stream.close();
  return venues;
}

describe('GET /api/events in the leak city', () => {
  it('replays township A its two patrols only, the catering department its two, and the city all four', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      const a = await replayedVenues(tx, townshipCaller(f.a.township));
      expect(a).toHaveLength(2);
      expect(a.filter((v) => !f.a.venues.includes(v))).toEqual([]);
      const food = await replayedVenues(tx, departmentCaller(f.food.department));
      expect(food.filter((v) => !f.food.venues.includes(v))).toEqual([]);
      expect(food).toHaveLength(2);
      const city = await replayedVenues(tx, cityCaller());
      expect(city.filter((v) => f.b.venues.includes(v))).toHaveLength(2);
      expect(city).toHaveLength(4);
    });
  });
});
