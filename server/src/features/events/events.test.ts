import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../auth/caller.ts';
import type { EventDto, ProblemDetails, RecentEventsDto } from '@svm/contract';
import { bodyOf, CITY_READER, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { userId, venueId } from '../../testing/workflow-fixture.ts';
import { sseReader } from '../../testing/sse-reader.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];

/** POSTs a patrol as a fixture grid worker: signed in as them, and naming them in X-Actor-Id (the pre-sign-in way). */
async function patrolAs(tx: Tx, worker: number, body: unknown): Promise<Response> {
  const caller: Caller = {
    userId: worker,
    name: `user ${worker}`,
    role: 'grid_worker',
    scope: CITY_READER.scope,
    readOnly: false,
  };
  const { app } = await testApp(tx, { caller });
  return app.request('/api/patrols', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Actor-Id': String(worker) },
    body: JSON.stringify(body),
  });
}

// The fixture's venues are all retail: v1 in township A (worker 张三), v6 in township B (李四).
// Writes, in order:
//   1. 张三 patrols v1 on 20 Nov and fixes a blocked exit on the spot (closed at once);
//   2. 张三 patrols v1 on 25 Nov and finds the blocked exit again (5 days after closing: a rebound)
//      and an extinguisher missing;
//   3. 李四 patrols v6 on 26 Nov, all well.
// So the events are: patrol(v1), found blocked_exit | patrol(v1), rebound blocked_exit, found
// no_extinguisher | patrol(v6); township A sees the first five, township B the last one.
async function setUp(tx: Tx, caller: Caller = CITY_READER) {
  const f = await twoTownships(tx);
  const { app } = await testApp(tx, { caller });
  const zhang = await userId(tx, 'fx_zhang');
  const li = await userId(tx, 'fx_li');
  return { f, app, zhang, li, v1: await venueId(tx, 'v1'), v6: await venueId(tx, 'v6') };
}

async function writeThree(tx: Tx) {
  const zhang = await userId(tx, 'fx_zhang');
  const li = await userId(tx, 'fx_li');
  const v1 = await venueId(tx, 'v1');
  const v6 = await venueId(tx, 'v6');
  const patrols = [
    [
      { venueId: v1, patrolledAt: '2026-11-20T08:00:00Z', hazards: [{ typeCode: 'blocked_exit', fixedOnSpot: true }] },
      zhang,
    ],
    [
      {
        venueId: v1,
        patrolledAt: '2026-11-25T08:00:00Z',
        hazards: [{ typeCode: 'blocked_exit' }, { typeCode: 'no_extinguisher' }],
      },
      zhang,
    ],
    [{ venueId: v6, patrolledAt: '2026-11-26T08:00:00Z' }, li],
  ] as const;
  for (const [body, actor] of patrols) {
    const res = await patrolAs(tx, actor, body);
    expect(res.status, await res.clone().text()).toBe(201);
  }
}

const summary = (events: EventDto[]) =>
  events.map((e) => `${e.kind}:${e.venue?.name ?? '-'}:${e.hazardType?.code ?? '-'}`);

describe('GET /api/events/recent', () => {
  it('lists the latest events oldest first, one per fact, with venue, township and what they make stale', async () => {
    await rolledBack(async (tx) => {
      const { f, app } = await setUp(tx);
      await writeThree(tx);
      const body = await bodyOf<RecentEventsDto>(await app.request('/api/events/recent'));
      expect(summary(body.events)).toEqual([
        'patrol_recorded:v1:-',
        'hazard_found:v1:blocked_exit',
        'patrol_recorded:v1:-',
        'rebound_detected:v1:blocked_exit',
        'hazard_found:v1:no_extinguisher',
        'patrol_recorded:v6:-',
      ]);
      const [first, found] = body.events;
      expect(first).toMatchObject({
        townshipId: f.townshipA,
        venue: { category: 'retail' },
        actorName: '张三',
        seq: 0,
      });
      expect(first!.invalidates).toContain('grid-cells');
      expect(found).toMatchObject({ id: first!.id, seq: 1 });
      expect(found!.invalidates).toContain('heatmap');
      expect(found!.hazardType).toEqual({
        code: 'blocked_exit',
        name: '安全出口/疏散通道堵塞',
        nameEn: 'Blocked exit or escape route',
      });
      expect(body.events[3]!.invalidates).toContain('rebounds');
      // the newest id: a stream opened after it repeats none of these
      expect(body.lastId).toBe(body.events[5]!.id);

      const two = await bodyOf<RecentEventsDto>(await app.request('/api/events/recent?limit=2'));
      expect(summary(two.events)).toEqual(['hazard_found:v1:no_extinguisher', 'patrol_recorded:v6:-']);
    });
  });

  it('shows a township only its own venues’ events and a department only its categories’', async () => {
    await rolledBack(async (tx) => {
      const { f } = await setUp(tx);
      const [retail, catering] = await tx.query<{ id: number }>(`
        INSERT INTO industry_departments (code, name, name_en, categories)
        VALUES ('fx-shops', '商务局', 'Commerce', '{retail}'), ('fx-food', '市场监管局', 'Market', '{catering}') RETURNING id`);
      await writeThree(tx);
      const as = async (caller: Caller) => {
        const { app } = await testApp(tx, { caller });
        return summary((await bodyOf<RecentEventsDto>(await app.request('/api/events/recent'))).events);
      };
      const person = { userId: 1, name: 'x', readOnly: true };
      expect(await as({ ...person, role: 'township', scope: { kind: 'township', townshipId: f.townshipB } })).toEqual([
        'patrol_recorded:v6:-',
      ]);
      expect(
        await as({ ...person, role: 'township', scope: { kind: 'township', townshipId: f.townshipA } }),
      ).toHaveLength(5);
      expect(
        await as({ ...person, role: 'department', scope: { kind: 'department', departmentId: retail!.id } }),
      ).toHaveLength(6);
      expect(
        await as({ ...person, role: 'department', scope: { kind: 'department', departmentId: catering!.id } }),
      ).toEqual([]);
    });
  });

  it('answers an empty log with no events, and a bad limit with a 400 that says what is allowed', async () => {
    await rolledBack(async (tx) => {
      const { app } = await setUp(tx);
      expect((await bodyOf<RecentEventsDto>(await app.request('/api/events/recent'))).events).toEqual([]);
      for (const limit of ['0', '101', 'ten']) {
        const res = await app.request(`/api/events/recent?limit=${limit}`);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain('limit must be a whole number from 1 to 100');
      }
      expect((await app.request('/api/events/recent')).status).toBe(200);
      const { app: anonymous } = await testApp(tx, { caller: null });
      expect((await anonymous.request('/api/events/recent')).status).toBe(401);
    });
  });
});

