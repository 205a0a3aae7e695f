// Import errors: every bad row or feature of a file is collected, each with its reason, then the
// file is refused as one 422 problem (import-refusal.ts), so a person fixes the whole file in one
// pass. Each error is bounded when it is added (one line, at most 240 characters), and past
// 100,000 errors they are only counted: a 20 MiB file of two-byte rows cannot fill the memory.
import { IMPORT_ERROR_REASONS, type ImportErrorReason, type ImportRowError } from '@svm/contract';
import type { z } from 'zod';
import { ImportRefusal } from './import-refusal.ts';

export type ImportError = ImportRowError;

/** The errors kept (for the 422 body and the downloadable report); more are counted, not kept. */
export const KEPT_ERRORS = 100_000;
const MAX_MESSAGE = 240;
const MAX_COLUMN = 64;
const MAX_QUOTED = 40;

export class ImportErrors {
  readonly list: ImportError[] = [];
  /** every error added, kept or not */
  count = 0;
  readonly byReason: Partial<Record<ImportErrorReason, number>> = {};

  add(error: ImportError): void {
    this.count++;
    this.byReason[error.reason] = (this.byReason[error.reason] ?? 0) + 1;
    if (this.list.length < KEPT_ERRORS) this.list.push(bounded(error));
  }
  get any(): boolean {
    return this.count > 0;
  }
  /** Throws the refusal when anything was collected (the write transaction then rolls back). */
  throwIfAny(what: string): void {
    if (this.any) throw new ImportRefusal(what, this.list, this.count, this.byReason);
  }
}

/**
 * One line (line breaks and tabs become spaces) of at most `max` characters; other control
 * characters become U+FFFD (a NUL from a column name could not be stored in a text column).
 */
function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const flat = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function bounded(error: ImportError): ImportError {
  return {
    ...error,
    ...(error.column === undefined ? {} : { column: oneLine(error.column, MAX_COLUMN) }),
    message: oneLine(error.message, MAX_MESSAGE),
  };
}

/** A value from the file as a message quotes it: in double quotes, escaped, at most 40 characters. */
export function quoted(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** A zod refinement's message with the reason it stands for (read back by reasonOfIssue). */
export const because = (reason: ImportErrorReason, message: string) => ({ message, params: { reason } });

const isReason = (r: unknown): r is ImportErrorReason =>
  typeof r === 'string' && (IMPORT_ERROR_REASONS as readonly string[]).includes(r);

/**
 * The reason of a zod issue from parsing a cell or a property. Parse with `reportInput: true`:
 * an issue whose input is undefined is a required value that is missing.
 */
export function reasonOfIssue(issue: z.core.$ZodIssue): ImportErrorReason {
  if (issue.code === 'custom') return isReason(issue.params?.['reason']) ? issue.params['reason'] : 'bad_format';
  if (issue.input === undefined) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong_type';
    case 'invalid_value':
      return 'unknown_value';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'out_of_range';
    case 'too_small':
      return issue.origin === 'string' ? 'too_short' : 'out_of_range';
    default:
      return 'bad_format';
  }
}

/**
 * A database integrity error (SQLSTATE 23xxx) or data exception (22xxx, e.g. a value out of a
 * type's range) raised by one row's write, as a row message; else null (a real fault).
 */
export function constraintMessage(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code: unknown = Reflect.get(err, 'code');
  if (typeof code !== 'string' || !(code.startsWith('23') || code.startsWith('22'))) return null;
  return String(Reflect.get(err, 'message'));
}
