import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LoginDto, ProblemDetails, UserAccountDto, UserAccountPage } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { checksum } from '../../testing/workflow-fixture.ts';
import { login, PASSWORD, signInSetUp, withBearer, type App } from '../../testing/auth-fixture.ts';

const send = (method: string, token: string, body: unknown) => ({
  method,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});
const patch = (token: string, body: unknown) => send('PATCH', token, body);
const bearer = async (app: App, username: string, password = PASSWORD) =>
  (await bodyOf<LoginDto>(await login(app, { username, password, as: 'token' }))).token!;
const usernames = async (app: App, token: string, query: string) =>
  (await bodyOf<UserAccountPage>(await app.request(`/api/auth/users?${query}`, withBearer(token)))).items.map(
    (u) => u.username,
  );

// The fixture's accounts in id order: the grid workers fx_zhang (township A, cell FX-A-1, no
// password) and fx_li (B, FX-B-1, no password), then addAccounts' fx_admin, fx_city, fx_planner,
// fx_leader_a (A), fx_leader_b (B), fx_commerce and fx_transport (departments), all with PASSWORD.
const ALL = [
  'fx_zhang',
  'fx_li',
  'fx_admin',
  'fx_city',
  'fx_planner',
  'fx_leader_a',
  'fx_leader_b',
  'fx_commerce',
  'fx_transport',
];

describe('GET /api/auth/users', () => {
  it('lists every account with its township, department and cells, and never a password hash', async () => {
    await rolledBack(async (tx) => {
      const { app, f, accounts } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const res = await app.request('/api/auth/users?q=fx_', withBearer(admin));
      expect(res.status).toBe(200);
      const text = await res.text();
      const page = JSON.parse(text) as UserAccountPage;
      expect(page.items.map((u) => u.username)).toEqual(ALL);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toMatchObject({
        username: 'fx_zhang',
        displayName: '张三',
        role: 'grid_worker',
        townshipId: f.townshipA,
        township: { id: f.townshipA, name: '东湖街道', nameEn: 'East Lake Subdistrict' },
        department: null,
        active: true,
        hasPassword: false,
        cellCodes: ['FX-A-1'],
      });
      expect(page.items.find((u) => u.username === 'fx_commerce')).toMatchObject({
        role: 'department',
        townshipId: null,
        departmentId: accounts.departments.commerce,
        department: { id: accounts.departments.commerce, name: '商务局', nameEn: 'fx_commerce' },
        hasPassword: true,
        cellCodes: [],
      });
      const hash = (
        await tx.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE username = 'fx_admin'")
      )[0]!.h;
      expect(text).not.toContain(hash);
      expect(text).not.toContain('scrypt$');
    });
  });

  it('filters by role, township, active and text, and pages by id', async () => {
    await rolledBack(async (tx) => {
      const { app, f } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      await tx.query("UPDATE users SET active = false WHERE username = 'fx_li'");
      expect(await usernames(app, admin, 'q=fx_&role=grid_worker')).toEqual(['fx_zhang', 'fx_li']);
      expect(await usernames(app, admin, `q=fx_&townshipId=${f.townshipA}`)).toEqual(['fx_zhang', 'fx_leader_a']);
      expect(await usernames(app, admin, 'q=fx_&active=false')).toEqual(['fx_li']);
      // any case, in the username or the display name (东湖负责人); "%" is a character, not a wildcard
      expect(await usernames(app, admin, 'q=LEADER')).toEqual(['fx_leader_a', 'fx_leader_b']);
      expect(await usernames(app, admin, `q=${encodeURIComponent('东湖')}`)).toEqual(['fx_leader_a']);
      expect(await usernames(app, admin, 'q=%25')).toEqual([]);
      // 9 accounts in pages of 4: 4 + 4 + 1
      const first = await bodyOf<UserAccountPage>(
        await app.request('/api/auth/users?q=fx_&limit=4', withBearer(admin)),
      );
      const second = await bodyOf<UserAccountPage>(
        await app.request(`/api/auth/users?q=fx_&limit=4&cursor=${first.nextCursor}`, withBearer(admin)),
      );
      const third = await bodyOf<UserAccountPage>(
        await app.request(`/api/auth/users?q=fx_&limit=4&cursor=${second.nextCursor}`, withBearer(admin)),
      );
      expect([first, second, third].map((p) => p.items.map((u) => u.username))).toEqual([
        ALL.slice(0, 4),
        ALL.slice(4, 8),
        ALL.slice(8),
      ]);
      expect(third.nextCursor).toBeNull();
      for (const bad of ['role=boss', 'active=yes', 'limit=0', 'cursor=aWQ6eA', 'townshipId=0x1', 'q=']) {
        expect((await app.request(`/api/auth/users?${bad}`, withBearer(admin))).status, bad).toBe(400);
      }
    });
  });

  it('is for admin accounts only: the city, a township leader and a planner get 403', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      for (const username of ['fx_city', 'fx_leader_a', 'fx_planner']) {
        const res = await app.request('/api/auth/users', withBearer(await bearer(app, username)));
        expect(res.status, username).toBe(403);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      }
      expect((await app.request('/api/auth/users')).status).toBe(401);
    });
  });
});

