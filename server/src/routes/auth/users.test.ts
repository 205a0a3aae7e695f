import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LoginDto, ProblemDetails, UserAccountDto } from '../../contract/index.ts';
import { bodyOf } from '../../testing/app.ts';
import { login, PASSWORD, signInSetUp, withBearer } from './auth-fixture.ts';

const patch = (token: string, body: unknown) => ({
  method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body),
});

// fx_zhang is a fixture grid worker without a password: he cannot sign in until an admin sets one.
describe('PATCH /api/auth/users/:id', () => {
  it('lets an admin give a password to a worker who had none, and deactivating him ends his sessions', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const zhang = (await tx.query<{ id: number }>("SELECT id FROM users WHERE username = 'fx_zhang'"))[0]!.id;
      const admin = (await bodyOf<LoginDto>(await login(app, { username: 'fx_admin', password: PASSWORD, as: 'token' }))).token!;
      expect((await login(app, { username: 'fx_zhang', password: 'zhang-password-1' })).status).toBe(401);
      const set = await app.request(`/api/auth/users/${zhang}`, patch(admin, { password: 'zhang-password-1' }));
      expect(set.status).toBe(200);
      expect(await bodyOf<UserAccountDto>(set)).toMatchObject({ id: zhang, username: 'fx_zhang', role: 'grid_worker', active: true, hasPassword: true });
      const signedIn = await login(app, { username: 'fx_zhang', password: 'zhang-password-1', as: 'token' });
      expect(signedIn.status).toBe(200);
      const token = (await bodyOf<LoginDto>(signedIn)).token!;
      expect((await app.request('/api/auth/me', withBearer(token))).status).toBe(200);
      const off = await app.request(`/api/auth/users/${zhang}`, patch(admin, { active: false }));
      expect(await bodyOf<UserAccountDto>(off)).toMatchObject({ active: false });
      expect((await app.request('/api/auth/me', withBearer(token))).status).toBe(401);
      expect((await login(app, { username: 'fx_zhang', password: 'zhang-password-1' })).status).toBe(401);
      // the audit names the change but never the password
      const audit = await tx.query<{ detail: unknown }>("SELECT detail FROM audit_log WHERE action = 'user.update' ORDER BY id");
      expect(audit.map((a) => a.detail)).toEqual([{ passwordSet: true, active: null }, { passwordSet: false, active: false }]);
      expect(JSON.stringify(await tx.query('SELECT detail FROM audit_log'))).not.toContain('zhang-password-1');
    });
  });

  it('refuses a short password, an empty change and an unknown user', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      const admin = (await bodyOf<LoginDto>(await login(app, { username: 'fx_admin', password: PASSWORD, as: 'token' }))).token!;
      const short = await app.request('/api/auth/users/1', patch(admin, { password: 'short' }));
      expect(short.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(short)).detail).toContain('password must be text of 10 to 256 characters');
      expect((await bodyOf<ProblemDetails>(await app.request('/api/auth/users/1', patch(admin, {})))).detail).toContain('give password or active');
      expect((await app.request('/api/auth/users/999999', patch(admin, { active: true }))).status).toBe(404);
    });
  });
});
