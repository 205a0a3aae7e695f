// Refusals of big files (issue 13): a bounded 422 body with counts by reason, and the report of
// every error stored outside the domain data for the admin who sent the file. On a database of
// its own where transactions really commit, so "the import rolled back, the report was kept" and
// "the data version did not move" are what production sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@svm/db';
import { committedDatabase } from '@svm/db/testing';
import type { ImportRefusalProblem } from '@svm/contract';
import type { App } from '../../app.ts';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { importSenders, upload } from '../../testing/imports-fixture.ts';
import { checksum } from '../../testing/workflow-fixture.ts';
import { parseCsv } from '../../kernel/import/csv.ts';

type Refusal = ImportRefusalProblem;

let db: Db;
let drop: () => Promise<void>;
let admin: App;
let otherAdmin: App;
let leader: App;
let nobody: App;
let adminId: number;

beforeAll(async () => {
  ({ db, drop } = await committedDatabase());
  ({ admin, otherAdmin, leader, nobody, adminId } = await importSenders(db));
});
afterAll(async () => drop());

const version = async () =>
  Number((await db.query<{ version: string }>('SELECT version FROM data_version WHERE id = 1'))[0]!.version);
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

const HEADER = 'external_id,name,category,risk_level,lon,lat,registered_at\n';
const CATEGORY_MESSAGE =
  'category "bakery" is not one of catering, retail, repair, ebike, entertainment, warehouse, workshop, lodging, training, other';
/** Row i (file line i + 2) is bad in exactly one cell, the four kinds of bad cell in turn. */
function badRow(i: number): string {
  const cells = ['B-' + i, `店${i}`, 'retail', 'low', '121.01', '30.01', '2026-01-01'];
  if (i % 4 === 0) cells[2] = 'bakery';
  if (i % 4 === 1) cells[5] = '95';
  if (i % 4 === 2) cells[4] = 'east';
  if (i % 4 === 3) cells[6] = 'soon';
  return `${cells.join(',')}\n`;
}