describe('POST /api/auth/users', () => {
  it('creates a grid worker of a township and a department account that can sign in, audited without the password', async () => {
    await rolledBack(async (tx) => {
      const { app, f, accounts } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const worker = await app.request(
        '/api/auth/users',
        send('POST', admin, {
          username: 'fx_wang',
          displayName: '王五',
          role: 'grid_worker',
          townshipId: f.townshipB,
          phone: '138 0000 0000',
        }),
      );
      expect(worker.status).toBe(201);
      expect(await bodyOf<UserAccountDto>(worker)).toMatchObject({
        username: 'fx_wang',
        displayName: '王五',
        role: 'grid_worker',
        township: { id: f.townshipB, name: '西山镇' },
        departmentId: null,
        phone: '138 0000 0000',
        active: true,
        hasPassword: false,
        cellCodes: [],
      });
      const dept = await app.request(
        '/api/auth/users',
        send('POST', admin, {
          username: 'fx.traffic-2',
          displayName: '交通局二',
          role: 'department',
          departmentId: accounts.departments.transport,
          password: 'traffic password',
        }),
      );
      expect(await bodyOf<UserAccountDto>(dept)).toMatchObject({
        role: 'department',
        department: { name: '交通局' },
        hasPassword: true,
      });
      expect((await login(app, { username: 'fx.traffic-2', password: 'traffic password' })).status).toBe(200);
      const audit = await tx.query<{ detail: unknown }>(
        "SELECT detail FROM audit_log WHERE action = 'user.create' ORDER BY id",
      );
      expect(audit.map((a) => a.detail)).toEqual([
        { username: 'fx_wang', role: 'grid_worker', townshipId: f.townshipB, departmentId: null, passwordSet: false },
        {
          username: 'fx.traffic-2',
          role: 'department',
          townshipId: null,
          departmentId: accounts.departments.transport,
          passwordSet: true,
        },
      ]);
      expect(JSON.stringify(await tx.query('SELECT detail FROM audit_log'))).not.toContain('traffic password');
    });
  });

  it('refuses bindings that do not fit the role, unknown places and a taken username, writing nothing', async () => {
    await rolledBack(async (tx) => {
      const { app, f, accounts } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const before = await checksum(tx);
      const base = { username: 'fx_new', displayName: '新账号' };
      const cases: [unknown, number, string, string?][] = [
        [{ ...base, role: 'grid_worker' }, 422, 'townshipId is required', 'townshipId'],
        [{ ...base, role: 'township' }, 422, 'townshipId is required', 'townshipId'],
        [{ ...base, role: 'city', townshipId: f.townshipA }, 422, 'townshipId must be left out', 'townshipId'],
        [{ ...base, role: 'department' }, 422, 'departmentId is required', 'departmentId'],
        [
          { ...base, role: 'township', townshipId: f.townshipA, departmentId: accounts.departments.commerce },
          422,
          'departmentId must be left out',
          'departmentId',
        ],
        [
          { ...base, role: 'admin', departmentId: accounts.departments.commerce },
          422,
          'departmentId must be left out',
          'departmentId',
        ],
        [{ ...base, role: 'grid_worker', townshipId: 999999 }, 422, 'township 999999 does not exist'],
        [{ ...base, role: 'department', departmentId: 999999 }, 422, 'industry department 999999 does not exist'],
        [{ ...base, username: 'fx_city', role: 'planner' }, 409, 'username fx_city is taken'],
        [{ ...base, role: 'planner', password: 'short' }, 400, 'password must be text of 10 to 256 characters'],
        [{ ...base, username: 'Fx New', role: 'planner' }, 400, 'username must be 3 to 64 lowercase letters'],
        [{ ...base, role: 'root' }, 400, 'role "root" is not one of'],
        [{ ...base, displayName: '  ', role: 'planner' }, 400, 'displayName must not be blank'],
        [{ ...base, role: 'planner', phone: 'call me' }, 400, 'phone must be 3 to 32 digits'],
      ];
      for (const [body, status, detail, field] of cases) {
        const res = await app.request('/api/auth/users', send('POST', admin, body));
        expect(res.status, JSON.stringify(body)).toBe(status);
        const problem = await bodyOf<ProblemDetails & { errors?: { path: string }[] }>(res);
        expect(problem.detail).toContain(detail);
        if (field) expect(problem.errors?.[0]?.path).toBe(field);
      }
      expect(await checksum(tx)).toEqual(before);
      const city = await bearer(app, 'fx_city');
      const afterSignIn = await checksum(tx); // signing in writes a session and its audit row; compare from here
      expect((await app.request('/api/auth/users', send('POST', city, { ...base, role: 'planner' }))).status).toBe(403);
      expect(await checksum(tx)).toEqual(afterSignIn);
    });
  });
});

