import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { twoTownships } from '../testing/fixture.ts';
import { createDemoSignIns } from './demo-accounts.ts';
import { verifyPassword } from './password.ts';
import { addAccounts } from '../testing/auth.ts';
import { tokenHash } from './tokens.ts';

// Fixture: twoTownships (grid workers fx_zhang, then fx_li) + addAccounts without passwords:
// seven accounts that are not grid workers, all marked demo as the seed marks its accounts, and
// one account of the city's own (not demo). The demo gives the seven and the first worker a
// password, each with its own salt, and leaves the other workers and the city's account without one.
describe('the demo city’s sign-ins', () => {
  it('give every account but the later grid workers the demo password, salted per account, and add the city wall token', async () => {
    await rolledBack(async (tx) => {
      await addAccounts(tx, await twoTownships(tx));
      await tx.query('UPDATE users SET demo = true');
      await tx.query(
        "INSERT INTO users (username, display_name, role) VALUES ('city.own', 'the city''s own admin', 'admin')",
      );
      const demo = await createDemoSignIns(tx, 'demo password 1', 'wall-token-123');
      expect(demo.usernames.sort()).toEqual([
        'fx_admin',
        'fx_city',
        'fx_commerce',
        'fx_leader_a',
        'fx_leader_b',
        'fx_planner',
        'fx_transport',
        'fx_zhang',
      ]);
      expect(demo.wallPath).toBe('/wall?token=wall-token-123');
      const rows = await tx.query<{ username: string; password_hash: string | null }>(
        'SELECT username, password_hash FROM users ORDER BY username',
      );
      expect(rows.find((r) => r.username === 'fx_li')?.password_hash).toBeNull();
      expect(rows.find((r) => r.username === 'city.own')?.password_hash).toBeNull();
      const hashes = rows.filter((r) => r.password_hash !== null).map((r) => r.password_hash!);
      expect(hashes).toHaveLength(8);
      expect(new Set(hashes).size).toBe(8);
      expect(hashes[0]).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(await verifyPassword('demo password 1', hashes[0]!)).toBe(true);
      expect(await verifyPassword('demo password 2', hashes[0]!)).toBe(false);
      expect(
        await tx.query('SELECT township_id, revoked_at, demo FROM display_tokens WHERE token_hash = $1', [
          tokenHash('wall-token-123'),
        ]),
      ).toEqual([{ township_id: null, revoked_at: null, demo: true }]);
    });
  });
});
