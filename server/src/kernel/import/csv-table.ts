// A CSV file as typed rows: the header names the columns (documented per import, any order),
// each cell is parsed by its column's zod schema; an empty cell counts as absent.
import { z } from 'zod';
import { cityTimeZone, listOf, parseInstant } from '@svm/contract';
import { Problem } from '../problem.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { because, quoted, reasonOfIssue, type ImportErrors } from './import-errors.ts';
import { importProgress } from './progress.ts';

export type Columns = Record<string, z.ZodType>;
// where a message that cannot list every column sends the reader
const WHOLE_LIST = 'see the import in GET /api/openapi.json';
export interface Row<C extends Columns> {
  line: number;
  value: { [K in keyof C]: z.output<C[K]> };
}

/** Parses the file; header and row problems go to `errors` (every bad row), rows that parsed are returned. */
export function csvRows<C extends Columns>(text: string, columns: C, errors: ImportErrors): Row<C>[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      errors.add({ line: err.line, reason: 'csv_syntax', message: err.message });
      return [];
    }
    throw err;
  }
  const [header, ...body] = records;
  const progress = importProgress();
  if (progress) progress.total = body.length;
  if (!header)
    throw Problem.unprocessable(
      `the file is empty; it needs a header row with the columns ${listOf(Object.keys(columns), WHOLE_LIST)}`,
    );
  const names = header.fields.map((f) => f.trim());
  const schema = z.object(columns);
  const known = new Set(Object.keys(columns));
  names.forEach((name, i) => {
    if (!known.has(name))
      errors.add({
        line: 1,
        column: name,
        reason: 'unknown_column',
        message: `unknown column ${quoted(name)}; the columns are ${listOf([...known], WHOLE_LIST)}`,
      });
    // a second column of the same name would silently win over the first
    else if (names.indexOf(name) !== i)
      errors.add({
        line: 1,
        column: name,
        reason: 'duplicate_column',
        message: `column ${quoted(name)} appears twice in the header`,
      });
  });
  for (const name of known) {
    if (!names.includes(name) && !schema.shape[name]!.safeParse(undefined).success) {
      errors.add({ line: 1, column: name, reason: 'missing_column', message: `required column "${name}" is missing` });
    }
  }
  if (errors.any) return [];
  const rows: Row<C>[] = [];
  for (const record of body) {
    progress?.read(1);
    if (record.fields.length !== names.length) {
      errors.add({
        line: record.line,
        reason: 'field_count',
        message: `has ${record.fields.length} fields; the header has ${names.length}`,
      });
      continue;
    }
    const raw: Record<string, string | undefined> = {};
    names.forEach((name, i) => {
      const cell = record.fields[i]!.trim();
      raw[name] = cell === '' ? undefined : cell;
    });
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.add({
          line: record.line,
          column: String(issue.path[0] ?? ''),
          reason: reasonOfIssue(issue),
          message: issue.message,
        });
      continue;
    }
    rows.push({ line: record.line, value: parsed.data as Row<C>['value'] });
  }
  progress?.enter('checking');
  return rows;
}

/** Refuses a second row with the same key in one file (it would silently overwrite the first). */
export function uniqueKeys<C extends Columns>(
  rows: Row<C>[],
  key: (row: Row<C>) => string,
  column: string,
  errors: ImportErrors,
): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first !== undefined)
      errors.add({
        line: row.line,
        column,
        reason: 'duplicate_key',
        message: `${column} ${quoted(k)} already appears on line ${first}`,
      });
    else seen.set(k, row.line);
  }
}

// Cell parsers (cells are text; a required cell that is empty arrives as undefined). Each
// refusal carries its reason: zod's own issue codes where they say it (too long, out of range),
// `because` where they do not (a number column holding text is not a "format" but not_a_number).
const req = (column: string) => ({
  error: (i: { input: unknown }) => (i.input === undefined ? `${column} is required` : `${column} is not valid`),
});
const BOOLEAN_TEXT = ['true', 'false', '1', '0', 'yes', 'no'];
const numeric = (column: string, min: number, max: number, whole: boolean) =>
  z
    .string(req(column))
    .refine(
      (s) => (whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(s),
      because('not_a_number', `${column} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}`),
    )
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${column} must be from ${min} to ${max}`)
        .max(max, `${column} must be from ${min} to ${max}`),
    );
export const cell = {
  text: (column: string, max: number) => z.string(req(column)).max(max, `${column} must be at most ${max} characters`),
  externalId: (column: string) =>
    z.string(req(column)).regex(/^[^\s]{1,64}$/, `${column} must be 1-64 characters without spaces`),
  /** text in a format, e.g. a hazard type code; `rule` says the format */
  matching: (column: string, format: RegExp, rule: string) =>
    z.string(req(column)).regex(format, `${column} must be ${rule}`),
  int: (column: string, min: number, max: number) => numeric(column, min, max, true),
  number: (column: string, min: number, max: number) => numeric(column, min, max, false),
  bool: (column: string) =>
    z
      .string(req(column))
      .refine(
        (v) => BOOLEAN_TEXT.includes(v),
        because('not_a_boolean', `${column} must be true or false (or 1/0, yes/no)`),
      )
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  oneOf: <const T extends readonly [string, ...string[]]>(column: string, values: T) =>
    z.enum(values, {
      error: (i) =>
        i.input === undefined
          ? `${column} is required`
          : `${column} ${quoted(i.input)} is not one of ${listOf(values)}`,
    }),
  instant: (column: string) =>
    z.string(req(column)).transform((t, ctx) => {
      // the one day/instant rule of the contract: the same answer as a query string's asOf (a bare
      // date is local midnight in the city's zone, set by createApp)
      const instant = parseInstant(t, cityTimeZone());
      if (typeof instant === 'string') {
        ctx.addIssue({ code: 'custom', ...because('bad_time', `${column} ${instant}`) });
        return z.NEVER;
      }
      return instant;
    }),
};
