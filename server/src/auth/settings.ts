// How sign-in behaves: session lifetimes, cookie security, whom to believe about the client's
// address, and the login throttle. main.ts fills it from the environment; tests use defaults.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AuthSettings } from '../kernel/identity.ts';

export type { AuthSettings } from '../kernel/identity.ts';

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionHours: 12,
  displaySessionDays: 30,
  trustProxy: false,
  throttleWindowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

export function authSettings(partial: Partial<AuthSettings> | undefined): AuthSettings {
  return { ...DEFAULT_AUTH_SETTINGS, ...partial };
}

/** The client's address: the socket's peer, or the proxy's last X-Forwarded-For hop when trusted. */
export function clientAddress(c: Context, settings: AuthSettings): string {
  if (settings.trustProxy) {
    // the last hop is the one our proxy appended; earlier ones are whatever the client claimed
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last.slice(0, 100);
  }
  try {
    return (getConnInfo(c).remote.address ?? 'unknown').slice(0, 100);
  } catch {
    // app.request() in tests has no socket
    return 'unknown';
  }
}

/** Whether the request arrived over https (so the cookie gets Secure). */
export function isHttps(c: Context, settings: AuthSettings): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return settings.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}
