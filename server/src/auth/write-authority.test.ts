import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { testApp } from '../testing/app.ts';
import { twoTownships, type Fixture } from '../testing/fixture.ts';
import { appAs, checksum, userId, venueId } from '../testing/workflow-fixture.ts';
import { CITY_SCOPE, type Caller } from './caller.ts';
import { addAccounts } from '../testing/auth.ts';

// The write-authority matrix over the twoTownships fixture (+ addAccounts):
//   v1 retail, township A, cell A-1 (worker 张三 fx_zhang); v5 retail, township A, cell A-2 (no worker);
//   v6 retail, township B, cell B-1 (worker 李四 fx_li). The commerce department covers retail,
//   transport only e-bikes. Each write runs in a savepoint rolled back afterwards, so every
//   cell of the matrix starts from the same data; a 403 must leave every table's checksum as it was,
//   and an accepted write must leave an audit row naming its actor.
const ROLES = [
  'admin',
  'city',
  'planner',
  'leaderA',
  'leaderB',
  'commerce',
  'transport',
  'zhang',
  'li',
  'display',
] as const;
type Role = (typeof ROLES)[number];

interface World {
  f: Fixture;
  as: Record<Role, App>;
  ids: Record<Role, number | null>;
  v1: number;
  v5: number;
  v6: number;
  hOpen: number;
  hRectifying: number;
  hRectified: number;
  tokenId: number;
}