describe('refusing a file of 40,000 bad rows', () => {
  it('answers a body under 100 KB with the first 200 errors, the counts by reason and a report of all 40,000, writing no data', async () => {
    const before = { data: await checksum(db), version: await version() };
    let file = HEADER;
    for (let i = 0; i < 40_000; i++) file += badRow(i);

    const res = await upload(admin, 'venues', file);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
    const text = await res.text();
    expect(utf8(text)).toBeLessThan(100_000);
    expect(utf8(text)).toBeLessThanOrEqual(utf8(file));
    const problem = JSON.parse(text) as Refusal;
    expect(problem.type).toBe('urn:svm:problem:import-refused');
    expect(problem.errorCount).toBe(40_000);
    expect(problem.countsByReason).toEqual({
      unknown_value: 10_000,
      out_of_range: 10_000,
      not_a_number: 10_000,
      bad_time: 10_000,
    });
    expect(problem.errors).toHaveLength(200);
    expect(problem.errors.map((e) => e.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    expect(problem.errors.slice(0, 4)).toEqual([
      { line: 2, column: 'category', reason: 'unknown_value', message: CATEGORY_MESSAGE },
      { line: 3, column: 'lat', reason: 'out_of_range', message: 'lat must be from -90 to 90' },
      { line: 4, column: 'lon', reason: 'not_a_number', message: 'lon must be a number from -180 to 180' },
      { line: 5, column: 'registered_at', reason: 'bad_time', message: expect.stringMatching(/^registered_at /) },
    ]);
    expect(problem.detail).toContain('40000 error(s), nothing was imported');
    expect(problem.errorsCsv).toMatch(/^\/api\/import\/reports\/[0-9a-f-]{36}\.csv$/);

    // nothing of the file was written, the caches stay valid and no event or audit entry was made
    expect(await checksum(db)).toEqual(before.data);
    expect(await version()).toBe(before.version);

    // the report: a header and one row per error (each bad row here has exactly one error; a row
    // with several has several rows), in line order
    const report = await admin.request(problem.errorsCsv!);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toMatch(
      /^attachment; filename="import-errors-venues-\d{8}-[0-9a-f]{8}\.csv"$/,
    );
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (text() would drop it)
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(40_001);
    const rows = parseCsv(csv).map((r) => r.fields);
    expect(rows).toHaveLength(40_001);
    expect(rows[0]).toEqual(['line', 'column', 'reason', 'message']);
    expect(rows[1]).toEqual(['2', 'category', 'unknown_value', CATEGORY_MESSAGE]);
    expect(rows[2]).toEqual(['3', 'lat', 'out_of_range', 'lat must be from -90 to 90']);
    expect(rows[39_999]).toEqual(['40000', 'lon', 'not_a_number', 'lon must be a number from -180 to 180']);
    expect(rows[40_000]?.slice(0, 3)).toEqual(['40001', 'registered_at', 'bad_time']);
    // reading it wrote nothing either
    expect(await version()).toBe(before.version);
  }, 120_000);
});

describe('who reads a report', () => {
  it('gives it to the admin who sent the file only: 404 to another admin, 403 to a township account, 401 to nobody', async () => {
    const problem = await bodyOf<Refusal>(await upload(admin, 'venues', HEADER + badRow(0)));
    const url = problem.errorsCsv!;
    expect((await admin.request(url)).status).toBe(200);

    const other = await otherAdmin.request(url);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(await other.text()).not.toContain('bakery');
    // a township account holds no import authority: refused before the id is looked up
    const township = await leader.request(url);
    expect(township.status).toBe(403);
    expect(await township.text()).not.toContain('bakery');
    expect((await nobody.request(url)).status).toBe(401);
    expect((await admin.request('/api/import/reports/not-an-id.csv')).status).toBe(400);
    expect((await admin.request('/api/import/reports/00000000-0000-4000-8000-000000000000.csv')).status).toBe(404);
  });

  it('keeps reports 24 hours: an older one is not served and is deleted when the next one is written', async () => {
    const [old] = await db.query<{ id: string }>(
      `INSERT INTO import_error_reports (created_by, created_at, kind, error_count, csv)
       VALUES ($1, now() - interval '25 hours', 'venues', 1, 'x') RETURNING id::text`,
      [adminId],
    );
    expect((await admin.request(`/api/import/reports/${old!.id}.csv`)).status).toBe(404);
    await upload(admin, 'venues', HEADER + badRow(1));
    expect(await db.query('SELECT id FROM import_error_reports WHERE id = $1::uuid', [old!.id])).toEqual([]);
    const ages = await db.query<{ fresh: boolean }>(
      `SELECT created_at > now() - interval '24 hours' AS fresh FROM import_error_reports`,
    );
    expect(ages.every((r) => r.fresh)).toBe(true);
  });
});

describe('refusing a small file', () => {
  it('shows all 3 errors of a small file by line, with their reasons, and the same 3 in the report', async () => {
    // the duplicate key (line 3) is found after the cells are parsed (lines 4 and 6), yet is listed first;
    // the quoted name spans lines 4-5
    const file =
      HEADER +
      'S-1,ok,retail,low,121.01,30.01,2026-01-01\n' +
      'S-1,again,retail,low,121.01,30.01,2026-01-01\n' +
      'S-2,"multi\nline name",bakery,low,121.01,30.01,2026-01-01\n' +
      'S-3,ok,retail,low,121.01,-91,2026-01-01\n';
    const res = await upload(admin, 'venues', file);
    expect(res.status).toBe(422);
    const problem = await bodyOf<Refusal>(res);
    expect(problem.errors).toEqual([
      {
        line: 3,
        column: 'external_id',
        reason: 'duplicate_key',
        message: 'external_id "S-1" already appears on line 2',
      },
      { line: 4, column: 'category', reason: 'unknown_value', message: CATEGORY_MESSAGE },
      { line: 6, column: 'lat', reason: 'out_of_range', message: 'lat must be from -90 to 90' },
    ]);
    expect(problem.errorCount).toBe(3);
    expect(problem.countsByReason).toEqual({ unknown_value: 1, out_of_range: 1, duplicate_key: 1 });
    expect(problem.detail).toContain('First, line 3 (external_id): external_id "S-1" already appears on line 2.');
    const rows = parseCsv(await (await admin.request(problem.errorsCsv!)).text()).map((r) => r.fields);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['line', 'column', 'reason'],
      ['3', 'external_id', 'duplicate_key'],
      ['4', 'category', 'unknown_value'],
      ['6', 'lat', 'out_of_range'],
    ]);
  });

  it('writes the report formula-safe: a header cell "=SUM(A1)" is a text cell', async () => {
    const problem = await bodyOf<Refusal>(await upload(admin, 'venues', 'external_id,=SUM(A1)\nX,1\n'));
    expect(problem.errors[0]).toMatchObject({ line: 1, column: '=SUM(A1)', reason: 'unknown_column' });
    expect(problem.errors[0]?.message).toMatch(
      /^unknown column "=SUM\(A1\)"; the columns are external_id, name, address, category, risk_level, … \(16 in all: see the import in GET \/api\/openapi\.json\)$/,
    );
    const csv = await (await admin.request(problem.errorsCsv!)).text();
    expect(csv).toContain("\r\n1,'=SUM(A1),unknown_column,");
  });
});
