import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs it, ends lines with CRLF', () => {
    const csv = toCsv([
      ['日付', '合計'],
      ['2026-01-01', 72],
      ['a,b', 'say "hi"'],
      ['line\nbreak', null],
    ]);
    expect(csv.startsWith('\uFEFF日付,合計\r\n')).toBe(true);
    expect(csv).toContain('"a,b","say ""hi"""\r\n');
    expect(csv).toContain('"line\nbreak",\r\n');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', -5, '-3']])).toBe('\uFEFF"\'=HYPERLINK(""x"")",-5,-3\r\n');
  });
});
