import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ImportRefusalProblem } from '@svm/contract';
import { bodyOf } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum } from '../../testing/workflow-fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';
import { verifyPassword } from '../../auth/password.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  // imports are the administrator's (write-authority.test.ts refuses everyone else)
  return { accounts, admin: await appAs(tx, accounts.admin) };
}

const HEADER = 'username,display_name,role,township_code,department_code,phone,password\n';
// a ward T01 (区) east of the fixture's townships
const T01 = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.4, 30.0],
            [121.5, 30.0],
            [121.5, 30.1],
            [121.4, 30.1],
            [121.4, 30.0],
          ],
        ],
      },
      properties: { code: 'T01', name: '中央区', nameEn: 'Central Ward', kind: 'district' },
    },
  ],
});

describe('POST /api/import/accounts', () => {
  it('creates a grid worker of ward T01 and a department account, each audited without its password', async () => {
    await rolledBack(async (tx) => {
      const { admin, accounts } = await setUp(tx);
      expect((await upload(admin, 'townships', T01)).status).toBe(200);
      const file =
        HEADER +
        't01_wang,王网格,grid_worker,T01,,138 0000 0001,a long password\n' +
        'fx_food,食品审核,department,,fx_commerce,,\n';
      const res = await upload(admin, 'accounts', file);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ inserted: 2, updated: 0 });
      const rows = await tx.query<{
        username: string;
        role: string;
        township: string | null;
        department_id: number | null;
        phone: string | null;
        password_hash: string | null;
      }>(
        `SELECT u.username, u.role::text AS role, t.code AS township, u.department_id, u.phone, u.password_hash
           FROM users u LEFT JOIN townships t ON t.id = u.township_id
          WHERE u.username IN ('t01_wang', 'fx_food') ORDER BY u.username`,
      );
      expect(rows.map(({ password_hash: _, ...r }) => r)).toEqual([
        {
          username: 'fx_food',
          role: 'department',
          township: null,
          department_id: accounts.departments.commerce,
          phone: null,
        },
        { username: 't01_wang', role: 'grid_worker', township: 'T01', department_id: null, phone: '138 0000 0001' },
      ]);
      // without a password the department account cannot sign in until an admin sets one
      expect(rows[0]!.password_hash).toBeNull();
      expect(await verifyPassword('a long password', rows[1]!.password_hash)).toBe(true);
      const audits = await tx.query<{ action: string; detail: string }>(
        `SELECT action, detail::text AS detail FROM audit_log WHERE action <> 'import.townships' ORDER BY id`,
      );
      expect(audits.map((a) => a.action)).toEqual(['user.create', 'user.create', 'import.accounts']);
      expect(JSON.parse(audits[0]!.detail)).toMatchObject({
        username: 't01_wang',
        role: 'grid_worker',
        passwordSet: true,
      });
      expect(JSON.parse(audits[1]!.detail)).toMatchObject({ username: 'fx_food', passwordSet: false });
      expect(audits.some((a) => a.detail.includes('a long password'))).toBe(false);
    });
  });

  it('refuses the whole file for a bad role, a taken username or bindings that do not fit the role', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file =
        HEADER +
        'ok_user,规划,planner,,,,\n' +
        'bad_role,市长,mayor,,,,\n' +
        'fx_admin,重名,city,,,,\n' +
        'gw_none,无镇,grid_worker,,,,\n' +
        'city_dept,城市,city,,fx_commerce,,\n' +
        'gw_nowhere,无此镇,grid_worker,NO-SUCH,,,\n' +
        'short_pw,短密码,planner,,,,short\n';
      const res = await upload(admin, 'accounts', file);
      expect(res.status).toBe(422);
      const problem = await bodyOf<ImportRefusalProblem>(res);
      expect(problem.errors).toEqual([
        {
          line: 3,
          column: 'role',
          reason: 'unknown_value',
          message: 'role "mayor" is not one of city, township, department, grid_worker, planner, admin',
        },
        {
          line: 4,
          column: 'username',
          reason: 'taken',
          message: 'username "fx_admin" is taken; accounts are created once, choose another',
        },
        {
          line: 5,
          column: 'township_code',
          reason: 'role_rule',
          message: 'township_code is required: a grid_worker account belongs to one township',
        },
        {
          line: 6,
          column: 'department_code',
          reason: 'role_rule',
          message: 'department_code must be left out: a city account belongs to no department',
        },
        { line: 7, column: 'township_code', reason: 'unknown_reference', message: 'no township has code "NO-SUCH"' },
        {
          line: 8,
          column: 'password',
          reason: 'too_short',
          message: 'password must be text of 10 to 256 characters',
        },
      ]);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
