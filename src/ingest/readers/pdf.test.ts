import { describe, expect, it } from 'vitest';
import { makePdf, type PdfText } from '../../testing/reader-fixtures.ts';
import { readPdfDocument } from './pdf.ts';
import { UnreadableDocument } from './problem.ts';

const TITLE: PdfText = { text: '示例省甲市教育局2099年政府信息公开工作年度报告', x: 60, y: 790, size: 16 };

async function cellsOf(pages: PdfText[][]): Promise<string[][]> {
  const doc = await readPdfDocument(makePdf(pages));
  expect(doc.format).toBe('pdf');
  return doc.lines.map((line) => line.cells);
}

describe('readPdfDocument', () => {
  it('puts a row label printed a little higher than its figures on one line, one cell per column', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '行政许可', x: 80, y: 702 },
      { text: '447', x: 300, y: 700 },
      { text: '0', x: 380, y: 700 },
      { text: '12', x: 440, y: 700 },
    ]]);
    expect(cells).toEqual([[TITLE.text], ['行政许可', '447', '0', '12']]);
  });

  it('joins runs closer than a character into one cell, with a space only between figures', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '商业', x: 80, y: 700 },
      { text: '企业', x: 104, y: 700 },
      { text: '12', x: 300, y: 700 },
      { text: '5', x: 330, y: 700 },
    ]]);
    expect(cells.at(-1)).toEqual(['商业企业', '12 5']);
  });

  it('keeps prose written one glyph at a time on its lines, though its characters align in columns', async () => {
    const prose = ['本年度主动公开政府信息', '共计一千二百条较上年增', '加百分之十五点三左右。'];
    const glyphs = prose.flatMap((line, row) =>
      [...line].map((char, column): PdfText => ({ text: char, x: 60 + column * 12, y: 700 - row * 18, font: column % 2 ? 1 : 2 })),
    );
    expect(await cellsOf([[TITLE, ...glyphs]])).toEqual([[TITLE.text], ...prose.map((line) => [line])]);
  });

  it('splits one text item at its runs of spaces, as a producer that writes a row as one string', async () => {
    const cells = await cellsOf([[TITLE, { text: '行政处罚   3001   53 0   14 565', x: 80, y: 700 }]]);
    // One space between figures still parts two columns, unless it groups thousands ("14 565").
    expect(cells.at(-1)).toEqual(['行政处罚', '3001', '53', '0', '14 565']);
  });

  it('reads radical code points some producers emit as the characters they look like', async () => {
    const cells = await cellsOf([[TITLE, { text: '⼀、总体情况：⽹站⾸⻚', x: 60, y: 700 }]]);
    expect(cells.at(-1)).toEqual(['一、总体情况：网站首页']);
  });

  it('parts a figure from a label that runs right up to it in a narrow table', async () => {
    const row = (label: string, y: number, figures: string[]): PdfText[] => [
      { text: label, x: 60, y },
      ...figures.map((text, i) => ({ text, x: 170 + i * 30, y })),
    ];
    const cells = await cellsOf([[
      TITLE,
      ...row('一、本年新收数量', 660, ['5', '1', '6']),
      // The label wraps into the first column, and its last glyph touches the figure 8.
      { text: '二、部分公开之情形8', x: 62, y: 640 }, { text: '1', x: 200, y: 640 }, { text: '9', x: 230, y: 640 },
      ...row('三、上年结转数量', 620, ['2', '0', '2']),
    ]]);
    expect(cells.slice(-3)).toEqual([['一、本年新收数量', '5', '1', '6'], ['二、部分公开之情形', '8', '1', '9'], ['三、上年结转数量', '2', '0', '2']]);
  });

  it('reads a header wrapped two characters per line in a narrow cell as one label', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '社会', x: 300, y: 700 },
      { text: '公益', x: 300, y: 685 },
      { text: '组织', x: 300, y: 670 },
      { text: '自然人', x: 200, y: 685 },
    ]]);
    expect(cells.slice(1)).toEqual([['社会公益组织'], ['自然人']]);
  });

  it('reads a label printed one character per line down a merged cell as one label', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '三、', x: 40, y: 660 },
      { text: '本', x: 40, y: 645 },
      { text: '年', x: 40, y: 630 },
      { text: '度', x: 40, y: 615 },
      { text: '（一）予以公开', x: 80, y: 660 },
      { text: '7', x: 300, y: 660 },
      { text: '（二）部分公开', x: 80, y: 630 },
      { text: '2', x: 300, y: 630 },
    ]]);
    expect(cells.slice(1)).toEqual([['三、本年度', '（一）予以公开', '7'], ['（二）部分公开', '2']]);
  });

  it('leaves a label that wraps inside its cell as separate lines around the figures', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '（二）部分公开（区分处理的，', x: 80, y: 600 },
      { text: '3', x: 380, y: 590 },
      { text: '只计这一情形）', x: 80, y: 580 },
    ]]);
    expect(cells.slice(1)).toEqual([['（二）部分公开（区分处理的，'], ['3'], ['只计这一情形）']]);
  });

  it('reads pages in order, top to bottom, and drops page numbers and rotated stamps', async () => {
    const cells = await cellsOf([
      [
        { text: '正文第二行', x: 60, y: 700 },
        TITLE,
        { text: '内部资料请勿外传', x: 300, y: 400, rotated: true },
        { text: '- 1 -', x: 280, y: 40 },
      ],
      [
        { text: '第二页正文', x: 60, y: 790 },
        { text: '2', x: 290, y: 40 },
      ],
      [
        { text: '第三页正文', x: 60, y: 790 },
        { text: '—3—', x: 280, y: 40 },
        { text: '第 3 页 共 3 页', x: 400, y: 20 },
      ],
    ]);
    expect(cells).toEqual([[TITLE.text], ['正文第二行'], ['第二页正文'], ['第三页正文']]);
  });

  it('keeps a lone figure that is not the page number', async () => {
    const cells = await cellsOf([[TITLE, { text: '58', x: 300, y: 40 }]]);
    expect(cells).toEqual([[TITLE.text], ['58']]);
  });

  it('marks the empty cells of a short row that lies between full rows of its table', async () => {
    const row = (label: string, y: number, figures: (string | null)[]): PdfText[] => [
      { text: label, x: 40, y },
      ...figures.flatMap((text, column) => (text === null ? [] : [{ text, x: 200 + column * 50, y }])),
    ];
    const cells = await cellsOf([[
      TITLE,
      ...row('甲行', 700, ['1', '2', '3', '6']),
      ...row('乙行', 676, ['4', null, null, '4']),
      ...row('丙行', 652, [null, null, null, '9']),
      ...row('丁行', 628, ['10', '0', '/', '10']),
      ...row('戊行', 580, ['5', null]),
    ]]);
    expect(cells.slice(1)).toEqual([
      ['甲行', '1', '2', '3', '6'],
      ['乙行', '4', '', '', '4'],
      ['丙行', '', '', '', '9'],
      ['丁行', '10', '0', '/', '10'],
      // After the table's last full row nothing tells where its columns were.
      ['戊行', '5'],
    ]);
  });

  it('leaves short rows alone when their figures do not sit under the columns', async () => {
    const cells = await cellsOf([[
      TITLE,
      { text: '甲行', x: 40, y: 700 }, { text: '1', x: 200, y: 700 }, { text: '2', x: 250, y: 700 }, { text: '3', x: 300, y: 700 },
      { text: '乙行', x: 40, y: 676 }, { text: '7', x: 225, y: 676 },
      { text: '丙行', x: 40, y: 652 }, { text: '4', x: 200, y: 652 }, { text: '5', x: 250, y: 652 }, { text: '9', x: 300, y: 652 },
    ]]);
    expect(cells[2]).toEqual(['乙行', '7']);
  });

  it('rejects a PDF whose pages carry no text', async () => {
    await expect(readPdfDocument(makePdf([[]]))).rejects.toThrow(UnreadableDocument);
  });

  it('refuses a PDF of more pages than any report', async () => {
    const pages = Array.from({ length: 401 }, (_, i) => [{ text: `第${i + 1}页`, x: 60, y: 700 }]);
    await expect(readPdfDocument(makePdf(pages))).rejects.toThrow(/PDF has 401 pages/);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(readPdfDocument(new Uint8Array(Buffer.from('%PDF-1.4\nnot really')))).rejects.toThrow(/^corrupt PDF/);
  });
});
