// A refused import's report of every error: stored for the account that sent the file once the
// import's transaction has rolled back (so "bad input writes nothing" still holds for the domain
// data), and downloaded as CSV by that account only, for 24 hours.
import type { Context } from 'hono';
import { cityTimeZone, dayOf } from '@svm/contract';
import type { Queryable } from '@svm/db';
import type { Actor } from '../../auth/actor.ts';
import { CSV } from '../../kernel/export/files.ts';
import { ImportRefusal } from '../../kernel/import/import-refusal.ts';
import { importReportCsv, withBom, type ErrorPlace } from '../../kernel/import/import-report-csv.ts';
import { Problem } from '../../kernel/problem.ts';
import { importReportOf, REPORT_HOURS, storedImportReport } from './import-reports.queries.ts';

/**
 * What the import throws for `err` (answered at `instance`, the route's path, by the request or
 * its job): a refusal becomes its bounded 422 linking the report just stored; anything else is
 * thrown on as it is.
 */
export async function refusalWithReport(
  db: Queryable,
  err: unknown,
  file: { actor: Actor; kind: string; unit: ErrorPlace; text: string; instance: string },
): Promise<unknown> {
  if (!(err instanceof ImportRefusal)) return err;
  const id = await storedImportReport(db, {
    createdBy: file.actor.id,
    kind: file.kind,
    errorCount: err.errorCount,
    csv: importReportCsv(err, file.unit),
  });
  // the text has lost a BOM the file may have had: its size is at most the file's
  return err.answer(Buffer.byteLength(file.text, 'utf8'), file.instance, `/api/import/reports/${id}.csv`);
}

/** The report as a CSV attachment; 404 when it is unknown, expired or another account's. */
export async function reportDownload(c: Context, db: Queryable, actor: Actor, id: string): Promise<Response> {
  const report = await importReportOf(db, id, actor.id);
  if (!report)
    throw Problem.notFound(
      `import report ${id} does not exist for this account: reports are kept ${REPORT_HOURS} hours, for the account that sent the file`,
    );
  const day = dayOf(report.created_at, cityTimeZone()).replaceAll('-', '');
  return c.body(withBom(report.csv), 200, {
    'Content-Type': CSV,
    'Content-Disposition': `attachment; filename="import-errors-${report.kind}-${day}-${id.slice(0, 8)}.csv"`,
    'Cache-Control': 'no-store',
  });
}
