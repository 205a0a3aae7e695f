// Failed sign-ins within the throttle window, counted per account and per client address.
import { sql, type Queryable } from '@svm/db';

export interface FailureCounts {
  account: number;
  address: number;
  /** seconds until the oldest failure counted against the account / the address leaves the window */
  accountRetryAfter: number;
  addressRetryAfter: number;
}

export async function recentFailures(
  db: Queryable,
  username: string,
  address: string,
  windowMinutes: number,
): Promise<FailureCounts> {
  const rows = await db.query<FailureCounts>(sql`
    WITH w AS (SELECT * FROM login_failures WHERE at > now() - make_interval(mins => ${windowMinutes}::int))
    SELECT (SELECT count(*) FROM w WHERE username = ${username})::int AS account,
           (SELECT count(*) FROM w WHERE address = ${address})::int AS address,
           coalesce(ceil(extract(epoch FROM (SELECT min(at) FROM w WHERE username = ${username})
             + make_interval(mins => ${windowMinutes}::int) - now())), 0)::int AS "accountRetryAfter",
           coalesce(ceil(extract(epoch FROM (SELECT min(at) FROM w WHERE address = ${address})
             + make_interval(mins => ${windowMinutes}::int) - now())), 0)::int AS "addressRetryAfter"`);
  return rows[0]!;
}

export async function recordFailure(db: Queryable, username: string, address: string): Promise<void> {
  await db.query(sql`INSERT INTO login_failures (username, address) VALUES (${username}, ${address})`);
}

/** A successful sign-in clears the account's failures (not the address's: one success does not vouch for the rest). */
export async function clearAccountFailures(db: Queryable, username: string): Promise<void> {
  await db.query(sql`DELETE FROM login_failures WHERE username = ${username} OR at < now() - interval '1 day'`);
}
