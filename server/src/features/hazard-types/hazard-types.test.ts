import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import {
  HAZARD_TYPE_CODE,
  type HazardTypeDto,
  type ImportRefusalProblem,
  type PatrolDto,
  type ProblemDetails,
} from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { upload } from '../../testing/imports-fixture.ts';
import { appAs, checksum, userId, venueId, write } from '../../testing/workflow-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  // the catalogue is the administrator's to change (write-authority.test.ts refuses everyone else)
  return {
    admin: await appAs(tx, accounts.admin),
    zhang: await appAs(tx, await userId(tx, 'fx_zhang')),
    nobody: await appAs(tx, null),
    v1: await venueId(tx, 'v1'),
  };
}
const codes = (types: HazardTypeDto[]) => types.map((t) => t.code);
const FIRE = { code: 'FS-12.3', name: '消防设施损坏', nameEn: 'Fire equipment broken', defaultSeverity: 'major' };

describe('the hazard catalogue', () => {
  it('lists the nine built-in types to any account and takes the city’s own codes, case-sensitively', async () => {
    await rolledBack(async (tx) => {
      const { admin, zhang, nobody } = await setUp(tx);
      const builtIn = await bodyOf<HazardTypeDto[]>(await zhang.request('/api/hazard-types'));
      expect(builtIn).toHaveLength(9);
      expect(builtIn[0]).toEqual({
        code: 'blocked_exit',
        name: '安全出口/疏散通道堵塞',
        nameEn: 'Blocked exit or escape route',
        defaultSeverity: 'major',
        categories: [],
        retired: false,
        retiredAt: null,
        hazardCount: 0,
      });
      const fire = await write(admin, 'POST', '/api/hazard-types', { ...FIRE, categories: ['catering', 'retail'] });
      expect(fire.status).toBe(201);
      expect(await bodyOf<HazardTypeDto>(fire)).toMatchObject({ code: 'FS-12.3', categories: ['catering', 'retail'] });
      const dotted = await write(admin, 'POST', '/api/hazard-types', {
        code: 'A.1-b_2',
        name: '通道占用',
        defaultSeverity: 'general',
      });
      expect(await bodyOf<HazardTypeDto>(dotted)).toMatchObject({ code: 'A.1-b_2', nameEn: '', categories: [] });
      // codes compare case-sensitively: fs-12.3 is another type, FS-12.3 again is taken
      expect((await write(admin, 'POST', '/api/hazard-types', { ...FIRE, code: 'fs-12.3' })).status).toBe(201);
      const taken = await write(admin, 'POST', '/api/hazard-types', FIRE);
      expect(taken.status).toBe(409);
      expect((await bodyOf<ProblemDetails>(taken)).detail).toContain('hazard type "FS-12.3" already exists');
      const before = await checksum(tx);
      const refusals: [unknown, number, string][] = [
        [{ ...FIRE, code: 'bad code!' }, 400, 'code must be a hazard type code of 1-64 letters, digits'],
        [{ ...FIRE, code: '.starts-with-dot' }, 400, 'code must be a hazard type code'],
        [{ ...FIRE, code: 'x'.repeat(65) }, 400, 'code must be a hazard type code'],
        [{ ...FIRE, code: 'B-1', name: ' ' }, 400, 'name must be text of 1 to 200 characters'],
        [{ ...FIRE, code: 'B-1', categories: ['bakery'] }, 400, 'categories "bakery" is not one of catering'],
        [{ ...FIRE, code: 'B-1', categories: ['retail', 'retail'] }, 400, 'categories must not repeat a category'],
      ];
      for (const [body, status, message] of refusals) {
        const res = await write(admin, 'POST', '/api/hazard-types', body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect((await bodyOf<ProblemDetails>(res)).detail).toContain(message);
      }
      expect((await write(zhang, 'POST', '/api/hazard-types', { ...FIRE, code: 'B-1' })).status).toBe(403);
      expect((await nobody.request('/api/hazard-types')).status).toBe(401);
      expect(await checksum(tx)).toEqual(before);
      // q matches part of a code or a name, case-insensitively; "C" order puts upper case first
      expect(codes(await bodyOf(await zhang.request('/api/hazard-types?q=fs-12')))).toEqual(['FS-12.3', 'fs-12.3']);
      expect(codes(await bodyOf(await zhang.request('/api/hazard-types?q=通道')))).toEqual(['A.1-b_2', 'blocked_exit']);
      // "_" in q is itself, not LIKE's any-character
      expect(codes(await bodyOf(await zhang.request('/api/hazard-types?q=b_2')))).toEqual(['A.1-b_2']);
      expect(await tx.query('SELECT action, entity_id FROM audit_log ORDER BY id')).toEqual([
        { action: 'hazard_type.create', entity_id: 'FS-12.3' },
        { action: 'hazard_type.create', entity_id: 'A.1-b_2' },
        { action: 'hazard_type.create', entity_id: 'fs-12.3' },
      ]);
    });
  });

  it('has the same code rule in the database CHECK as in the contract', async () => {
    await rolledBack(async (tx) => {
      const cases: [string, boolean][] = [
        ['FS-12.3', true],
        ['A.1-b_2', true],
        ['x'.repeat(64), true],
        ['bad code!', false],
        ['.x', false],
        ['-x', false],
        ['', false],
        ['x'.repeat(65), false],
        ['é1', false],
      ];
      for (const [code, ok] of cases) {
        expect(HAZARD_TYPE_CODE.test(code), code).toBe(ok);
        const insert = tx.transaction((sp) =>
          sp.query(`INSERT INTO hazard_types (code, name, name_en, default_severity) VALUES ($1, 'n', '', 'general')`, [
            code,
          ]),
        );
        if (ok) await insert;
        else await expect(insert, code).rejects.toThrow(/hazard_types_code_check/);
      }
    });
  });

  it('retires a type: new hazards of it are refused, its hazards stay; a used type keeps its code and is never deleted', async () => {
    await rolledBack(async (tx) => {
      const { admin, zhang, v1 } = await setUp(tx);
      await write(admin, 'POST', '/api/hazard-types', FIRE);
      const patrol = (day: number) =>
        write(zhang, 'POST', '/api/patrols', {
          venueId: v1,
          patrolledAt: `2026-11-${day}T10:00:00+08:00`,
          hazards: [{ typeCode: 'FS-12.3' }],
        });
      const first = await patrol(20);
      expect(first.status).toBe(201);
      // the type's default severity
      expect((await bodyOf<PatrolDto>(first)).hazards).toMatchObject([{ typeCode: 'FS-12.3', severity: 'major' }]);

      const retired = await write(admin, 'PATCH', '/api/hazard-types/FS-12.3', { retired: true, name: '消防设施' });
      expect(await bodyOf<HazardTypeDto>(retired)).toMatchObject({ name: '消防设施', retired: true, hazardCount: 1 });
      const before = await checksum(tx);
      const refused = await patrol(21);
      expect(refused.status).toBe(422);
      expect((await bodyOf<ProblemDetails>(refused)).detail).toMatch(
        /^hazards\.0\.typeCode: hazard type "FS-12\.3" was retired on \d{4}-.+ and takes no new hazards$/,
      );
      const unknown = await write(zhang, 'POST', '/api/patrols', {
        venueId: v1,
        patrolledAt: '2026-11-21T10:00:00+08:00',
        hazards: [{ typeCode: 'fs-12.3' }],
      });
      expect((await bodyOf<ProblemDetails>(unknown)).detail).toBe('hazards.0.typeCode: unknown hazard type "fs-12.3"');

      const recode = await write(admin, 'PATCH', '/api/hazard-types/FS-12.3', { code: 'FS-12.4' });
      expect(recode.status).toBe(409);
      expect((await bodyOf<ProblemDetails>(recode)).detail).toContain('keeps its code: 1 hazard has it');
      const del = await admin.request('/api/hazard-types/FS-12.3', { method: 'DELETE' });
      expect(del.status).toBe(409);
      expect((await bodyOf<ProblemDetails>(del)).detail).toContain(
        'cannot be deleted: 1 hazard has it; retire it instead',
      );
      expect((await write(admin, 'PATCH', '/api/hazard-types/NO-SUCH', { retired: true })).status).toBe(404);
      expect(await checksum(tx)).toEqual(before);

      expect(codes(await bodyOf(await zhang.request('/api/hazard-types?retired=true')))).toEqual(['FS-12.3']);
      expect(await bodyOf<HazardTypeDto[]>(await zhang.request('/api/hazard-types?retired=false'))).toHaveLength(9);
      expect((await write(admin, 'PATCH', '/api/hazard-types/FS-12.3', { retired: false })).status).toBe(200);
      expect((await patrol(22)).status).toBe(201);

      // an unused type may change its code or go
      await write(admin, 'POST', '/api/hazard-types', { ...FIRE, code: 'X-1' });
      expect(
        await bodyOf<HazardTypeDto>(await write(admin, 'PATCH', '/api/hazard-types/X-1', { code: 'X-2' })),
      ).toMatchObject({
        code: 'X-2',
        name: FIRE.name,
      });
      expect((await admin.request('/api/hazard-types/X-2', { method: 'DELETE' })).status).toBe(204);
      expect(await bodyOf(await zhang.request('/api/hazard-types?q=X-'))).toEqual([]);
      const audits = await tx.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE entity = 'hazard_type' ORDER BY id",
      );
      expect(audits.map((a) => a.action)).toEqual([
        'hazard_type.create',
        'hazard_type.update',
        'hazard_type.update',
        'hazard_type.create',
        'hazard_type.update',
        'hazard_type.delete',
      ]);
    });
  });

  it('imports the catalogue from CSV all-or-nothing, and the hazard import refuses a retired type for a new hazard', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const header = 'code,name,name_en,default_severity,categories,retired\n';
      const good =
        'FS-12.3,消防设施损坏,Fire equipment broken,major,catering;retail,\n' +
        'A.1-b_2,通道占用,,,,\n' +
        'blocked_exit,安全出口堵塞,,,,true\n';
      const count = async () => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM hazard_types'))[0]!.n;
      const bad = await upload(admin, 'hazard-types', header + good.replace('A.1-b_2', 'bad code!'));
      expect(bad.status).toBe(422);
      const problem = await bodyOf<ImportRefusalProblem>(bad);
      expect(problem.errors).toEqual([
        {
          line: 3,
          column: 'code',
          reason: 'bad_format',
          message: 'code must be 1-64 letters, digits, ".", "-" or "_", starting with a letter or digit',
        },
      ]);
      expect(await count()).toBe(9);
      const categories = await bodyOf<ImportRefusalProblem>(
        await upload(admin, 'hazard-types', header + 'B-1,名,,,bakery;retail,\n'),
      );
      expect(categories.errors).toMatchObject([{ line: 2, column: 'categories', reason: 'unknown_value' }]);

      const ok = await upload(admin, 'hazard-types', header + good);
      expect(await ok.json()).toEqual({ inserted: 2, updated: 1 });
      expect(await count()).toBe(11);
      const rows = await tx.query(
        `SELECT code, name, name_en, default_severity::text AS severity, categories::text[] AS categories,
                retired_at IS NOT NULL AS retired
           FROM hazard_types WHERE code IN ('FS-12.3', 'A.1-b_2', 'blocked_exit') ORDER BY code COLLATE "C"`,
      );
      // empty cells: a new type takes general / every category, an existing one keeps its values
      expect(rows).toEqual([
        { code: 'A.1-b_2', name: '通道占用', name_en: '', severity: 'general', categories: [], retired: false },
        {
          code: 'FS-12.3',
          name: '消防设施损坏',
          name_en: 'Fire equipment broken',
          severity: 'major',
          categories: ['catering', 'retail'],
          retired: false,
        },
        {
          code: 'blocked_exit',
          name: '安全出口堵塞',
          name_en: 'Blocked exit or escape route',
          severity: 'major',
          categories: [],
          retired: true,
        },
      ]);
      const audits = await tx.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id');
      expect(audits.map((a) => a.action)).toEqual(['import.hazard-types']);

      await upload(
        admin,
        'venues',
        'external_id,name,category,risk_level,lon,lat,registered_at\nEV-1,店,retail,low,121.01,30.01,2026-01-01\n',
      );
      const hazards = await bodyOf<ImportRefusalProblem>(
        await upload(
          admin,
          'hazards',
          'external_id,venue_external_id,type_code,status,found_at\nH-1,EV-1,blocked_exit,open,2026-03-01\nH-2,EV-1,FS-12.3,open,2026-03-01\n',
        ),
      );
      expect(hazards.errors).toMatchObject([{ line: 2, column: 'type_code', reason: 'retired_value' }]);
      expect(hazards.errors[0]!.message).toContain('hazard type "blocked_exit" was retired on');
    });
  });
});