describe('GET /api/events', () => {
  it('pushes a patrol written while the stream is open, then replays it to a client resuming from before it', async () => {
    await rolledBack(async (tx) => {
      const { app, zhang, v1 } = await setUp(tx);
      const res = await app.request('/api/events');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const stream = sseReader(res);
      const hello = await stream.next();
      expect(hello).toMatchObject({ event: 'hello', retry: 3000 });
      const start = (JSON.parse(hello.data) as { lastId: number }).lastId;

      const written = await patrolAs(tx, zhang, { venueId: v1, patrolledAt: '2026-11-28T08:00:00Z' });
      expect(written.status).toBe(201);
      // the poller reads the log once a second
      const pushed = await stream.next(5_000);
      const event = JSON.parse(pushed.data) as EventDto;
      expect(event).toMatchObject({ kind: 'patrol_recorded', venue: { name: 'v1' } });
      expect(pushed.id).toBe(String(event.id));
      await stream.close();

      // a reconnecting EventSource sends the last id it saw: before the patrol, so it gets it again at once
      const again = sseReader(await app.request('/api/events', { headers: { 'Last-Event-ID': String(start) } }));
      expect((await again.next()).event).toBe('hello');
      expect(JSON.parse((await again.next(1_000)).data)).toMatchObject({ id: event.id, kind: 'patrol_recorded' });
      await again.close();
      // `after` does the same for a first connection
      const after = sseReader(await app.request(`/api/events?after=${start}`));
      await after.next();
      expect(JSON.parse((await after.next(1_000)).data)).toMatchObject({ id: event.id });
      await after.close();
    });
  });

  it('sends a township caller’s stream nothing about another township', async () => {
    await rolledBack(async (tx) => {
      const { f, zhang, li, v1, v6 } = await setUp(tx);
      const { app } = await testApp(tx, {
        caller: {
          userId: 1,
          name: 'b',
          role: 'township',
          readOnly: true,
          scope: { kind: 'township', townshipId: f.townshipB },
        },
      });
      const stream = sseReader(await app.request('/api/events'));
      await stream.next();
      expect((await patrolAs(tx, zhang, { venueId: v1, patrolledAt: '2026-11-28T08:00:00Z' })).status).toBe(201);
      expect((await patrolAs(tx, li, { venueId: v6, patrolledAt: '2026-11-28T09:00:00Z' })).status).toBe(201);
      // the first event it gets is v6's, although v1's was written first
      expect(JSON.parse((await stream.next(5_000)).data)).toMatchObject({
        kind: 'patrol_recorded',
        venue: { name: 'v6' },
      });
      await stream.close();
    });
  });

  it('refuses a Last-Event-ID or after that is not an audit id, with a 400 saying so', async () => {
    await rolledBack(async (tx) => {
      const { app } = await setUp(tx);
      const bad = await app.request('/api/events', { headers: { 'Last-Event-ID': 'abc' } });
      expect(bad.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(bad)).detail).toContain('Last-Event-ID "abc" must be the id of an event');
      const after = await app.request('/api/events?after=-1');
      expect(after.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(after)).detail).toContain('after must be an audit id');
    });
  });
});
