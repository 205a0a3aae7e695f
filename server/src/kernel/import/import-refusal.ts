// The 422 problem of a refused import, bounded whatever the file: the first 200 errors by line
// (fewer when the body would be larger than the file, with an 8 KiB floor for the problem's own
// members, and never more than 96 KiB), the count of every error in all and by reason, and the
// link to the report of every error (import-report-csv.ts), which the route stores after the
// import's transaction has rolled back.
import {
  IMPORT_REFUSED_PROBLEM_TYPE,
  type ImportErrorReason,
  type ImportRefusalMembers,
  type ImportRowError,
} from '@svm/contract';
import { Problem } from '../problem.ts';

export const SHOWN_ERRORS = 200;
/** a body may always be this large: the problem's own members and a few errors need it */
export const BODY_FLOOR_BYTES = 8 * 1024;
export const BODY_MAX_BYTES = 96 * 1024;

/** How large the refusal of a file of `fileBytes` may be. */
export const bodyBudget = (fileBytes: number) => Math.min(BODY_MAX_BYTES, Math.max(fileBytes, BODY_FLOOR_BYTES));

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
// errors about the whole file (no line, no feature) first, then by line or feature; stable
const place = (e: ImportRowError) => e.line ?? e.feature ?? -1;

export class ImportRefusal extends Problem {
  /** the errors kept, by line (or feature) */
  readonly errors: ImportRowError[];

  constructor(
    readonly what: string,
    kept: readonly ImportRowError[],
    readonly errorCount: number,
    readonly countsByReason: Partial<Record<ImportErrorReason, number>>,
  ) {
    const errors = [...kept].sort((a, b) => place(a) - place(b));
    super(refusalInit(what, errors, errorCount, countsByReason, null, BODY_FLOOR_BYTES, ''));
    this.errors = errors;
  }

  /** The refusal as answered to a file of `fileBytes` at `instance`, linking its stored report. */
  answer(fileBytes: number, instance: string, errorsCsv: string | null): Problem {
    return new Problem(
      refusalInit(
        this.what,
        this.errors,
        this.errorCount,
        this.countsByReason,
        errorsCsv,
        bodyBudget(fileBytes),
        instance,
      ),
    );
  }
}

function refusalInit(
  what: string,
  errors: readonly ImportRowError[],
  errorCount: number,
  countsByReason: Partial<Record<ImportErrorReason, number>>,
  errorsCsv: string | null,
  budget: number,
  instance: string,
) {
  const first = errors[0];
  const where =
    first?.line !== undefined
      ? `line ${first.line}`
      : first?.feature !== undefined
        ? `feature ${first.feature}`
        : 'the file';
  const firstText = first ? ` First, ${where}${first.column ? ` (${first.column})` : ''}: ${first.message}.` : '';
  const inCsv = !errorsCsv
    ? ''
    : errors.length < errorCount
      ? ` The CSV at errorsCsv lists the first ${errors.length} found.`
      : ' Every error is in the CSV at errorsCsv.';
  const init = (shown: ImportRowError[]) => {
    const extra: ImportRefusalMembers = { errorCount, countsByReason, errorsCsv, errors: shown };
    return {
      status: 422 as const,
      title: 'Unprocessable Content',
      type: IMPORT_REFUSED_PROBLEM_TYPE,
      detail: `${what}: ${errorCount} error(s), nothing was imported.${firstText}${inCsv}`,
      extra: { ...extra },
    };
  };
  // the body is JSON.stringify of the problem: its size with no errors shown, plus each error
  // shown and a comma between two
  let size = utf8Bytes(JSON.stringify(new Problem(init([])).toDetails(instance)));
  const shown: ImportRowError[] = [];
  for (const e of errors.slice(0, SHOWN_ERRORS)) {
    const cost = utf8Bytes(JSON.stringify(e)) + (shown.length ? 1 : 0);
    if (size + cost > budget) break;
    size += cost;
    shown.push(e);
  }
  return init(shown);
}
