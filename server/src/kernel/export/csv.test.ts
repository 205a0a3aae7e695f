import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvLine } from './csv.ts';

describe('CSV cells', () => {
  it('quotes cells holding quotes, commas, line breaks or edge spaces, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('老王"小炒", 分店')).toBe('"老王""小炒"", 分店"');
    expect(csvCell('乙路3号\n二楼')).toBe('"乙路3号\n二楼"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('defuses text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('writes numbers and booleans as they are and nothing for null, negative numbers included', () => {
    expect(csvLine([1, -121.5, true, null, undefined, ''])).toBe('1,-121.5,true,,,\r\n');
  });

  it('starts a file with the UTF-8 byte-order mark and the header row', () => {
    expect(csvHeader([{ header: '名称 (name)', value: () => '' }])).toBe('\uFEFF名称 (name)\r\n');
  });
});
