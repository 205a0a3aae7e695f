import type { EventDto } from '@svm/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ageParts, freshnessOf } from './freshness.ts';
import { backoffMs, LiveEvents } from './live-events.ts';

/** A stand-in EventSource the test drives by hand. */
class FakeSource {
  static opened: FakeSource[] = [];
  onmessage: ((e: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private named = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(name: string, fn: (e: MessageEvent<string>) => void) {
    this.named.set(name, fn);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    const e = { data: JSON.stringify(data) } as MessageEvent<string>;
    if (name === 'message') this.onmessage?.(e);
    else this.named.get(name)?.(e);
  }
}

const event = (id: number, seq = 0): EventDto => ({
  id,
  seq,
  kind: 'patrol_recorded',
  at: '2026-11-30T08:00:00Z',
  townshipId: 1,
  venue: { id: 1, name: 'v', category: 'retail' },
  hazardType: null,
  acceptance: null,
  imported: null,
  actorName: 'w',
  invalidates: ['kpis'],
});

describe('the wall’s live link', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.opened = [];
  });
  afterEach(() => vi.useRealTimers());

  const start = (keep = 3) => {
    const seen: EventDto[] = [];
    const resyncs: number[] = [];
    const live = new LiveEvents({
      url: '/api/events',
      keep,
      onEvents: (e) => seen.push(...e),
      onResync: () => resyncs.push(Date.now()),
      openSource: (url) => new FakeSource(url) as unknown as EventSource,
    });
    live.start([event(1), event(2)], 2);
    return { live, seen, resyncs, source: () => FakeSource.opened[FakeSource.opened.length - 1]! };
  };

  it('opens after the first paint’s last id, keeps only the newest few events and drops repeats', () => {
    const { live, seen, source } = start();
    expect(source().url).toBe('/api/events?after=2');
    source().emit('hello', { lastId: 2 });
    expect(live.getSnapshot().status).toBe('live');
    source().emit('message', event(3));
    source().emit('message', event(3)); // caught up twice: shown once
    source().emit('message', event(4));
    expect(live.getSnapshot().events.map((e) => e.id)).toEqual([4, 3, 2]);
    expect(seen.map((e) => e.id)).toEqual([3, 4]);
    live.stop();
  });

  it('on an error goes down, reconnects after a growing backoff from the last id seen, and resyncs once back', () => {
    const { live, resyncs, source } = start();
    source().emit('message', event(7));
    const first = source();
    first.onerror?.();
    expect(first.closed).toBe(true);
    expect(live.getSnapshot()).toMatchObject({ status: 'down', attempt: 1 });
    // attempt 0 waits 1-1.2 s
    vi.advanceTimersByTime(1_250);
    expect(source()).not.toBe(first);
    expect(source().url).toBe('/api/events?after=7');
    source().onerror?.();
    vi.advanceTimersByTime(1_500);
    expect(FakeSource.opened).toHaveLength(2); // the second wait is 2-2.4 s
    vi.advanceTimersByTime(1_000);
    expect(FakeSource.opened).toHaveLength(3);
    expect(resyncs).toHaveLength(0);
    source().emit('hello', { lastId: 9 });
    expect(live.getSnapshot()).toMatchObject({ status: 'live', attempt: 0 });
    expect(resyncs).toHaveLength(1);
    live.stop();
  });

  it('treats a stream silent for 45 s as dead even when the browser reports nothing', () => {
    const { live, source } = start();
    source().emit('hello', { lastId: 2 });
    vi.advanceTimersByTime(30_000);
    source().emit('heartbeat', {});
    vi.advanceTimersByTime(40_000);
    expect(live.getSnapshot().status).toBe('live');
    vi.advanceTimersByTime(10_000);
    expect(live.getSnapshot().status).toBe('down');
    live.stop();
  });

  it('backs off 1, 2, 4 … seconds up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map((a) => backoffMs(a, () => 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(backoffMs(0, () => 1)).toBe(1_200);
  });
});

describe('the freshness badge’s level', () => {
  it('is fresh while live and heard lately, late when down or quiet for 40 s, stale after 2 minutes', () => {
    expect(freshnessOf('live', 1_000, 13_000)).toEqual({ level: 'fresh', ageMs: 12_000 });
    expect(freshnessOf('live', 0, 40_000).level).toBe('late');
    expect(freshnessOf('down', 0, 5_000).level).toBe('late');
    expect(freshnessOf('down', 0, 120_000).level).toBe('stale');
    expect(freshnessOf('connecting', null, 0).level).toBe('late');
  });

  it('words the age in its largest whole unit', () => {
    expect(ageParts(12_400)).toEqual({ unit: 'seconds', n: 12 });
    expect(ageParts(5 * 60_000)).toEqual({ unit: 'minutes', n: 5 });
    expect(ageParts(3 * 3_600_000)).toEqual({ unit: 'hours', n: 3 });
  });
});
