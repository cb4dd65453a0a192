import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a byte-order mark, ends rows with CRLF, leaves NULL empty', () => {
    expect(toCsv(['年度', 'n'], [[2023, 12.5], [2024, null]])).toBe('\uFEFF年度,n\r\n2023,12.5\r\n2024,\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], [' padded']])).toBe('\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n" padded"\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("http://x")', -3], ['@SUM(A1)', '-1']])).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""http://x"")",-3\r\n\'@SUM(A1),\'-1\r\n');
  });
});
