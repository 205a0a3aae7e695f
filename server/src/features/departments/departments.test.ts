import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { DepartmentDto, ImportRefusalProblem, ProblemDetails } from '@svm/contract';
import { bodyOf } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, write } from '../../testing/workflow-fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
// addAccounts: fx_commerce (retail, catering, in that order; one account) and fx_transport (ebike; one account)
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  return {
    admin: await appAs(tx, accounts.admin),
    leader: await appAs(tx, accounts.leaderA),
    commerce: await appAs(tx, accounts.commerce),
  };
}
const list = async (app: Awaited<ReturnType<typeof setUp>>['admin']) =>
  (await bodyOf<DepartmentDto[]>(await app.request('/api/departments'))).map((d) => [
    d.code,
    d.name,
    d.nameEn,
    d.categories,
    d.accountCount,
  ]);

describe('industry departments', () => {
  it('lists every department with its categories and accounts, the same for every account', async () => {
    await rolledBack(async (tx) => {
      const { admin, leader, commerce } = await setUp(tx);
      const expected = [
        ['fx_commerce', '商务局', 'fx_commerce', ['retail', 'catering'], 1],
        ['fx_transport', '交通局', 'fx_transport', ['ebike'], 1],
      ];
      expect(await list(admin)).toEqual(expected);
      expect(await list(leader)).toEqual(expected);
      expect(await list(commerce)).toEqual(expected);
    });
  });

  it('lets the administrator add and rename a department, keeping its code; others are refused', async () => {
    await rolledBack(async (tx) => {
      const { admin, leader } = await setUp(tx);
      const body = { code: 'market', name: '市场监管局', nameEn: 'Market Regulation', categories: ['repair', 'other'] };
      const before = await checksum(tx);
      expect((await write(leader, 'POST', '/api/departments', body)).status).toBe(403);
      expect(await checksum(tx)).toEqual(before);
      const created = await write(admin, 'POST', '/api/departments', body);
      expect(created.status).toBe(201);
      expect(await bodyOf<DepartmentDto>(created)).toMatchObject({ ...body, accountCount: 0 });
      expect((await write(admin, 'POST', '/api/departments', body)).status).toBe(409);
      const renamed = await write(admin, 'PATCH', '/api/departments/market', { name: '市场监督管理局' });
      expect(await bodyOf<DepartmentDto>(renamed)).toMatchObject({
        code: 'market',
        name: '市场监督管理局',
        nameEn: 'Market Regulation',
        categories: ['repair', 'other'],
      });
      expect((await write(admin, 'PATCH', '/api/departments/nope', { name: 'x' })).status).toBe(404);
      const bad = await write(admin, 'POST', '/api/departments', { ...body, code: 'fire', categories: ['schools'] });
      expect(bad.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(bad)).detail).toContain('categories');
      // its categories not yet known: none, so it signs off nothing until it is given some
      const bare = await write(admin, 'POST', '/api/departments', { code: 'fire', name: '消防救援' });
      expect(await bodyOf<DepartmentDto>(bare)).toMatchObject({ code: 'fire', nameEn: '', categories: [] });
      const audits = await tx.query<{ action: string; entity_id: string }>(
        `SELECT action, entity_id FROM audit_log WHERE entity = 'department' ORDER BY id`,
      );
      expect(audits).toEqual([
        { action: 'department.create', entity_id: 'market' },
        { action: 'department.update', entity_id: 'market' },
        { action: 'department.create', entity_id: 'fire' },
      ]);
    });
  });

  it('imports departments by code, then accounts that name them: a city that starts empty', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const file =
        'code,name,name_en,categories\r\n' +
        'market,市场监督管理局,Market Regulation Bureau,retail;repair;ebike\r\n' +
        // categories not known yet: none
        'fire,消防救援支队,,\r\n' +
        // an existing department renamed; its categories (empty cell) stay
        'fx_commerce,商务和粮食局,,\r\n';
      const res = await upload(admin, 'departments', file);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ inserted: 2, updated: 1 });
      expect(await list(admin)).toEqual([
        ['fire', '消防救援支队', '', [], 0],
        ['fx_commerce', '商务和粮食局', 'fx_commerce', ['retail', 'catering'], 1],
        ['fx_transport', '交通局', 'fx_transport', ['ebike'], 1],
        ['market', '市场监督管理局', 'Market Regulation Bureau', ['retail', 'repair', 'ebike'], 0],
      ]);
      const accounts = await upload(
        admin,
        'accounts',
        'username,display_name,role,township_code,department_code\r\nmk_audit,市场审核,department,,market\r\n',
      );
      expect(accounts.status).toBe(200);
      expect((await list(admin)).find((d) => d[0] === 'market')?.[4]).toBe(1);
      const audits = await tx.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE action = 'import.departments'`,
      );
      expect(audits).toHaveLength(1);
    });
  });

  it('refuses the whole file when a code is bad or repeated or a category unknown', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file =
        'code,name,categories\r\n' +
        'fire,消防救援支队,\r\n' +
        'bad code!,x,retail\r\n' +
        'ok,好,lodging\r\n' +
        'ok,又一个,lodging\r\n' +
        'edu,教育局,schools\r\n';
      const res = await upload(admin, 'departments', file);
      expect(res.status).toBe(422);
      const problem = await bodyOf<ImportRefusalProblem>(res);
      // line 2 (no categories yet) is fine on its own, and refused with the file
      expect(problem.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
        [3, 'code', 'bad_format'],
        [5, 'code', 'duplicate_key'],
        [6, 'categories', 'unknown_value'],
      ]);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
