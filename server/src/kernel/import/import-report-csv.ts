// The report of every error of a refused import, as CSV for a spreadsheet: written like the
// exports (CRLF, formula-safe cells: a column named "=cmd" in the file cannot run in Excel), one
// row per error in line order; several errors of one line are several rows. It is stored
// without the byte-order mark, which the download puts first (withBom): PGlite decodes text
// values with a TextDecoder, which drops a leading BOM.
import { CSV_BOM, csvLine } from '../export/csv.ts';
import { KEPT_ERRORS } from './import-errors.ts';
import type { ImportRefusal } from './import-refusal.ts';

/** `line`: a CSV import (the file's line, header = 1); `feature`: a GeoJSON import (its index in features). */
export type ErrorPlace = 'line' | 'feature';

export function importReportCsv(refusal: ImportRefusal, placeName: ErrorPlace): string {
  const rows = [csvLine([placeName, 'column', 'reason', 'message'])];
  for (const e of refusal.errors)
    rows.push(csvLine([placeName === 'line' ? e.line : e.feature, e.column, e.reason, e.message]));
  const unlisted = refusal.errorCount - refusal.errors.length;
  if (unlisted > 0)
    rows.push(
      csvLine(['', '', '', `and ${unlisted} more error(s), not listed: a report keeps the first ${KEPT_ERRORS} found`]),
    );
  return rows.join('');
}

/** The report as a file for a spreadsheet: UTF-8 with a BOM, so Excel reads Chinese correctly. */
export const withBom = (csv: string) => CSV_BOM + csv;
