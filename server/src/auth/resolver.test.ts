import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LoginDto } from '@svm/contract';
import { login, PASSWORD, withBearer } from '../testing/auth-fixture.ts';
import { bodyOf, testApp } from '../testing/app.ts';
import { twoTownships } from '../testing/fixture.ts';
import { sessionResolver } from './resolver.ts';
import { DEFAULT_AUTH_SETTINGS } from './settings.ts';
import { addAccounts } from '../testing/auth.ts';

// Fixture: twoTownships with addAccounts (every password PASSWORD); sessions are ended behind the
// resolver's back with direct SQL, which only the database lookup can notice.
async function setUp(tx: Queryable, ttlMs: number) {
  const f = await twoTownships(tx);
  await addAccounts(tx, f, PASSWORD);
  const { app } = await testApp(tx, {
    resolveCaller: sessionResolver(tx, DEFAULT_AUTH_SETTINGS, { ttlMs, maxEntries: 10 }),
  });
  const token = async () =>
    (await bodyOf<LoginDto>(await login(app, { username: 'fx_city', password: PASSWORD, as: 'token' }))).token!;
  return { app, token };
}

describe('the session resolver', () => {
  it('reuses a resolved caller within its time to live, and forgets every held caller once a logout in this process ends a session', async () => {
    await rolledBack(async (tx) => {
      const { app, token } = await setUp(tx, 60_000);
      const held = await token();
      expect((await app.request('/api/auth/me', withBearer(held))).status).toBe(200);
      // gone from the database, still held: the lookup is not repeated
      await tx.query('DELETE FROM sessions');
      expect((await app.request('/api/auth/me', withBearer(held))).status).toBe(200);
      // another session's logout moves the epoch: the held caller is asked for again, and is gone
      const other = await token();
      expect((await app.request('/api/auth/logout', { method: 'POST', ...withBearer(other) })).status).toBe(204);
      expect((await app.request('/api/auth/me', withBearer(held))).status).toBe(401);
    });
  });

  it('asks the database on every request when its time to live is zero', async () => {
    await rolledBack(async (tx) => {
      const { app, token } = await setUp(tx, 0);
      const held = await token();
      expect((await app.request('/api/auth/me', withBearer(held))).status).toBe(200);
      await tx.query('DELETE FROM sessions');
      expect((await app.request('/api/auth/me', withBearer(held))).status).toBe(401);
    });
  });
});
