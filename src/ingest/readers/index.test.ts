import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadError } from '../document.ts';
import { makeDocx, makePdf } from '../../testing/reader-fixtures.ts';
import { readSource, readSourceBytes } from './index.ts';

const REPORT_TEXT = [
  '示例省甲市教育局2099年政府信息公开工作年度报告',
  '一、总体情况',
  '本年度共受理政府信息公开申请12件，全部按时答复。',
  '规章\t0\t0\t3',
].join('\n');

const REPORT_HTML = `<html><head><meta charset="gbk"><title>年度报告</title></head><body>
<p>示例省甲市教育局2099年政府信息公开工作年度报告</p>
<table><tr><td>行政许可</td><td>１２３</td></tr></table></body></html>`;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const firstCells = (doc: { lines: { cells: string[] }[] }) => doc.lines.map((line) => line.cells);

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe('readSourceBytes: decoding', () => {
  it('reads UTF-8 text with and without a BOM', async () => {
    const plain = await readSourceBytes(utf8(REPORT_TEXT), 'report.txt');
    const withBom = await readSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(REPORT_TEXT)]), 'report.txt');
    expect(plain.format).toBe('text');
    expect(plain.doc.lines[0]!.cells).toEqual(['示例省甲市教育局2099年政府信息公开工作年度报告']);
    expect(firstCells(withBom.doc)).toEqual(firstCells(plain.doc));
  });

  it('reads UTF-16 little- and big-endian text by its BOM', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(REPORT_TEXT, 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(REPORT_TEXT, 'utf-16be')]);
    const expected = firstCells((await readSourceBytes(utf8(REPORT_TEXT), 'a.txt')).doc);
    expect(firstCells((await readSourceBytes(le, 'le.txt')).doc)).toEqual(expected);
    expect(firstCells((await readSourceBytes(be, 'be.txt')).doc)).toEqual(expected);
  });

  it('reads UTF-16 saved without a BOM, either way round', async () => {
    const expected = firstCells((await readSourceBytes(utf8(REPORT_TEXT), 'a.txt')).doc);
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const result = await readSourceBytes(new Uint8Array(iconv.encode(REPORT_TEXT, encoding)), `${encoding}.txt`);
      expect(firstCells(result.doc)).toEqual(expected);
    }
  });

  it('reads GBK/GB18030 text without any declaration', async () => {
    const gbk = new Uint8Array(iconv.encode(REPORT_TEXT, 'gbk'));
    const result = await readSourceBytes(gbk, 'report.txt');
    expect(result.format).toBe('text');
    expect(result.doc.lines[2]!.cells).toEqual(['本年度共受理政府信息公开申请12件，全部按时答复。']);
    expect(result.bytes).toBe(gbk);
  });

  it('honours <meta charset> in GBK HTML and normalises full-width digits', async () => {
    const result = await readSourceBytes(new Uint8Array(iconv.encode(REPORT_HTML, 'gbk')), 'page.htm');
    expect(result.format).toBe('html');
    expect(firstCells(result.doc)).toEqual([['示例省甲市教育局2099年政府信息公开工作年度报告'], ['行政许可', '123']]);
  });

  it('finds the charset in an http-equiv Content-Type and survives a false UTF-8 declaration', async () => {
    const httpEquiv = REPORT_HTML.replace('<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const declaredWrongly = REPORT_HTML.replace('charset="gbk"', 'charset="utf-8"');
    for (const html of [httpEquiv, declaredWrongly]) {
      const result = await readSourceBytes(new Uint8Array(iconv.encode(html, 'gb18030')), 'page.html');
      expect(result.doc.lines[0]!.cells).toEqual(['示例省甲市教育局2099年政府信息公开工作年度报告']);
    }
  });

  it('prefers valid UTF-8 over a stale GB2312 declaration', async () => {
    const html = REPORT_HTML.replace('charset="gbk"', 'charset="gb2312"');
    const result = await readSourceBytes(utf8(html), 'page.html');
    expect(result.doc.lines[0]!.cells).toEqual(['示例省甲市教育局2099年政府信息公开工作年度报告']);
  });
});

