import { describe, expect, it } from 'vitest';
import { tableFromIPC } from '@uwdata/flechette';
import { arrowIpc, csvText } from './table-file.ts';

describe('csvText', () => {
  it('starts with a BOM, quotes what needs quoting, and leaves an absent figure empty, never 0', () => {
    const text = csvText([{ agency: '示例县"某"局, 办公室', value: 12 }, { agency: '乙', value: null }, { agency: '丙', extra: 3n }]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n')).toEqual(['agency,value,extra', '"示例县""某""局, 办公室",12,', '乙,,', '丙,,3', '']);
  });

  it('is a lone BOM for no rows', () => {
    expect(csvText([])).toBe('\uFEFF');
  });
});

describe('arrowIpc', () => {
  it('keeps every row and value, nulls as nulls', () => {
    const table = tableFromIPC(arrowIpc([{ id: 'a', value: 1.5 }, { id: 'b', value: null }]));
    expect(table.toArray().map((r) => ({ ...r }))).toEqual([{ id: 'a', value: 1.5 }, { id: 'b', value: null }]);
  });
});
