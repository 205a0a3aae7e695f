// A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas,
// CR/LF line breaks and doubled quotes (""); records end at CRLF or LF. Each record keeps the
// file line it starts on, so import errors can point at the line a person sees in an editor.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1) */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Splits CSV text into records; blank lines are skipped; a leading UTF-8 BOM is ignored. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false; // distinguishes an empty last field ("a,") from an empty line
  let quoted = false; // the current field was quoted and its closing quote has been read
  const endRecord = () => {
    if (fieldStarted || fields.length > 0 || field !== '') {
      fields.push(field);
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
    quoted = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !quoted) {
      // quoted field: read to the closing quote, "" is one quote
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length)
          throw new CsvSyntaxError(openedOn, 'a quoted field is not closed before the end of the file');
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      fieldStarted = true;
      quoted = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(line, 'a closing quote must be followed by a comma or the end of the line');
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      quoted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"')
      throw new CsvSyntaxError(line, 'a quote inside an unquoted field must be escaped by quoting the whole field');
    field += ch;
    i++;
  }
  endRecord();
  return records;
}