// fx_zhang is a fixture grid worker without a password: he cannot sign in until an admin sets one.
describe('PATCH /api/auth/users/:id', () => {
  it('lets an admin give a password to a worker who had none, and deactivating him ends his sessions', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const zhang = (await tx.query<{ id: number }>("SELECT id FROM users WHERE username = 'fx_zhang'"))[0]!.id;
      const admin = await bearer(app, 'fx_admin');
      expect((await login(app, { username: 'fx_zhang', password: 'zhang-password-1' })).status).toBe(401);
      const set = await app.request(`/api/auth/users/${zhang}`, patch(admin, { password: 'zhang-password-1' }));
      expect(set.status).toBe(200);
      expect(await bodyOf<UserAccountDto>(set)).toMatchObject({
        id: zhang,
        username: 'fx_zhang',
        role: 'grid_worker',
        active: true,
        hasPassword: true,
      });
      const token = await bearer(app, 'fx_zhang', 'zhang-password-1');
      expect((await app.request('/api/auth/me', withBearer(token))).status).toBe(200);
      const off = await app.request(`/api/auth/users/${zhang}`, patch(admin, { active: false }));
      expect(await bodyOf<UserAccountDto>(off)).toMatchObject({ active: false });
      expect((await app.request('/api/auth/me', withBearer(token))).status).toBe(401);
      expect((await login(app, { username: 'fx_zhang', password: 'zhang-password-1' })).status).toBe(401);
      // the audit names the change but never the password
      const audit = await tx.query<{ detail: unknown }>(
        "SELECT detail FROM audit_log WHERE action = 'user.update' ORDER BY id",
      );
      expect(audit.map((a) => a.detail)).toEqual([
        { passwordSet: true, active: null },
        { passwordSet: false, active: false },
      ]);
      expect(JSON.stringify(await tx.query('SELECT detail FROM audit_log'))).not.toContain('zhang-password-1');
    });
  });

  it('renames an account and changes or clears its phone without ending its sessions', async () => {
    await rolledBack(async (tx) => {
      const { app, accounts } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const leader = await bearer(app, 'fx_leader_a');
      const renamed = await app.request(
        `/api/auth/users/${accounts.leaderA}`,
        patch(admin, { displayName: '东湖街道负责人', phone: '0574-8888 0000' }),
      );
      expect(renamed.status).toBe(200);
      expect(await bodyOf<UserAccountDto>(renamed)).toMatchObject({
        displayName: '东湖街道负责人',
        phone: '0574-8888 0000',
        role: 'township',
        hasPassword: true,
      });
      const cleared = await bodyOf<UserAccountDto>(
        await app.request(`/api/auth/users/${accounts.leaderA}`, patch(admin, { phone: null })),
      );
      expect(cleared).toMatchObject({ displayName: '东湖街道负责人', phone: null });
      // still signed in: a new name or phone changes nothing the account may do
      const me = await app.request('/api/auth/me', withBearer(leader));
      expect(me.status).toBe(200);
      const audit = await tx.query<{ detail: unknown }>(
        "SELECT detail FROM audit_log WHERE action = 'user.update' ORDER BY id",
      );
      expect(audit.map((a) => a.detail)).toEqual([
        { passwordSet: false, active: null, displayName: '东湖街道负责人', phone: '0574-8888 0000' },
        { passwordSet: false, active: null, phone: null },
      ]);
    });
  });

  it('refuses a short password, an empty change, a role change and an unknown user', async () => {
    await rolledBack(async (tx) => {
      const { app, f } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const short = await app.request('/api/auth/users/1', patch(admin, { password: 'short' }));
      expect(short.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(short)).detail).toContain('password must be text of 10 to 256 characters');
      expect((await bodyOf<ProblemDetails>(await app.request('/api/auth/users/1', patch(admin, {})))).detail).toContain(
        'give password, active, displayName or phone',
      );
      // role and bindings are fixed: an unknown field to the schema
      expect((await app.request('/api/auth/users/1', patch(admin, { role: 'admin' }))).status).toBe(400);
      expect((await app.request('/api/auth/users/1', patch(admin, { townshipId: f.townshipB }))).status).toBe(400);
      expect((await app.request('/api/auth/users/999999', patch(admin, { active: true }))).status).toBe(404);
    });
  });

  it('refuses to deactivate the last active admin account, and allows it once there is another', async () => {
    await rolledBack(async (tx) => {
      const { app, accounts } = await signInSetUp(tx);
      const admin = await bearer(app, 'fx_admin');
      const before = await checksum(tx);
      const last = await app.request(`/api/auth/users/${accounts.admin}`, patch(admin, { active: false }));
      expect(last.status).toBe(409);
      expect((await bodyOf<ProblemDetails>(last)).detail).toContain('last active admin');
      expect(await checksum(tx)).toEqual(before);
      const second = await bodyOf<UserAccountDto>(
        await app.request(
          '/api/auth/users',
          send('POST', admin, { username: 'fx_admin2', displayName: '管理员二', role: 'admin' }),
        ),
      );
      expect((await app.request(`/api/auth/users/${accounts.admin}`, patch(admin, { active: false }))).status).toBe(
        200,
      );
      // one active admin is left
      expect(await tx.query("SELECT username FROM users WHERE role = 'admin' AND active")).toEqual([
        { username: 'fx_admin2' },
      ]);
      expect(second.role).toBe('admin');
    });
  });
});
