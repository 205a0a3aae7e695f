// Test helpers for sign-in: the fixture city with passworded accounts, an app resolving callers
// the way production does, and requests carrying a cookie, a bearer token or a client address.
import type { Queryable } from '@svm/db';
import { type createApp } from '../app.ts';
import { sessionResolver } from '../auth/resolver.ts';
import { DEFAULT_AUTH_SETTINGS } from '../auth/settings.ts';
import { addAccounts, type Accounts } from './auth.ts';
import { testApp } from './app.ts';
import { twoTownships, type Fixture } from './fixture.ts';

export const PASSWORD = 'correct horse 电池 staple';

export type App = ReturnType<typeof createApp>;

export async function signInSetUp(tx: Queryable): Promise<{ app: App; f: Fixture; accounts: Accounts }> {
  const f = await twoTownships(tx);
  const accounts = await addAccounts(tx, f, PASSWORD);
  const { app } = await testApp(tx, { resolveCaller: sessionResolver(tx, DEFAULT_AUTH_SETTINGS) });
  return { app, f, accounts };
}

/** The socket a request seems to come from (what @hono/node-server's getConnInfo reads). */
export const from = (address: string) => ({
  incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } },
});

export function login(app: App, body: Record<string, unknown>, address = '192.0.2.1', base = 'http://localhost') {
  return app.request(
    `${base}/api/auth/login`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    },
    from(address),
  );
}

/** The svm_session value in a Set-Cookie header. */
export function sessionCookie(res: Response): string {
  const value = res.headers.get('set-cookie')?.match(/svm_session=([^;]*)/)?.[1];
  if (!value) throw new Error(`no svm_session cookie in ${res.headers.get('set-cookie')}`);
  return value;
}

export const withCookie = (token: string) => ({ headers: { Cookie: `svm_session=${token}` } });
export const withBearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
