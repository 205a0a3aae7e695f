import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { login, PASSWORD, signInSetUp } from '../../testing/auth-fixture.ts';

// Defaults: 5 failures per account and 20 per address within 15 minutes. Inside one test
// transaction now() stands still, so every failure is "now" and Retry-After is the whole window.
describe('the login throttle', () => {
  it('refuses a sixth attempt on an account after five failures with 429 and Retry-After, even with the right password', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      for (let i = 0; i < 5; i++)
        expect((await login(app, { username: 'fx_city', password: `wrong ${i}` })).status).toBe(401);
      const res = await login(app, { username: 'fx_city', password: PASSWORD });
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(res.headers.get('retry-after')).toBe('900');
      expect((await bodyOf<ProblemDetails>(res)).detail).toContain('for this account');
      expect(await tx.query('SELECT id FROM sessions')).toEqual([]);
      // another account from the same address is not held up (5 < 20)
      expect((await login(app, { username: 'fx_admin', password: PASSWORD })).status).toBe(200);
    });
  });

  it('clears the account’s failures on a success, so four failures, a success and four more still sign in', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      for (let i = 0; i < 4; i++) await login(app, { username: 'fx_city', password: 'wrong' });
      expect((await login(app, { username: 'fx_city', password: PASSWORD })).status).toBe(200);
      expect(await tx.query("SELECT id FROM login_failures WHERE username = 'fx_city'")).toEqual([]);
      for (let i = 0; i < 4; i++) await login(app, { username: 'fx_city', password: 'wrong' });
      expect((await login(app, { username: 'fx_city', password: PASSWORD })).status).toBe(200);
    });
  });

  it('refuses an address after twenty failures across accounts, while another address still signs in', async () => {
    await rolledBack(async (tx) => {
      const { app } = await signInSetUp(tx);
      // four failures on each of five names: no account reaches five, the address reaches twenty
      for (const name of ['a1', 'b2', 'c3', 'd4', 'e5']) {
        for (let i = 0; i < 4; i++)
          expect((await login(app, { username: `guess_${name}`, password: 'x' }, '198.51.100.7')).status).toBe(401);
      }
      const res = await login(app, { username: 'fx_city', password: PASSWORD }, '198.51.100.7');
      expect(res.status).toBe(429);
      expect((await bodyOf<ProblemDetails>(res)).detail).toContain('from this address');
      expect((await login(app, { username: 'fx_city', password: PASSWORD }, '198.51.100.8')).status).toBe(200);
    });
  });
});
