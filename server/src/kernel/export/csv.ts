// CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Chinese correctly,
// CRLF line ends, quoting where needed, and text cells that a spreadsheet would run as a formula
// (= + - @, tab, carriage return first) prefixed with an apostrophe (OWASP "CSV injection").
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A column: its header (中文 (English)) and how a row fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export const csvHeader = <T>(columns: readonly CsvColumn<T>[]) => CSV_BOM + csvLine(columns.map((c) => c.header));
export const csvRow = <T>(columns: readonly CsvColumn<T>[], row: T) => csvLine(columns.map((c) => c.value(row)));
