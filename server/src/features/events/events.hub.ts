// The one audit-log poller of a process, shared by every open event stream: started when the
// first stream subscribes, stopped when the last one leaves, so an idle server never polls.
// It reads only committed rows, so it works the same on both drivers and across processes.
import type { Queryable } from '@svm/db';
import type { EventDto } from '@svm/contract';
import { eventsOf } from './events.ts';
import { auditFactsAfter, latestAuditId } from './events.queries.ts';

const MAX_GAP = 64;

export type EventListener = (events: EventDto[]) => void;

export interface HubOptions {
  /** how often the audit log is read */
  pollMs: number;
  /** rows read per poll at most (a big backlog is read over several polls) */
  batch: number;
  /** how long an id skipped by a later commit is still looked for */
  holeMs: number;
  logError: (message: string, err: unknown) => void;
}

export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private cursor = 0;
  // On a server, ids are taken at insert but rows appear at commit, so id 11 can be seen before
  // id 10 commits. Skipped ids are looked for again until they are `holeMs` old.
  private holes = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private running = false;
  // bumped on every start, so a poll still in flight from before a stop does not start a second loop
  private generation = 0;

  constructor(
    private readonly db: Queryable,
    private readonly options: HubOptions,
  ) {}

  /** Starts listening; resolves with the id up to which the poller has already read (a stream catches up to it). */
  async subscribe(listener: EventListener): Promise<{ position: number; unsubscribe: () => void }> {
    this.listeners.add(listener);
    if (!this.running) {
      this.starting ??= latestAuditId(this.db)
        .then((id) => {
          this.cursor = id;
          this.running = true;
          this.generation++;
          this.schedule(this.generation);
        })
        .finally(() => {
          this.starting = null;
        });
      try {
        await this.starting;
      } catch (err) {
        this.listeners.delete(listener);
        throw err;
      }
    }
    return { position: this.cursor, unsubscribe: () => this.leave(listener) };
  }

  /** Streams listening now (tests check that a closed stream leaves). */
  get size(): number {
    return this.listeners.size;
  }

  /** Whether the poller is running. */
  get polling(): boolean {
    return this.running;
  }

  private leave(listener: EventListener) {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.stop();
  }

  private stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.holes.clear();
  }

  private schedule(generation: number) {
    if (!this.running || generation !== this.generation) return;
    this.timer = setTimeout(() => void this.poll(generation), this.options.pollMs);
  }

  private async poll(generation: number) {
    this.timer = null;
    try {
      const rows = await auditFactsAfter(this.db, this.cursor, [...this.holes.keys()], this.options.batch);
      if (!this.running || generation !== this.generation) return;
      const now = Date.now();
      for (const [id, since] of this.holes) if (now - since > this.options.holeMs) this.holes.delete(id);
      const events: EventDto[] = [];
      for (const row of rows) {
        this.holes.delete(row.id);
        // a long run of missing ids is rolled-back writes (sequences do not roll back), not commits in flight
        if (row.id - this.cursor <= MAX_GAP) for (let id = this.cursor + 1; id < row.id; id++) this.holes.set(id, now);
        this.cursor = Math.max(this.cursor, row.id);
        events.push(...eventsOf(row));
      }
      if (events.length) for (const listener of this.listeners) listener(events);
    } catch (err) {
      // the database is away (restarting, a network blip): keep trying at the same pace
      this.options.logError('event poller: reading the audit log failed', err);
    } finally {
      this.schedule(generation);
    }
  }
}