describe('readSourceBytes: format detection', () => {
  it('recognises HTML markup whatever the file is called', async () => {
    const fragment = '<div class=TRS_Editor><p>示例省甲市教育局2099年政府信息公开工作年度报告</p><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>';
    const result = await readSourceBytes(utf8(fragment), 'page.txt');
    expect(result.format).toBe('html');
    expect(result.doc.lines.at(-1)).toEqual({ cells: ['规章', '0'], inTable: true });
  });

  it('reads text with a stray tag as text, but an .html name tips one tag to HTML', async () => {
    const text = `${REPORT_TEXT}\n附注：原网页中的<br>标记`;
    expect((await readSourceBytes(utf8(text), 'report.txt')).format).toBe('text');
    expect((await readSourceBytes(utf8(text), 'report.html')).format).toBe('html');
  });

  it('recognises a PDF by its header, even without a .pdf name', async () => {
    const pdf = makePdf([[{ text: '示例省甲市教育局2099年政府信息公开工作年度报告', x: 60, y: 780 }]]);
    const result = await readSourceBytes(pdf, 'download.bin');
    expect(result.format).toBe('pdf');
    expect(result.doc.format).toBe('pdf');
    expect(result.doc.lines).toEqual([{ cells: ['示例省甲市教育局2099年政府信息公开工作年度报告'] }]);
  });

  it('recognises a DOCX by the word/document.xml inside its ZIP', async () => {
    const docx = await makeDocx(['示例省甲市教育局2099年政府信息公开工作年度报告', { table: [['规章', '0', '1', '9']] }]);
    const result = await readSourceBytes(docx, 'report.zip');
    expect(result.format).toBe('docx');
    expect(result.doc.lines).toEqual([
      { cells: ['示例省甲市教育局2099年政府信息公开工作年度报告'] },
      { cells: ['规章', '0', '1', '9'], inTable: true },
    ]);
  });
});

describe('ReadError names the file and the problem', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('for a missing file', async () => {
    const missing = path.join(dir, 'nope.pdf');
    const error = await readError(readSource(missing));
    expect(error.file).toBe(missing);
    expect(error.message).toBe(`${missing}: file not found`);
  });

  it('for a directory', async () => {
    expect((await readError(readSource(dir))).message).toMatch(/is a directory/);
  });

  it('for an empty file', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect((await readError(readSource(empty))).message).toBe(`${empty}: empty file (0 bytes)`);
  });

  it('for a file of only whitespace', async () => {
    expect((await readError(readSourceBytes(utf8(' \n\t\n'), 'blank.txt'))).message).toBe('blank.txt: empty file (no text)');
  });

  it('for binary data that is none of the formats', async () => {
    const bytes = new Uint8Array(256).map((_, index) => (index * 37) % 256);
    expect((await readError(readSourceBytes(bytes, 'x.dat'))).message).toMatch(/^x\.dat: binary file that is not a PDF, DOCX, HTML or text report$/);
  });

  it('for an image, an old .doc and a ZIP that is not a DOCX', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await readError(readSourceBytes(png, 'scan.png'))).message).toMatch(/scan\.png: image file: a scanned report needs OCR/);
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await readError(readSourceBytes(doc, 'old.doc'))).message).toMatch(/old\.doc: old binary Office file/);
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', '示例');
    const archive = await zip.generateAsync({ type: 'uint8array' });
    expect((await readError(readSourceBytes(archive, 'a.zip'))).message).toBe('a.zip: ZIP archive that is not a Word .docx');
  });

  it('for a PDF without a text layer', async () => {
    const scanned = makePdf([[], []]);
    expect((await readError(readSourceBytes(scanned, 'scan.pdf'))).message).toBe(
      'scan.pdf: PDF has no text layer (2 page(s) of scanned images?); OCR is not supported',
    );
  });

  it('for a PDF whose text layer holds no Chinese', async () => {
    const stamped = makePdf([[{ text: 'SCANNED COPY 2099-01-01 PAGE 1 OF 1', x: 60, y: 800 }]]);
    expect((await readError(readSourceBytes(stamped, 'stamp.pdf'))).message).toBe(
      'stamp.pdf: not a report: no Chinese text (scanned pages, or fonts without a Unicode map? OCR is not supported)',
    );
  });

  it('for a corrupt PDF and a corrupt DOCX', async () => {
    const pdf = makePdf([[{ text: '示例省甲市教育局2099年政府信息公开工作年度报告', x: 60, y: 780 }]]);
    const truncated = pdf.slice(0, 40);
    expect((await readError(readSourceBytes(truncated, 'cut.pdf'))).message).toMatch(/^cut\.pdf: corrupt PDF \(.+\)$/);
    const docx = await makeDocx(['示例省甲市教育局2099年政府信息公开工作年度报告']);
    // Cut after the document's own entry begins, before the archive's directory at the end.
    const broken = docx.slice(0, Buffer.from(docx).indexOf('word/document.xml') + 40);
    expect((await readError(readSourceBytes(broken, 'cut.docx'))).message).toMatch(/^cut\.docx: corrupt DOCX \(.+\)$/);
  });

  it('for a file named .pdf that is not a PDF', async () => {
    expect((await readError(readSourceBytes(utf8(REPORT_TEXT), 'report.pdf'))).message).toBe(
      'report.pdf: named .pdf but is not a PDF (no %PDF- header)',
    );
  });

  it('for text without Chinese, or too little of it to be a report', async () => {
    expect((await readError(readSourceBytes(utf8('Annual report\n2099\n12 3 4'), 'en.txt'))).message).toBe(
      'en.txt: not a report: no Chinese text',
    );
    expect((await readError(readSourceBytes(utf8('<html><body><p>页面不存在</p></body></html>'), '404.html'))).message).toBe(
      '404.html: not a report: only 5 Chinese characters',
    );
  });
});
