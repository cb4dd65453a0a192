/**
 * A report file's bytes → SourceDocument: recognise the format from the bytes (the extension
 * only breaks ties), decode, and hand back the neutral document. Anything that cannot be a
 * report fails here with a ReadError naming the file and the reason. Free of Node APIs: the
 * browser's worker reads dropped files through it too.
 */
import type { SourceFormat } from '../../model/report.ts';
import { ReadError, type SourceDocument } from '../document.ts';
import { decodeText, declaredHtmlCharset, latin1, utf16WithoutBom } from './decode.ts';
import { readHtmlDocument } from './html.ts';
import { UnreadableDocument } from './problem.ts';
import { readTextDocument } from './text.ts';
import { countHan } from './text-join.ts';

export interface ReadSource {
  doc: SourceDocument;
  bytes: Uint8Array;
  format: SourceFormat;
}

/** Below this many Han characters a file holds no report text (a report has thousands). */
const MIN_HAN_CHARS = 20;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.xml', '.asp', '.aspx', '.jsp', '.php']);

/** A report is a few MB at most (the largest real PDF here is under 2 MB); a larger file is refused unread. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export async function readSourceBytes(bytes: Uint8Array, fileName: string): Promise<ReadSource> {
  if (bytes.length === 0) throw new ReadError(fileName, 'empty file (0 bytes)');
  if (bytes.length > MAX_FILE_BYTES) throw new ReadError(fileName, `${megabytes(bytes.length)} is more than a report's ${megabytes(MAX_FILE_BYTES)}; not read`);
  const format = detectFormat(bytes, fileName);
  let doc: SourceDocument;
  try {
    doc = await readAs(format, bytes);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw new ReadError(fileName, error.message);
    throw new ReadError(fileName, `cannot read as ${format}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = doc.lines.map((line) => line.cells.join('')).join('');
  if (text.trim() === '') throw new ReadError(fileName, 'empty file (no text)');
  const han = countHan(text, MIN_HAN_CHARS);
  if (han < MIN_HAN_CHARS) {
    const found = han === 0 ? 'no Chinese text' : `only ${han} Chinese characters`;
    // Text that is there but not Chinese: page images with a stamp, or fonts without a
    // Unicode map, which extract as gibberish.
    const hint = format === 'pdf' ? ' (scanned pages, or fonts without a Unicode map? OCR is not supported)' : '';
    throw new ReadError(fileName, `not a report: ${found}${hint}`);
  }
  return { doc, bytes, format };
}

async function readAs(format: SourceFormat, bytes: Uint8Array): Promise<SourceDocument> {
  switch (format) {
    case 'pdf':
      // pdf.js and mammoth take seconds to load: only a batch that holds such files pays for them.
      return (await import('./pdf.ts')).readPdfDocument(bytes);
    case 'docx':
      return (await import('./docx.ts')).readDocxDocument(bytes);
    case 'html':
      return readHtmlDocument(decodeText(bytes, declaredHtmlCharset(bytes)).text);
    case 'text':
      return readTextDocument(decodeText(bytes).text);
  }
}

function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\x03\x04')) return zipFormat(bytes, fileName);
  const binary = binaryKind(head);
  if (binary) throw new ReadError(fileName, binary);
  if (!isUtf16(bytes) && looksBinary(bytes)) {
    throw new ReadError(fileName, 'binary file that is not a PDF, DOCX, HTML or text report');
  }
  const extension = extensionOf(fileName).toLowerCase();
  if (extension === '.pdf') throw new ReadError(fileName, 'named .pdf but is not a PDF (no %PDF- header)');
  // Tags are ASCII, so any ASCII-compatible encoding can be searched as Latin-1.
  const sample = isUtf16(bytes) ? decodeText(bytes).text : latin1(bytes.subarray(0, 65536));
  return looksLikeHtml(sample, HTML_EXTENSIONS.has(extension)) ? 'html' : 'text';
}

function zipFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  // Member names are stored uncompressed, so the archive's table of contents is searchable.
  const names = latin1(bytes);
  if (names.includes('word/document.xml')) return 'docx';
  throw new ReadError(
    fileName,
    names.includes('OFD.xml')
      ? 'OFD document (Chinese fixed-layout format) is not supported; export it as PDF'
      : names.includes('xl/workbook')
        ? 'Excel workbook, not a report'
        : 'ZIP archive that is not a Word .docx',
  );
}

const BINARY_SIGNATURES: [RegExp, string][] = [
  [/^\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1/, 'old binary Office file (.doc/.wps/.xls) is not supported; save it as .docx or PDF'],
  [/^\x89PNG|^\xff\xd8\xff|^GIF8|^II\*\x00|^MM\x00\*|^BM/, 'image file: a scanned report needs OCR, which is not supported'],
  [/^Rar!|^7z\xbc\xaf|^\x1f\x8b/, 'compressed archive, not a report'],
  [/^\{\\rtf/, 'RTF document is not supported; save it as .docx or PDF'],
];

function binaryKind(head: string): string | null {
  return BINARY_SIGNATURES.find(([signature]) => signature.test(head))?.[1] ?? null;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes) !== null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  // an indexed loop: iterating the typed array was ~0.15 ms a file, 2–3 % of an ingest
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control > sample.length / 100;
}

const MARKUP_TAG = /<\/?(?:html|head|body|table|tbody|tr|td|th|div|p|span|br|h[1-6]|li|ul|ol|font|center|section|article)\b[^>]*>/gi;

function looksLikeHtml(text: string, htmlExtension: boolean): boolean {
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)\b/i.test(text)) return true;
  // counted only as far as the verdict needs
  const needed = htmlExtension ? 1 : 3;
  let tags = 0;
  MARKUP_TAG.lastIndex = 0;
  while (tags < needed && MARKUP_TAG.exec(text) !== null) tags++;
  MARKUP_TAG.lastIndex = 0;
  return tags >= needed;
}

/** As Node's path.extname: from the last dot of the last path segment, unless that dot starts it. */
function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
