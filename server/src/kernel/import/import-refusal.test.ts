import { describe, expect, it } from 'vitest';
import { listOf, type ImportRefusalMembers } from '@svm/contract';
import { ImportErrors, KEPT_ERRORS, quoted } from './import-errors.ts';
import { BODY_FLOOR_BYTES, BODY_MAX_BYTES, ImportRefusal } from './import-refusal.ts';
import { importReportCsv } from './import-report-csv.ts';

const INSTANCE = '/api/import/venues';

function refusalOf(errors: ImportErrors): ImportRefusal {
  try {
    errors.throwIfAny('the venue file was refused');
  } catch (err) {
    if (err instanceof ImportRefusal) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The body the app would send for a file of `fileBytes`, and its size in bytes. */
function answered(refusal: ImportRefusal, fileBytes: number) {
  const text = JSON.stringify(refusal.answer(fileBytes, INSTANCE, '/api/import/reports/x.csv').toDetails(INSTANCE));
  return { bytes: Buffer.byteLength(text, 'utf8'), body: JSON.parse(text) as ImportRefusalMembers };
}

const longMessage = (i: number) => `category ${quoted('面包店'.repeat(30))} is not one of ${'x'.repeat(300)} ${i}`;

describe('the refusal of an import', () => {
  it('is never larger than the file: a 20 KB file with 300 long errors shows only the first ones that fit', () => {
    const errors = new ImportErrors();
    for (let line = 301; line >= 2; line--)
      errors.add({ line, column: 'category', reason: 'unknown_value', message: longMessage(line) });
    const { bytes, body } = answered(refusalOf(errors), 20_000);
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(body.errorCount).toBe(300);
    expect(body.errors.length).toBeGreaterThan(10);
    expect(body.errors.length).toBeLessThan(200);
    // the first by line, although they were found last
    expect(body.errors.map((e) => e.line)).toEqual(body.errors.map((_, i) => i + 2));
  });

  it('is at most 96 KiB for any file, and keeps an 8 KiB floor for a file smaller than that', () => {
    const errors = new ImportErrors();
    for (let line = 2; line < 1000; line++)
      errors.add({ line, column: 'category', reason: 'unknown_value', message: longMessage(line) });
    const refusal = refusalOf(errors);
    const huge = answered(refusal, 20 * 1024 * 1024);
    expect(huge.bytes).toBeLessThanOrEqual(BODY_MAX_BYTES);
    expect(huge.bytes).toBeLessThan(100_000);
    expect(huge.body.errors.length).toBeLessThanOrEqual(200);
    const tiny = answered(refusal, 100);
    expect(tiny.bytes).toBeLessThanOrEqual(BODY_FLOOR_BYTES);
    expect(tiny.body.errors.length).toBeGreaterThan(0);
  });

  it('shows at most 200 errors however short they are, and counts every one by reason', () => {
    const errors = new ImportErrors();
    for (let line = 2; line < 1002; line++)
      errors.add({ line, column: 'lat', reason: line % 2 ? 'out_of_range' : 'not_a_number', message: 'bad' });
    const { body } = answered(refusalOf(errors), 1_000_000);
    expect(body.errors).toHaveLength(200);
    expect(body.errorCount).toBe(1000);
    expect(body.countsByReason).toEqual({ out_of_range: 500, not_a_number: 500 });
  });

  it('puts each error on one line of at most 240 characters without control characters, quoting a value from the file at most 40', () => {
    const errors = new ImportErrors();
    errors.add({ line: 2, column: 'name\nx', reason: 'too_long', message: `a\r\nb\t${'c'.repeat(500)}` });
    const [e] = refusalOf(errors).errors;
    expect(e?.column).toBe('name x');
    expect(e?.message).toHaveLength(240);
    expect(e?.message).toMatch(/^a b c+…$/);
    errors.add({ line: 3, column: 'a\u0000b', reason: 'unknown_column', message: 'nul \u0000 here' });
    expect(refusalOf(errors).errors[1]).toMatchObject({ column: 'a\uFFFDb', message: 'nul \uFFFD here' });
    expect(quoted('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoted('two\nlines')).toBe('"two\\nlines"');
  });

  it('keeps the first 100,000 errors for the report, counts the rest, and says so in its last row', () => {
    const errors = new ImportErrors();
    for (let line = 2; line < KEPT_ERRORS + 7; line++)
      errors.add({ line, reason: 'field_count', message: 'has 1 fields' });
    const refusal = refusalOf(errors);
    expect(refusal.errorCount).toBe(KEPT_ERRORS + 5);
    expect(refusal.errors).toHaveLength(KEPT_ERRORS);
    const rows = importReportCsv(refusal, 'line').split('\r\n');
    expect(rows[0]).toBe('line,column,reason,message');
    expect(rows[1]).toBe('2,,field_count,has 1 fields');
    expect(rows[KEPT_ERRORS + 1]).toBe(',,,"and 5 more error(s), not listed: a report keeps the first 100000 found"');
  });

  it('names GeoJSON errors by feature, the errors about the whole file first', () => {
    const errors = new ImportErrors();
    errors.add({
      feature: 3,
      column: 'geometry',
      reason: 'invalid_geometry',
      message: 'invalid geometry: Self-intersection',
    });
    errors.add({ reason: 'no_features', message: 'the FeatureCollection has no features' });
    const rows = importReportCsv(refusalOf(errors), 'feature').split('\r\n');
    expect(rows.slice(0, 3)).toEqual([
      'feature,column,reason,message',
      ',,no_features,the FeatureCollection has no features',
      '3,geometry,invalid_geometry,invalid geometry: Self-intersection',
    ]);
  });
});

describe('listOf', () => {
  it('lists up to 10 values in full and summarises a longer list', () => {
    expect(listOf(['a', 'b', 'c'])).toBe('a, b, c');
    const ten = Array.from({ length: 10 }, (_, i) => `v${i}`);
    expect(listOf(ten)).toBe(ten.join(', '));
    const many = Array.from({ length: 300 }, (_, i) => `code_${i}`);
    expect(listOf(many, 'GET /api/x')).toBe('code_0, code_1, code_2, code_3, code_4, … (300 in all: GET /api/x)');
  });
});
