import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LoginDto, MeDto, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { login, PASSWORD, sessionCookie, signInSetUp, withBearer, withCookie } from '../../testing/auth-fixture.ts';

// Fixture: twoTownships (A 东湖街道, B 西山镇) with addAccounts, every account's password PASSWORD.
describe('sign-in with a session cookie', () => {
  it('sets an HttpOnly, SameSite=Strict cookie holding a token stored only as its hash, and /me answers with the township', async () => {
    await rolledBack(async (tx) => {
      const { app, f, accounts } = await signInSetUp(tx);
      const res = await login(app, { username: 'fx_leader_a', password: PASSWORD });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^svm_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
      const body = await bodyOf<LoginDto>(res);
      expect(body.token).toBeUndefined();
      const expected: MeDto = {
        user: { id: accounts.leaderA, username: 'fx_leader_a', displayName: '东湖负责人' },
        role: 'township',
        display: null,
        scope: { kind: 'township', townshipId: f.townshipA },
        township: { id: f.townshipA, name: '东湖街道', nameEn: 'East Lake Subdistrict' },
        department: null,
        readOnly: false,
      };
      expect(body.me).toEqual(expected);
      const token = sessionCookie(res);
      const stored = await tx.query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = $1', [
        accounts.leaderA,
      ]);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0]!.token_hash).not.toContain(token);
      expect(await bodyOf<MeDto>(await app.request('/api/auth/me', withCookie(token)))).toEqual(expected);
      expect(await tx.query('SELECT actor_id, action FROM audit_log')).toEqual([
        { actor_id: accounts.leaderA, action: 'auth.login' },
      ]);
    });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const res = await login(app, { username: 'fx_city', password: PASSWORD }, '192.0.2.1', 'https://svm.example');
      expect(res.headers.get('set-cookie')).toContain('; Secure');
    });
  });

  it('signs out: the session row is gone, the cookie is cleared, and the old cookie no longer works', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const token = sessionCookie(await login(app, { username: 'fx_city', password: PASSWORD }));
      expect((await app.request('/api/townships', withCookie(token))).status).toBe(200);
      const out = await app.request('/api/auth/logout', { method: 'POST', ...withCookie(token) });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^svm_session=; Max-Age=0; Path=\//);
      expect(await tx.query('SELECT id FROM sessions')).toEqual([]);
      const me = await app.request('/api/auth/me', withCookie(token));
      expect(me.status).toBe(401);
      expect(me.headers.get('content-type')).toBe(PROBLEM_JSON);
    });
  });

  it('describes a department account with its categories and a planner as read-only', async () => {
    await rolledBack(async (tx) => {
      const { app, accounts } = await signInSetUp(tx);
      const dept = await bodyOf<LoginDto>(await login(app, { username: 'fx_commerce', password: PASSWORD }));
      expect(dept.me).toMatchObject({
        role: 'department',
        scope: { kind: 'department', departmentId: accounts.departments.commerce },
        department: { id: accounts.departments.commerce, name: '商务局', categories: ['retail', 'catering'] },
        township: null,
        readOnly: false,
      });
      const planner = await bodyOf<LoginDto>(await login(app, { username: 'fx_planner', password: PASSWORD }));
      expect(planner.me).toMatchObject({ role: 'planner', scope: { kind: 'city' }, readOnly: true });
    });
  });

  it('ends a session at its expiry', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const token = sessionCookie(await login(app, { username: 'fx_city', password: PASSWORD }));
      await tx.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
      expect((await app.request('/api/auth/me', withCookie(token))).status).toBe(401);
    });
  });
});

describe('sign-in with a bearer token', () => {
  it('returns the session token in the body (no cookie) and accepts it as Authorization: Bearer until logout', async () => {
    await rolledBack(async (tx) => {
      const { app, accounts } = await signInSetUp(tx);
      const ok = await login(app, { username: 'FX_Admin', password: PASSWORD, as: 'token' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('set-cookie')).toBeNull();
      const { token, me } = await bodyOf<LoginDto>(ok);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(me.user?.id).toBe(accounts.admin);
      expect((await bodyOf<MeDto>(await app.request('/api/auth/me', withBearer(token!)))).role).toBe('admin');
      expect((await app.request('/api/auth/me', withBearer(`${token}x`))).status).toBe(401);
      expect((await app.request('/api/auth/logout', { method: 'POST', ...withBearer(token!) })).status).toBe(204);
      expect((await app.request('/api/auth/me', withBearer(token!))).status).toBe(401);
    });
  });
});

describe('refusals', () => {
  it('gives one answer for a wrong password, an unknown user, a user without a password and a deactivated user, and opens no session', async () => {
    await rolledBack(async (tx) => {
      const { app, accounts } = await signInSetUp(tx);
      await tx.query('UPDATE users SET active = false WHERE id = $1', [accounts.leaderB]);
      const tries = [
        { username: 'fx_leader_a', password: 'wrong' },
        { username: 'nobody_here', password: PASSWORD },
        { username: 'fx_zhang', password: PASSWORD }, // a seeded worker without a password
        { username: 'fx_leader_b', password: PASSWORD }, // right password, deactivated
      ];
      const details = new Set<string>();
      for (const body of tries) {
        const res = await login(app, body);
        expect(res.status, body.username).toBe(401);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect(res.headers.get('set-cookie')).toBeNull();
        details.add((await bodyOf<ProblemDetails>(res)).detail);
      }
      expect([...details]).toEqual(['the username or password is wrong, or the account may not sign in']);
      expect(await tx.query('SELECT id FROM sessions')).toEqual([]);
    });
  });

  it('answers every API route but health, openapi and sign-in with 401 when nobody is signed in', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      for (const path of [
        '/api/townships',
        '/api/grid-cells',
        '/api/venues',
        '/api/hazards',
        '/api/stats/summary',
        '/api/auth/me',
        '/api/policy',
        '/api/nothing-here',
      ]) {
        const res = await app.request(path);
        expect(res.status, path).toBe(401);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      }
      expect((await app.request('/api/health')).status).toBe(200);
      expect((await app.request('/api/openapi.json')).status).toBe(200);
      expect((await app.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    });
  });

  it('answers a malformed sign-in body with 400 and says what is allowed', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const res = await login(app, { username: 'fx_city', password: PASSWORD, as: 'carrier-pigeon' });
      expect(res.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(res)).detail).toContain('as must be cookie or token');
      expect((await login(app, { username: 'fx_city' })).status).toBe(400);
    });
  });
});
