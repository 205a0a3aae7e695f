// The wall's link to GET /api/events: one EventSource at a time, replaced with a growing backoff
// when it fails or falls silent, resuming after the last id it saw so nothing is missed; keeps
// the latest events for the ticker (a fixed number, so a wall running for days does not grow).
import type { EventDto } from '@svm/contract';

export type LinkStatus = 'connecting' | 'live' | 'down';

export interface LiveSnapshot {
  status: LinkStatus;
  /** when the server was last heard from (any event or heartbeat), ms since the epoch */
  heardAt: number | null;
  /** the latest events, newest first */
  events: readonly EventDto[];
  /** reconnection attempts since the link was last live */
  attempt: number;
}

export interface LiveOptions {
  /** the stream's address without `after` */
  url: string;
  /** how many events the ticker keeps */
  keep: number;
  /** new events arrived (live or caught up) */
  onEvents: (events: EventDto[]) => void;
  /** the link came back after being down, or the server said to reload: refetch everything */
  onResync: () => void;
  /** a silent stream (no heartbeat within this) is treated as dead; the server beats every 15 s */
  silenceMs?: number;
  openSource?: (url: string) => EventSource;
  now?: () => number;
}

/** 1 s, 2 s, 4 s … up to 30 s, with up to 20 % jitter so many walls do not reconnect in step. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (1 + 0.2 * random()));
}

const keyOf = (e: EventDto) => `${e.id}:${e.seq}`;

export class LiveEvents {
  private snapshot: LiveSnapshot = { status: 'connecting', heardAt: null, events: [], attempt: 0 };
  private readonly listeners = new Set<() => void>();
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastId = 0;
  private wasDown = false;
  private stopped = true;

  constructor(private readonly options: LiveOptions) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  /** Opens the stream after `lastId`, with `initial` (oldest first) already on the ticker. */
  start(initial: readonly EventDto[], lastId: number) {
    this.stopped = false;
    this.lastId = lastId;
    this.set({ events: [...initial].reverse().slice(0, this.options.keep) });
    this.open();
    const silence = this.options.silenceMs ?? 45_000;
    this.watchdog = setInterval(() => {
      const { status, heardAt } = this.snapshot;
      // a dropped network often closes nothing: only the missing heartbeats tell
      if (status === 'live' && heardAt !== null && this.now() - heardAt > silence) this.fail();
    }, 5_000);
  }

  stop() {
    this.stopped = true;
    this.close();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
    this.listeners.clear();
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  private set(change: Partial<LiveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private open() {
    const url = `${this.options.url}${this.options.url.includes('?') ? '&' : '?'}after=${this.lastId}`;
    const source = (this.options.openSource ?? ((u) => new EventSource(u)))(url);
    this.source = source;
    const heard = () => {
      const resync = this.wasDown;
      this.wasDown = false;
      this.set({ status: 'live', heardAt: this.now(), attempt: 0 });
      if (resync) this.options.onResync();
    };
    source.addEventListener('hello', heard);
    source.addEventListener('heartbeat', heard);
    source.addEventListener('reset', (e) => {
      heard();
      const id = Number((JSON.parse((e as MessageEvent<string>).data) as { lastId: unknown }).lastId);
      if (Number.isInteger(id)) this.lastId = id;
      this.options.onResync();
    });
    source.onmessage = (e: MessageEvent<string>) => {
      heard();
      // the server's contract type; a malformed frame is dropped rather than shown
      let event: EventDto;
      try {
        event = JSON.parse(e.data) as EventDto;
      } catch {
        return;
      }
      if (typeof event.id !== 'number') return;
      this.lastId = Math.max(this.lastId, event.id);
      if (this.snapshot.events.some((x) => keyOf(x) === keyOf(event))) return;
      this.set({ events: [event, ...this.snapshot.events].slice(0, this.options.keep) });
      this.options.onEvents([event]);
    };
    // EventSource retries on its own without backoff and gives up on some errors; we replace it instead
    source.onerror = () => this.fail();
  }

  private close() {
    if (!this.source) return;
    this.source.onmessage = null;
    this.source.onerror = null;
    this.source.close();
    this.source = null;
  }

  private fail() {
    if (this.stopped) return;
    this.close();
    this.wasDown = true;
    const attempt = this.snapshot.attempt;
    this.set({ status: 'down', attempt: attempt + 1 });
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, backoffMs(attempt));
  }
}
