import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { DisplayTokenCreatedDto, DisplayTokenDto, LoginDto, MeDto, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { checksum } from '../../testing/workflow-fixture.ts';
import {
  login,
  PASSWORD,
  sessionCookie,
  signInSetUp,
  withBearer,
  withCookie,
  type App,
} from '../../testing/auth-fixture.ts';

async function bearerOf(app: App, username: string): Promise<string> {
  return (await bodyOf<LoginDto>(await login(app, { username, password: PASSWORD, as: 'token' }))).token!;
}

const json = (method: string, token: string, body?: unknown) => ({
  method,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('wall display tokens', () => {
  it('are created by an admin for one township, shown once, listed without their value, and read that township only', async () => {
    await rolledBack(async (tx) => {
      const { app, f } = await signInSetUp(tx);
      const admin = await bearerOf(app, 'fx_admin');
      const res = await app.request(
        '/api/auth/display-tokens',
        json('POST', admin, { label: '东湖大屏', townshipId: f.townshipA }),
      );
      expect(res.status).toBe(201);
      const created = await bodyOf<DisplayTokenCreatedDto>(res);
      expect(created).toMatchObject({
        label: '东湖大屏',
        scope: { kind: 'township', townshipId: f.townshipA },
        revokedAt: null,
      });
      expect(created.wallPath).toBe(`/wall?token=${created.token}`);
      const list = await bodyOf<DisplayTokenDto[]>(await app.request('/api/auth/display-tokens', withBearer(admin)));
      expect(list).toHaveLength(1);
      expect(JSON.stringify(list)).not.toContain(created.token);
      // as a bearer token: a read-only caller scoped to township A
      const me = await bodyOf<MeDto>(await app.request('/api/auth/me', withBearer(created.token)));
      expect(me).toMatchObject({
        user: null,
        role: null,
        display: { label: '东湖大屏' },
        scope: { kind: 'township', townshipId: f.townshipA },
        readOnly: true,
      });
      expect((await app.request('/api/townships', withBearer(created.token))).status).toBe(200);
      const before = await checksum(tx);
      const valid = await app.request('/api/venues/1/close', json('POST', created.token, {}));
      expect(valid.status).toBe(403);
      expect((await bodyOf<ProblemDetails>(valid)).detail).toContain('read-only display');
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('exchange for a read-only session cookie (the /wall page), and revoking ends the token and its sessions', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const admin = await bearerOf(app, 'fx_admin');
      const created = await bodyOf<DisplayTokenCreatedDto>(
        await app.request('/api/auth/display-tokens', json('POST', admin, { label: '指挥中心大屏' })),
      );
      expect(created.scope).toEqual({ kind: 'city' });
      const exchange = await app.request('/api/auth/display-session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: created.token }),
      });
      expect(exchange.status).toBe(200);
      expect(exchange.headers.get('set-cookie')).toMatch(/; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Strict$/);
      const cookie = sessionCookie(exchange);
      expect((await bodyOf<MeDto>(await app.request('/api/auth/me', withCookie(cookie)))).display).toEqual({
        label: '指挥中心大屏',
      });
      const revoked = await app.request(`/api/auth/display-tokens/${created.id}`, json('DELETE', admin));
      expect(revoked.status).toBe(200);
      expect((await bodyOf<DisplayTokenDto>(revoked)).revokedAt).not.toBeNull();
      expect((await app.request('/api/auth/me', withCookie(cookie))).status).toBe(401);
      expect((await app.request('/api/auth/me', withBearer(created.token))).status).toBe(401);
      const again = await app.request('/api/auth/display-session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: created.token }),
      });
      expect(again.status).toBe(401);
      expect(again.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(await tx.query("SELECT action FROM audit_log WHERE action LIKE 'display_token.%' ORDER BY id")).toEqual([
        { action: 'display_token.create' },
        { action: 'display_token.revoke' },
      ]);
    });
  });

  it('are administered by admin accounts only: others get 403 and nothing is written', async () => {
    await rolledBack(async (tx) => {
      const { app, f } = await signInSetUp(tx);
      const admin = await bearerOf(app, 'fx_admin');
      const id = (
        await bodyOf<DisplayTokenCreatedDto>(
          await app.request('/api/auth/display-tokens', json('POST', admin, { label: 'wall' })),
        )
      ).id;
      const before = await checksum(tx);
      for (const username of ['fx_city', 'fx_planner', 'fx_leader_a', 'fx_commerce']) {
        const token = await bearerOf(app, username);
        const after = await checksum(tx); // signing in writes a session; compare the rest
        for (const [method, path, body] of [
          ['POST', '/api/auth/display-tokens', { label: 'mine', townshipId: f.townshipA }],
          ['GET', '/api/auth/display-tokens', undefined],
          ['DELETE', `/api/auth/display-tokens/${id}`, undefined],
        ] as const) {
          const res = await app.request(path, json(method, token, body));
          expect(res.status, `${username} ${method}`).toBe(403);
          expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        }
        expect(await checksum(tx)).toEqual(after);
      }
      expect((await checksum(tx)).display_tokens).toEqual(before.display_tokens);
    });
  });

  it('refuse an unknown township with 422 and an unknown token id with 404', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const admin = await bearerOf(app, 'fx_admin');
      const unknown = await app.request(
        '/api/auth/display-tokens',
        json('POST', admin, { label: 'x', townshipId: 999999 }),
      );
      expect(unknown.status).toBe(422);
      expect((await bodyOf<ProblemDetails>(unknown)).detail).toContain('township 999999 does not exist');
      expect((await app.request('/api/auth/display-tokens/999999', json('DELETE', admin))).status).toBe(404);
      expect((await app.request('/api/auth/display-tokens', json('POST', admin, { label: '' }))).status).toBe(400);
    });
  });
});
