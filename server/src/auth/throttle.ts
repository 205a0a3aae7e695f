// The login throttle: too many failures for one account or from one address within the window
// answer 429 with Retry-After before the password is even checked.
import type { Context } from 'hono';
import type { Queryable } from '@svm/db';
import { Problem } from '../kernel/problem.ts';
import type { AuthSettings } from './settings.ts';
import { recentFailures } from './throttle.queries.ts';

function tooMany(c: Context, what: string, retryAfter: number, settings: AuthSettings): Problem {
  const seconds = Math.max(1, retryAfter);
  // onError renders the problem on this same context, so the header travels with it
  c.header('Retry-After', String(seconds));
  return new Problem({
    status: 429,
    title: 'Too Many Requests',
    type: 'urn:svm:problem:login-throttled',
    detail: `too many failed sign-ins ${what} within ${settings.throttleWindowMinutes} minutes; try again in ${seconds} s`,
    extra: { retryAfter: seconds },
  });
}

/** Throws a 429 problem when the account or the address has used up its failures. */
export async function assertNotThrottled(
  c: Context,
  db: Queryable,
  username: string,
  address: string,
  settings: AuthSettings,
): Promise<void> {
  const n = await recentFailures(db, username, address, settings.throttleWindowMinutes);
  if (n.account >= settings.maxFailuresPerAccount) throw tooMany(c, 'for this account', n.accountRetryAfter, settings);
  if (n.address >= settings.maxFailuresPerAddress) throw tooMany(c, 'from this address', n.addressRetryAfter, settings);
}
