import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails, VenueDto } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, userId, venueId, write } from '../../testing/workflow-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const f = await twoTownships(tx);
  const accounts = await addAccounts(tx, f);
  const zhangId = await userId(tx, 'fx_zhang');
  // 张三 walks cell A-1 (v1, v2, v3 and NEW_VENUE's location); the city account may move venues anywhere
  return {
    f,
    zhangId,
    zhang: await appAs(tx, zhangId),
    city: await appAs(tx, accounts.city),
    planner: await appAs(tx, accounts.planner),
    nobody: await appAs(tx, null),
  };
}

const NEW_VENUE = {
  name: '东湖电动车行',
  address: '中山路8号',
  category: 'ebike',
  riskLevel: 'medium',
  occupancy: 6,
  floorAreaM2: 80,
  indoorEbikeCharging: true,
  chargingNearStock: true,
  location: [121.02, 30.03],
  registeredAt: '2026-11-01T09:00:00+08:00',
};

describe('venue writes', () => {
  it('registers a venue whose township and cell come from its location, audit-logged with the actor', async () => {
    await rolledBack(async (tx) => {
      const { f, zhang } = await setUp(tx);
      const res = await write(zhang, 'POST', '/api/venues', NEW_VENUE);
      expect(res.status).toBe(201);
      const venue = await bodyOf<VenueDto>(res);
      expect(venue).toMatchObject({
        name: '东湖电动车行',
        category: 'ebike',
        riskLevel: 'medium',
        registration: 'registered',
        status: 'active',
        flammablesStored: false,
        location: [121.02, 30.03],
        registeredAt: '2026-11-01T01:00:00.000Z',
        townshipId: f.townshipA,
        gridCellId: f.cells.a1,
        closedAt: null,
      });
      const audit = await tx.query<{ actor_name: string; action: string; entity_id: string }>(
        'SELECT actor_name, action, entity_id FROM audit_log',
      );
      expect(audit).toEqual([{ actor_name: '张三', action: 'venue.register', entity_id: String(venue.id) }]);
    });
  });

  it('moves a venue (and its hazards) to another township and cell, and closes it once', async () => {
    await rolledBack(async (tx) => {
      const { f, zhang, city } = await setUp(tx);
      const v1 = await venueId(tx, 'v1');
      await write(zhang, 'POST', '/api/patrols', {
        venueId: v1,
        patrolledAt: '2026-11-02',
        hazards: [{ typeCode: 'blocked_exit' }],
      });
      const moved = await bodyOf<VenueDto>(
        await write(city, 'PATCH', `/api/venues/${v1}`, { location: [121.15, 30.05], riskLevel: 'high' }),
      );
      expect(moved).toMatchObject({ townshipId: f.townshipB, gridCellId: f.cells.b1, riskLevel: 'high', name: 'v1' });
      // its hazard follows it into township B's jurisdiction
      expect(await tx.query('SELECT township_id FROM hazards WHERE venue_id = $1', [v1])).toEqual([
        { township_id: f.townshipB },
      ]);
      const island = await bodyOf<VenueDto>(
        await write(city, 'PATCH', `/api/venues/${v1}`, { location: [121.32, 30.03] }),
      );
      // B's island has no grid cell
      expect(island).toMatchObject({ townshipId: f.townshipB, gridCellId: null });
      const closed = await write(city, 'POST', `/api/venues/${v1}/close`, { closedAt: '2026-11-20' });
      // closedAt 2026-11-20 is that day's start in the city (Asia/Shanghai, UTC+8)
      expect(await bodyOf<VenueDto>(closed)).toMatchObject({ status: 'closed', closedAt: '2026-11-19T16:00:00.000Z' });
      const again = await write(city, 'POST', `/api/venues/${v1}/close`, {});
      expect(again.status).toBe(409);
      expect((await bodyOf<ProblemDetails>(again)).detail).toContain('already closed');
    });
  });

  it('stores an injection string verbatim as the name', async () => {
    await rolledBack(async (tx) => {
      const { zhang } = await setUp(tx);
      const name = "x'); DELETE FROM venues; --";
      const venue = await bodyOf<VenueDto>(await write(zhang, 'POST', '/api/venues', { ...NEW_VENUE, name }));
      expect(venue.name).toBe(name);
      expect((await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM venues'))[0]?.n).toBe(8);
    });
  });

  it('refuses a location outside every township with 422 and writes nothing', async () => {
    await rolledBack(async (tx) => {
      const { zhang } = await setUp(tx);
      const v1 = await venueId(tx, 'v1');
      const before = await checksum(tx);
      for (const [method, path] of [
        ['POST', '/api/venues'],
        ['PATCH', `/api/venues/${v1}`],
      ] as const) {
        const res = await write(
          zhang,
          method,
          path,
          method === 'POST' ? { ...NEW_VENUE, location: [121.25, 30.05] } : { location: [121.25, 30.05] },
        );
        expect(res.status).toBe(422);
        expect((await bodyOf<ProblemDetails>(res)).detail).toBe(
          "location [121.25, 30.05] lies outside every township; a venue must be inside the city's townships",
        );
      }
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('answers bad venue input with 4xx problems that say what is allowed, writing nothing', async () => {
    await rolledBack(async (tx) => {
      const { zhang } = await setUp(tx);
      const v1 = await venueId(tx, 'v1');
      const before = await checksum(tx);
      const cases: [string, string, unknown, number, string][] = [
        ['POST', '/api/venues', '{"name": "x",', 400, 'Malformed JSON'],
        ['POST', '/api/venues', '{"name": NaN}', 400, 'Malformed JSON'],
        ['POST', '/api/venues', { ...NEW_VENUE, location: [181, 30] }, 400, 'longitude must be from -180 to 180'],
        ['POST', '/api/venues', { ...NEW_VENUE, location: [121, -91] }, 400, 'latitude must be from -90 to 90'],
        ['POST', '/api/venues', { ...NEW_VENUE, location: [121] }, 400, 'location'],
        ['POST', '/api/venues', { ...NEW_VENUE, location: ['121', '30'] }, 400, 'longitude must be a number'],
        ['POST', '/api/venues', { ...NEW_VENUE, category: 'casino' }, 400, 'category "casino" is not one of catering'],
        ['POST', '/api/venues', { ...NEW_VENUE, occupancy: 1.5 }, 400, 'occupancy must be an integer from 0 to 100000'],
        ['POST', '/api/venues', { ...NEW_VENUE, occupancy: '6' }, 400, 'occupancy must be an integer'],
        ['POST', '/api/venues', { ...NEW_VENUE, name: '' }, 400, 'name must be text of 1 to 200'],
        ['POST', '/api/venues', { ...NEW_VENUE, colour: 'red' }, 400, 'colour'],
        ['POST', '/api/venues', { ...NEW_VENUE, registeredAt: '2026-13-45' }, 400, 'not a real date'],
        ['PATCH', `/api/venues/${v1}`, {}, 400, 'give at least one field'],
        ['PATCH', '/api/venues/0', { name: 'x' }, 400, 'id must be a positive integer'],
        ['PATCH', '/api/venues/999999', { name: 'x' }, 404, 'venue 999999 does not exist'],
        [
          'POST',
          `/api/venues/${v1}/close`,
          { closedAt: '2025-06-01' },
          422,
          "must not be before the venue's registration",
        ],
        ['POST', '/api/venues', JSON.stringify({ ...NEW_VENUE, address: 'x'.repeat(1024 * 1024) }), 413, 'larger than'],
      ];
      for (const [method, path, body, status, message] of cases) {
        const res = await write(zhang, method, path, body);
        expect(res.status, `${method} ${path} ${String(body).slice(0, 40)}`).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(message);
      }
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('refuses a body of another media type with 415 and accepts a bare close without a body', async () => {
    await rolledBack(async (tx) => {
      const { zhang } = await setUp(tx);
      const v1 = await venueId(tx, 'v1');
      const res = await zhang.request('/api/venues', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify(NEW_VENUE),
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect((await bodyOf<ProblemDetails>(res)).detail).toContain('send application/json');
      const bare = await zhang.request(`/api/venues/${v1}/close`, { method: 'POST' });
      expect(bare.status).toBe(200);
      expect((await bodyOf<VenueDto>(bare)).status).toBe('closed');
    });
  });

  it('requires a signed-in, active user who may write: 401 for nobody, 403 when deactivated or read-only', async () => {
    await rolledBack(async (tx) => {
      const { zhang, zhangId, planner, nobody } = await setUp(tx);
      const before = await checksum(tx);
      const anonymous = await write(nobody, 'POST', '/api/venues', NEW_VENUE);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect((await bodyOf<ProblemDetails>(await write(planner, 'POST', '/api/venues', NEW_VENUE))).detail).toContain(
        'reads only',
      );
      await tx.query('UPDATE users SET active = false WHERE id = $1', [zhangId]);
      const inactive = await write(zhang, 'POST', '/api/venues', NEW_VENUE);
      expect(inactive.status).toBe(403);
      expect((await bodyOf<ProblemDetails>(inactive)).detail).toContain('deactivated');
      await tx.query('UPDATE users SET active = true WHERE id = $1', [zhangId]);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
