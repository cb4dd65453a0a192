import { describe, expect, it } from 'vitest';
import { tableFromIPC } from '@uwdata/flechette';
import { arrowIpc, csvFromColumns, csvText } from './table-file.ts';

describe('csvText', () => {
  it('starts with a BOM, quotes what needs quoting, and leaves an absent figure empty, never 0', () => {
    const text = csvText([{ agency: '示例县"某"局, 办公室', value: 12 }, { agency: '乙', value: null }, { agency: '丙', extra: 3n }]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual(['agency,value,extra', '"示例县""某""局, 办公室",12,', '乙,,', '丙,,3', '']);
  });

  it('is a BOM and an empty header line for no rows', () => {
    expect(csvText([])).toBe('\uFEFF\r\n');
  });
});

describe('csvFromColumns', () => {
  it('starts with a byte-order mark, ends rows with CRLF, leaves NULL empty', () => {
    expect(csvFromColumns(['年度', 'n'], [[2023, 12.5], [2024, null]])).toBe('\uFEFF年度,n\r\n2023,12.5\r\n2024,\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvFromColumns(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], [' padded']])).toBe('\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n" padded"\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text, but not negative numbers', () => {
    expect(csvFromColumns(['a', 'b'], [['=HYPERLINK("http://x")', -3], ['@SUM(A1)', '-1']])).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""http://x"")",-3\r\n\'@SUM(A1),\'-1\r\n');
  });
});

describe('arrowIpc', () => {
  it('keeps every row and value, nulls as nulls', async () => {
    const table = tableFromIPC(await arrowIpc([{ id: 'a', value: 1.5 }, { id: 'b', value: null }]));
    expect(table.toArray().map((r) => ({ ...r }))).toEqual([{ id: 'a', value: 1.5 }, { id: 'b', value: null }]);
  });
});
