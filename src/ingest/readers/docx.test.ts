import { describe, expect, it } from 'vitest';
import { readDocxDocument } from './docx.ts';
import { makeDocx } from '../../testing/reader-fixtures.ts';
import { UnreadableDocument } from './problem.ts';

describe('readDocxDocument', () => {
  it('reads paragraphs and table rows, a merged cell staying one cell', async () => {
    const docx = await makeDocx([
      '示例省乙县民政局2099年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      {
        table: [
          ['', { text: '自然人', span: 2 }, '商业企业', '总计'],
          ['（一）予以公开', { text: '6', span: 2 }, '1', '7'],
          ['（二）部分公开', { text: '', span: 2 }, '', '0'],
        ],
      },
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const doc = await readDocxDocument(docx);
    expect(doc.format).toBe('docx');
    expect(doc.lines).toEqual([
      { cells: ['示例省乙县民政局2099年政府信息公开工作年度报告'] },
      { cells: ['三、收到和处理政府信息公开申请情况'] },
      { cells: ['', '自然人', '商业企业', '总计'], inTable: true },
      { cells: ['（一）予以公开', '6', '1', '7'], inTable: true },
      { cells: ['（二）部分公开', '', '', '0'], inTable: true },
      { cells: ['四、政府信息公开行政复议、行政诉讼情况'] },
    ]);
  });

  it('refuses a zip bomb from its directory, before unpacking it', async () => {
    const bomb = await makeDocx(['示例', ' '.repeat(60 * 1024 * 1024)]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readDocxDocument(bomb)).rejects.toThrow(/packs \d+:1, as a zip bomb does/);
  });

  it('rejects a damaged file', async () => {
    const docx = await makeDocx(['示例']);
    await expect(readDocxDocument(docx.slice(0, 100))).rejects.toThrow(UnreadableDocument);
  });
});
