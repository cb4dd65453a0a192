import { describe, expect, it } from 'vitest';
import { normalizeWidth, readTextDocument, splitCells } from './text.ts';

describe('readTextDocument', () => {
  it('splits cells on tabs and keeps a leading empty tab field in place', () => {
    const doc = readTextDocument('规章\t1\t0\t6\r\n\t\t\t\t\t0\t0\n');
    expect(doc.format).toBe('text');
    expect(doc.lines.map((l) => l.cells)).toEqual([['规章', '1', '0', '6'], ['', '', '', '', '', '0', '0']]);
  });

  it('splits layout text on runs of two or more spaces but not on one', () => {
    expect(splitCells('行政许可          1520   用户 3 个')).toEqual(['行政许可', '1520', '用户 3 个']);
  });

  it('reads pipe rows as table rows whose empty fields are printed-empty cells', () => {
    const doc = readTextDocument('| 一、本年新收政府信息公开申请数量 | 2 | | | | | | 2 |\n规章 |\n');
    expect(doc.lines[0]).toEqual({ cells: ['一、本年新收政府信息公开申请数量', '2', '', '', '', '', '', '2'], inTable: true });
    expect(doc.lines[1]).toEqual({ cells: ['规章'] });
  });

  it('turns full-width digits and spaces into ASCII but keeps Chinese brackets', () => {
    expect(normalizeWidth('（一）予以公开　１２件')).toBe('（一）予以公开 12件');
  });

  it('drops blank lines and a byte-order mark', () => {
    expect(readTextDocument('\uFEFF\n\n  \n示例市甲局\n').lines).toEqual([{ cells: ['示例市甲局'] }]);
  });
});
