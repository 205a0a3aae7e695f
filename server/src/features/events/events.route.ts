// GET /api/events: Server-Sent Events of committed writes (patrols, hazards, sign-offs, venues,
// imports) for the caller's jurisdiction, resumable from Last-Event-ID (an audit id);
// GET /api/events/recent?limit=: the latest events, for the ticker's first paint.
import { Hono, type Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Queryable } from '@svm/db';
import { scopeOf, type Scope } from '../../auth/caller.ts';
import { eventStreamQuerySchema, recentEventsQuerySchema, type EventDto, type RecentEventsDto } from '@svm/contract';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { EventHub } from './events.hub.ts';
import { auditFactsAfter, auditFactsBefore, departmentCategories, latestAuditId } from './events.queries.ts';
import { eventsOf, eventVisibleTo } from './events.ts';

export const HEARTBEAT_MS = 15_000;
/** what EventSource waits before reconnecting on its own (the wall adds its own backoff) */
export const RETRY_MS = 3_000;
/** a stream further behind than this many audit rows is told to reload instead of replaying them */
const CATCH_UP_MAX = 2_000;
/** a client that stops reading is dropped (it reconnects and catches up) rather than buffered forever */
const MAX_PENDING = 5_000;
const PAGE = 500;

async function visibility(db: Queryable, scope: Scope): Promise<(e: EventDto) => boolean> {
  const categories = scope.kind === 'department' ? await departmentCategories(db, scope.departmentId) : [];
  return (e) => eventVisibleTo(scope, e, categories);
}

/** Last-Event-ID (sent by EventSource on reconnecting) wins over `after`; either must be an audit id. */
function resumeFrom(c: Context, after: number | undefined): number | undefined {
  const header = c.req.header('Last-Event-ID');
  if (header === undefined || header.trim() === '') return after;
  if (!/^\d{1,15}$/.test(header.trim())) {
    throw Problem.badRequest(
      `Last-Event-ID "${header.slice(0, 40)}" must be the id of an event this stream sent (a non-negative integer)`,
      [{ in: 'header', path: 'Last-Event-ID', message: 'must be a non-negative integer' }],
    );
  }
  return Number(header.trim());
}

/** Writes the events of the audit rows in (after, upTo], or a `reset` when that is too many. */
async function catchUp(
  db: Queryable,
  stream: SSEStreamingApi,
  after: number,
  upTo: number,
  visible: (e: EventDto) => boolean,
) {
  if (upTo - after > CATCH_UP_MAX) {
    await stream.writeSSE({ event: 'reset', data: JSON.stringify({ lastId: upTo }), id: String(upTo) });
    return;
  }
  let from = after;
  while (from < upTo) {
    const rows = (await auditFactsAfter(db, from, [], PAGE)).filter((r) => r.id <= upTo);
    if (!rows.length) break;
    for (const e of rows.flatMap(eventsOf).filter(visible))
      await stream.writeSSE({ id: String(e.id), data: JSON.stringify(e) });
    from = rows[rows.length - 1]!.id;
  }
}

export function eventsRoute(
  deps: AppDeps,
  hub = new EventHub(deps.db, {
    pollMs: 1_000,
    batch: PAGE,
    holeMs: 60_000,
    logError: deps.logError ?? ((m, e) => console.error(m, e)),
  }),
) {
  const { db } = deps;
  return new Hono()
    .get('/', validate('query', eventStreamQuerySchema), async (c) => {
      const after = resumeFrom(c, c.req.valid('query').after);
      const visible = await visibility(db, scopeOf(c));
      return streamSSE(c, async (stream) => {
        let open = true;
        let wake = () => {};
        const pending: EventDto[] = [];
        const close = () => {
          open = false;
          wake();
        };
        stream.onAbort(close);
        // the client going away, or the process shutting down (streams end themselves on it)
        const signals = [c.req.raw.signal, ...(deps.shutdown ? [deps.shutdown] : [])];
        for (const signal of signals) signal.addEventListener('abort', close, { once: true });
        if (signals.some((signal) => signal.aborted)) close();
        const { position, unsubscribe } = await hub.subscribe((events) => {
          pending.push(...events.filter(visible));
          if (pending.length > MAX_PENDING) close();
          wake();
        });
        try {
          await stream.writeSSE({ event: 'hello', data: JSON.stringify({ lastId: position }), retry: RETRY_MS });
          if (after !== undefined && after < position) await catchUp(db, stream, after, position, visible);
          let beatAt = Date.now() + HEARTBEAT_MS;
          while (open) {
            for (let e = pending.shift(); e && open; e = pending.shift()) {
              await stream.writeSSE({ id: String(e.id), data: JSON.stringify(e) });
            }
            if (Date.now() >= beatAt) {
              // a named event, not a comment: EventSource hides comments, and the wall's
              // freshness badge needs to know the stream is alive when nothing changes
              await stream.writeSSE({ event: 'heartbeat', data: JSON.stringify({ at: new Date().toISOString() }) });
              beatAt = Date.now() + HEARTBEAT_MS;
            }
            if (!open || pending.length) continue;
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.max(0, beatAt - Date.now()));
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
        } finally {
          unsubscribe();
          // the shutdown signal lives as long as the process: leave no listener behind per stream
          for (const signal of signals) signal.removeEventListener('abort', close);
        }
      });
    })
    .get('/recent', validate('query', recentEventsQuerySchema), async (c) => {
      const { limit } = c.req.valid('query');
      const visible = await visibility(db, scopeOf(c));
      const lastId = await latestAuditId(db);
      // newest first, page by page, until enough visible events (a township sees only its own)
      const events: EventDto[] = [];
      // bounded by lastId, so the stream opened with after=lastId repeats none of these
      let before = lastId + 1;
      for (let page = 0; page < 10 && events.length < limit; page++) {
        const rows = await auditFactsBefore(db, before, PAGE);
        for (const row of rows) events.push(...eventsOf(row).filter(visible).reverse());
        if (rows.length < PAGE) break;
        before = rows[rows.length - 1]!.id;
      }
      const body: RecentEventsDto = { events: events.slice(0, limit).reverse(), lastId };
      return c.json(body);
    });
}
