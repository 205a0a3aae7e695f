import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('splits plain fields and records, keeping empty fields', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and embedded CRLF newlines, and counts lines across them', () => {
    const text = 'name,note\r\n"Wang, Ltd","he said ""hi""\r\nand left"\r\nnext,"x"\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Wang, Ltd', 'he said "hi"\r\nand left'] },
      { line: 4, fields: ['next', 'x'] },
    ]);
  });

  it('ignores a UTF-8 byte order mark, blank lines and a missing final newline', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('keeps a trailing empty field and an empty quoted field', () => {
    expect(parseCsv('a,\n"",b\n')).toEqual([
      { line: 1, fields: ['a', ''] },
      { line: 2, fields: ['', 'b'] },
    ]);
  });

  it('keeps Chinese text and lone CR line ends', () => {
    expect(parseCsv('名称,地址\r东湖小店,"中山路1号"\r')).toEqual([
      { line: 1, fields: ['名称', '地址'] },
      { line: 2, fields: ['东湖小店', '中山路1号'] },
    ]);
  });

  it('rejects an unclosed quote and a stray quote with the line they are on', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n"open\nstill open');
    } catch (err) {
      expect(err).toMatchObject({ line: 2, message: 'a quoted field is not closed before the end of the file' });
    }
    expect(() => parseCsv('a,b\nx"y,z')).toThrow('a quote inside an unquoted field');
    expect(() => parseCsv('"a"b,c')).toThrow('closing quote must be followed by a comma');
  });
});
