// The seeded demo city's sign-ins: a password on one account per role (every township leader
// and department account, the first grid worker) and a wall display token for the city. Only
// demo accounts (users.demo, 0012) get the well-known password, and the token is marked demo,
// so pnpm demo:remove takes both away.
// Only these ~30 accounts are hashed; the seeded grid workers keep no password and cannot sign
// in until an admin sets one (hashing 2,000 of them would slow seeding by minutes).
import type { Queryable } from '@svm/db';
import { hashPassword } from './password.ts';
import { tokenHash } from './tokens.ts';

export interface DemoSignIns {
  usernames: string[];
  wallPath: string;
}

export async function createDemoSignIns(db: Queryable, password: string, wallToken: string): Promise<DemoSignIns> {
  const accounts = await db.query<{ id: number; username: string }>(`
    SELECT id, username FROM users
     WHERE demo AND (role <> 'grid_worker'
                     OR id = (SELECT min(id) FROM users WHERE demo AND role = 'grid_worker'))
     ORDER BY id`);
  // scrypt runs on libuv's thread pool: hash a few at a time
  const hashes: string[] = [];
  for (let i = 0; i < accounts.length; i += 4) {
    hashes.push(...(await Promise.all(accounts.slice(i, i + 4).map(() => hashPassword(password)))));
  }
  await db.query(
    'UPDATE users u SET password_hash = x.h FROM unnest($1::int[], $2::text[]) AS x(id, h) WHERE u.id = x.id',
    [accounts.map((a) => a.id), hashes],
  );
  await db.query(
    `INSERT INTO display_tokens (label, token_hash, township_id, demo) VALUES ('指挥中心大屏 (demo)', $1, NULL, true)
     ON CONFLICT (token_hash) DO NOTHING`,
    [tokenHash(wallToken)],
  );
  return { usernames: accounts.map((a) => a.username), wallPath: `/wall?token=${encodeURIComponent(wallToken)}` };
}

export function describeDemoSignIns(d: DemoSignIns): string {
  const shown =
    d.usernames.length > 8
      ? `${d.usernames.slice(0, 8).join(', ')} … (${d.usernames.length} in all)`
      : d.usernames.join(', ');
  // the one grid worker with a password: its username depends on the seeded layout
  const worker = d.usernames.find((u) => u.startsWith('worker.'));
  return `Demo sign-ins (password from DEMO_PASSWORD): ${shown}${worker ? `; grid worker: ${worker}` : ''}; wall display: ${d.wallPath}`;
}
