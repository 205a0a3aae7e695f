// Named queries of the import error reports (migration 0013): written after a refused import's
// transaction rolled back, read back by the account that sent the file, gone after 24 hours.
import { sql, type Queryable } from '@svm/db';

/** How long a report can be downloaded; older ones are deleted when the next one is written. */
export const REPORT_HOURS = 24;

/** Stores a report in a short transaction of its own (expiring old ones first); its id. */
export async function storedImportReport(
  db: Queryable,
  r: { createdBy: number; kind: string; errorCount: number; csv: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query(
      sql`DELETE FROM import_error_reports WHERE created_at < now() - make_interval(hours => ${REPORT_HOURS}::int)`,
    );
    const rows = await tx.query<{ id: string }>(sql`
      INSERT INTO import_error_reports (created_by, kind, error_count, csv)
      VALUES (${r.createdBy}::int, ${r.kind}::text, ${r.errorCount}::int, ${r.csv}::text)
      RETURNING id::text`);
    return rows[0]!.id;
  });
}

/** The report, when it is this account's and younger than 24 hours; else null. */
export async function importReportOf(db: Queryable, id: string, userId: number) {
  const rows = await db.query<{ kind: string; created_at: Date; csv: string }>(sql`
    SELECT kind, created_at, csv FROM import_error_reports
     WHERE id = ${id}::uuid AND created_by = ${userId}::int
       AND created_at >= now() - make_interval(hours => ${REPORT_HOURS}::int)`);
  return rows[0] ?? null;
}
