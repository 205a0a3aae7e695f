// Import errors: every bad row or feature of a file is collected, then the file is refused as
// one 422 problem listing them all, so a person fixes the whole file in one pass.
import { Problem } from '../problem.ts';

export interface ImportError {
  /** CSV: the file line (header = 1); GeoJSON: absent */
  line?: number;
  /** GeoJSON: the index in `features` */
  feature?: number;
  column?: string;
  message: string;
}

export class ImportErrors {
  readonly list: ImportError[] = [];
  add(error: ImportError): void {
    this.list.push(error);
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  /** Throws the 422 problem when anything was collected (the write transaction then rolls back). */
  throwIfAny(what: string): void {
    if (!this.any) return;
    const shown = this.list.slice(0, 5).map((e) => {
      const where = e.line !== undefined ? `line ${e.line}` : `feature ${e.feature}`;
      return `${where}${e.column ? ` (${e.column})` : ''}: ${e.message}`;
    });
    const more = this.list.length > 5 ? `; and ${this.list.length - 5} more` : '';
    throw Problem.unprocessable(
      `${what}: ${this.list.length} error(s), nothing was imported. ${shown.join('; ')}${more}`,
      {
        errors: this.list,
      },
    );
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