async function hazard(tx: Queryable, venue: number, status: string): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO hazards (venue_id, type_code, severity, status, found_at, responsible_person, deadline, rectified_at)
     VALUES ($1, 'blocked_exit', 'major', $2::hazard_status, '2026-11-01', CASE WHEN $2 = 'open' THEN NULL ELSE '王老板' END,
             CASE WHEN $2 = 'open' THEN NULL ELSE '2026-12-01'::timestamptz END, CASE WHEN $2 = 'rectified' THEN '2026-11-10'::timestamptz END)
     RETURNING id`,
    [venue, status],
  );
  return rows[0]!.id;
}

async function world(tx: Queryable): Promise<World> {
  const f = await twoTownships(tx);
  const a = await addAccounts(tx, f);
  const zhang = await userId(tx, 'fx_zhang');
  const li = await userId(tx, 'fx_li');
  const ids: Record<Role, number | null> = {
    admin: a.admin,
    city: a.city,
    planner: a.planner,
    leaderA: a.leaderA,
    leaderB: a.leaderB,
    commerce: a.commerce,
    transport: a.transport,
    zhang,
    li,
    display: null,
  };
  const wall: Caller = { userId: null, name: '指挥中心大屏', role: null, scope: CITY_SCOPE, readOnly: true };
  const as = {} as Record<Role, App>;
  for (const role of ROLES)
    as[role] = role === 'display' ? (await testApp(tx, { caller: wall })).app : await appAs(tx, ids[role]);
  const v1 = await venueId(tx, 'v1');
  const token = await tx.query<{ id: number }>(
    "INSERT INTO display_tokens (label, token_hash) VALUES ('wall', repeat('a', 64)) RETURNING id",
  );
  return {
    f,
    as,
    ids,
    v1,
    v5: await venueId(tx, 'v5'),
    v6: await venueId(tx, 'v6'),
    hOpen: await hazard(tx, v1, 'open'),
    hRectifying: await hazard(tx, v1, 'rectifying'),
    hRectified: await hazard(tx, v1, 'rectified'),
    tokenId: token[0]!.id,
  };
}

interface Case {
  name: string;
  method: string;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  type?: string;
  allowed: Role[];
  status: number;
  /** audit rows an accepted write leaves (an accounts import: one per account and the import's own) */
  audits?: number;
  /** a Prefer header: respond-async runs an import as a job, awaited here before the checks */
  prefer?: string;
}

const JSON_TYPE = 'application/json';
const venue = { name: '新店', category: 'retail', riskLevel: 'low' };
const CASES: Case[] = [
  {
    name: 'register a venue in cell A-1',
    method: 'POST',
    path: () => '/api/venues',
    body: () => ({ ...venue, location: [121.02, 30.03] }),
    allowed: ['admin', 'city', 'leaderA', 'zhang'],
    status: 201,
  },
  {
    name: 'register a venue in cell A-2 (no worker)',
    method: 'POST',
    path: () => '/api/venues',
    body: () => ({ ...venue, location: [121.07, 30.07] }),
    allowed: ['admin', 'city', 'leaderA'],
    status: 201,
  },
  {
    name: 'register a venue in township B',
    method: 'POST',
    path: () => '/api/venues',
    body: () => ({ ...venue, location: [121.15, 30.06] }),
    allowed: ['admin', 'city', 'leaderB', 'li'],
    status: 201,
  },
  {
    name: 'update v1 (A-1)',
    method: 'PATCH',
    path: (w) => `/api/venues/${w.v1}`,
    body: () => ({ riskLevel: 'high' }),
    allowed: ['admin', 'city', 'leaderA', 'zhang'],
    status: 200,
  },
  {
    name: 'move v1 from A to B',
    method: 'PATCH',
    path: (w) => `/api/venues/${w.v1}`,
    body: () => ({ location: [121.15, 30.06] }),
    allowed: ['admin', 'city'],
    status: 200,
  },
  {
    name: 'close v5 (A-2)',
    method: 'POST',
    path: (w) => `/api/venues/${w.v5}/close`,
    body: () => ({}),
    allowed: ['admin', 'city', 'leaderA'],
    status: 200,
  },
  {
    name: 'close v6 (B-1)',
    method: 'POST',
    path: (w) => `/api/venues/${w.v6}/close`,
    body: () => ({}),
    allowed: ['admin', 'city', 'leaderB', 'li'],
    status: 200,
  },
  {
    name: 'patrol v1 (A-1)',
    method: 'POST',
    path: () => '/api/patrols',
    body: (w) => ({ venueId: w.v1, patrolledAt: '2026-11-20' }),
    allowed: ['zhang'],
    status: 201,
  },
  {
    name: 'patrol v6 (B-1)',
    method: 'POST',
    path: () => '/api/patrols',
    body: (w) => ({ venueId: w.v6, patrolledAt: '2026-11-20' }),
    allowed: ['li'],
    status: 201,
  },
  {
    name: 'patrol v5 (A-2, no worker)',
    method: 'POST',
    path: () => '/api/patrols',
    body: (w) => ({ venueId: w.v5, patrolledAt: '2026-11-20' }),
    allowed: [],
    status: 201,
  },
  {
    name: 'assign a hazard at v1',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hOpen}/assign`,
    body: () => ({ responsiblePerson: '王老板', deadline: '2026-12-15' }),
    allowed: ['admin', 'city', 'leaderA', 'zhang'],
    status: 200,
  },
  {
    name: 'report a hazard at v1 rectified',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hRectifying}/rectified`,
    body: () => ({}),
    allowed: ['admin', 'city', 'leaderA', 'zhang'],
    status: 200,
  },
  {
    name: 'territorial sign-off at v1',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hRectified}/acceptances`,
    body: () => ({ party: 'territorial', passed: true }),
    allowed: ['leaderA'],
    status: 201,
  },
  {
    name: 'industry sign-off at v1 (retail)',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hRectified}/acceptances`,
    body: () => ({ party: 'industry', passed: true }),
    allowed: ['commerce'],
    status: 201,
  },
  {
    name: 'special sign-off at v1',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hRectified}/acceptances`,
    body: () => ({ party: 'special', passed: false, note: '复查不合格' }),
    allowed: ['city'],
    status: 201,
  },
  // allowed callers get 409 (sign-offs missing): authority is decided before the lifecycle
  {
    name: 'ask to close a hazard at v1',
    method: 'POST',
    path: (w) => `/api/hazards/${w.hRectified}/close`,
    body: () => ({}),
    allowed: ['admin', 'city', 'leaderA', 'zhang', 'commerce'],
    status: 409,
  },
  {
    name: 'change the patrol policy',
    method: 'PUT',
    path: () => '/api/policy',
    body: () => ({ lowDays: 21 }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'change a grading rule',
    method: 'PUT',
    path: () => '/api/grading-rules/cat_retail',
    body: () => ({ points: 40 }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'add a hazard type',
    method: 'POST',
    path: () => '/api/hazard-types',
    body: () => ({ code: 'FS-12.3', name: '消防设施损坏', defaultSeverity: 'major' }),
    allowed: ['admin'],
    status: 201,
  },
  {
    name: 'retire a hazard type',
    method: 'PATCH',
    path: () => '/api/hazard-types/no_extinguisher',
    body: () => ({ retired: true }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'delete an unused hazard type',
    method: 'DELETE',
    path: () => '/api/hazard-types/gas_safety',
    allowed: ['admin'],
    status: 204,
  },
  {
    name: 'add an industry department',
    method: 'POST',
    path: () => '/api/departments',
    body: () => ({ code: 'market', name: '市场监管局', categories: ['repair'] }),
    allowed: ['admin'],
    status: 201,
  },
  {
    name: 'rename an industry department',
    method: 'PATCH',
    path: () => '/api/departments/fx_commerce',
    body: () => ({ name: '商务和粮食局' }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'import industry departments (CSV)',
    method: 'POST',
    path: () => '/api/import/departments',
    type: 'text/csv',
    allowed: ['admin'],
    status: 200,
    body: () => 'code,name,name_en,categories\nmarket,市场监管局,Market Regulation,repair;other\n',
  },
  {
    name: 'import hazard types (CSV)',
    method: 'POST',
    path: () => '/api/import/hazard-types',
    type: 'text/csv',
    allowed: ['admin'],
    status: 200,
    body: () => 'code,name,default_severity,categories\nFS-12.3,消防设施损坏,major,catering;retail\n',
  },
  {
    name: 'import accounts (CSV)',
    method: 'POST',
    path: () => '/api/import/accounts',
    type: 'text/csv',
    allowed: ['admin'],
    status: 200,
    audits: 3,
    body: () =>
      'username,display_name,role,township_code,department_code\nfx_a2,东湖网格员,grid_worker,FX-A,\nfx_food,食品审核,department,,fx_commerce\n',
  },
  {
    name: 'import reference points',
    method: 'POST',
    path: () => '/api/import/reference-points',
    type: 'application/geo+json',
    allowed: ['admin'],
    status: 200,
    body: () => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [121.02, 30.02] },
          properties: { externalId: 'r1' },
        },
      ],
    }),
  },
  {
    name: 'import venues (CSV)',
    method: 'POST',
    path: () => '/api/import/venues',
    type: 'text/csv',
    allowed: ['admin'],
    status: 200,
    body: () =>
      'external_id,name,category,risk_level,lon,lat,registered_at\nX-1,新店,retail,low,121.02,30.02,2026-01-01\n',
  },
  {
    name: 'import venues as a job (Prefer: respond-async)',
    method: 'POST',
    path: () => '/api/import/venues',
    type: 'text/csv',
    prefer: 'respond-async',
    allowed: ['admin'],
    status: 202,
    body: () =>
      'external_id,name,category,risk_level,lon,lat,registered_at\nX-2,新店,retail,low,121.02,30.02,2026-01-01\n',
  },
  {
    name: 'create a display token',
    method: 'POST',
    path: () => '/api/auth/display-tokens',
    body: () => ({ label: 'wall 2' }),
    allowed: ['admin'],
    status: 201,
  },
  {
    name: 'revoke a display token',
    method: 'DELETE',
    path: (w) => `/api/auth/display-tokens/${w.tokenId}`,
    allowed: ['admin'],
    status: 200,
  },
  {
    name: "set a grid worker's password",
    method: 'PATCH',
    path: (w) => `/api/auth/users/${w.ids.li}`,
    body: () => ({ password: 'a new password' }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'deactivate an account',
    method: 'PATCH',
    path: (w) => `/api/auth/users/${w.ids.leaderB}`,
    body: () => ({ active: false }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'create an account',
    method: 'POST',
    path: () => '/api/auth/users',
    body: (w) => ({ username: 'fx_new', displayName: '新网格员', role: 'grid_worker', townshipId: w.f.townshipA }),
    allowed: ['admin'],
    status: 201,
  },
  {
    name: 'rename an account and change its phone',
    method: 'PATCH',
    path: (w) => `/api/auth/users/${w.ids.li}`,
    body: () => ({ displayName: '李四四', phone: '13800000000' }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'give cell A-2 a worker',
    method: 'PUT',
    path: (w) => `/api/grid-cells/${w.f.cells.a2}/worker`,
    body: (w) => ({ workerId: w.ids.zhang }),
    allowed: ['admin'],
    status: 200,
  },
  {
    name: 'leave cell B-1 without a worker',
    method: 'PUT',
    path: (w) => `/api/grid-cells/${w.f.cells.b1}/worker`,
    body: () => ({ workerId: null }),
    allowed: ['admin'],
    status: 200,
  },
];

async function ask(app: App, c: Case, w: World): Promise<Response> {
  const body = c.body?.(w);
  const res = await app.request(c.path(w), {
    method: c.method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'Content-Type': c.type ?? JSON_TYPE, ...(c.prefer ? { Prefer: c.prefer } : {}) },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
  // a job writes in the background: wait for it, so the checks see what it did
  for (let at = res.headers.get('Location'); res.status === 202 && at;) {
    const job = (await (await app.request(at)).json()) as { state: string };
    if (job.state === 'succeeded' || job.state === 'failed') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return res;
}

describe('write authority matrix', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.allowed.length ? c.allowed.join(', ') : 'nobody'} may; everyone else gets 403 and nothing changes`, async () => {
      await rolledBack(async (tx) => {
        const w = await world(tx);
        const before = await checksum(tx);
        const outcome: Record<string, number> = {};
        for (const role of ROLES) {
          await tx.query('SAVEPOINT matrix');
          const res = await ask(w.as[role], c, w);
          outcome[role] = res.status;
          if (res.status === 403) {
            expect(res.headers.get('content-type'), role).toBe('application/problem+json');
            expect(await checksum(tx), `${role}: a refused write changed nothing`).toEqual(before);
          } else if (res.status < 300) {
            const audit = await tx.query<{ n: number }>(
              'SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1',
              [w.ids[role]],
            );
            expect(audit[0]!.n, `${role}: the accepted write is audited with its actor`).toBe(c.audits ?? 1);
          }
          await tx.query('ROLLBACK TO SAVEPOINT matrix');
        }
        const expected = Object.fromEntries(ROLES.map((r) => [r, c.allowed.includes(r) ? c.status : 403]));
        expect(outcome).toEqual(expected);
      });
    });
  }

  it('answers a write by nobody with 401 and writes nothing', async () => {
    await rolledBack(async (tx) => {
      const w = await world(tx);
      const nobody = await appAs(tx, null);
      const before = await checksum(tx);
      for (const c of CASES) expect((await ask(nobody, c, w)).status, c.name).toBe(401);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
