/**
 * Bytes → string for text and HTML reports: BOMs, UTF-8, and the GBK/GB18030 pages that
 * Chinese government sites still serve, with or without an honest charset declaration.
 */
import chardet from 'chardet';
import { decodeLegacy, legacyEncodingExists } from '#legacy-encoding';
import { countHan } from './text-join.ts';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** GB2312 and GBK pages routinely use characters only their superset GB18030 maps. */
const SUPERSET: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'euc-cn': 'gb18030', cp936: 'gb18030' };

export function decodeText(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  // Valid UTF-8 with non-ASCII bytes is practically never a legacy encoding, whatever a stale
  // <meta charset> on the page says.
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const candidates = [declaredCharset, ...chardet.analyse(detectionSample(bytes)).map((match) => match.name), 'gb18030'];
  for (const candidate of candidates) {
    const encoding = candidate && supportedEncoding(candidate);
    if (!encoding) continue;
    const text = decodeLegacy(bytes, encoding);
    if (looksDecoded(text)) return { text, encoding };
  }
  return { text: decodeLegacy(bytes, 'gb18030'), encoding: 'gb18030' };
}

const SAMPLE_PART = 32 * 1024;

/**
 * What the charset detector reads: the start, middle and end of a large file. Its statistics
 * settle long before that, and over a whole large file it costs more than the parse; three
 * places, so a long run of blanks at the start does not hide the text.
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= 3 * SAMPLE_PART) return bytes;
  const middle = Math.floor(bytes.length / 2 - SAMPLE_PART / 2);
  const sample = new Uint8Array(3 * SAMPLE_PART);
  sample.set(bytes.subarray(0, SAMPLE_PART), 0);
  sample.set(bytes.subarray(middle, middle + SAMPLE_PART), SAMPLE_PART);
  sample.set(bytes.subarray(bytes.length - SAMPLE_PART), 2 * SAMPLE_PART);
  return sample;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv content). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE = new TextDecoder('utf-16le');

/**
 * Each byte as the code point of the same number, as Node's 'latin1' (TextDecoder's 'latin1' is
 * windows-1252). Widened to 16-bit code units and decoded natively: format sniffing runs this on
 * up to 64 KB of every file, and building the string a character at a time cost 7 % of a parse.
 */
export function latin1(bytes: Uint8Array): string {
  if (LITTLE_ENDIAN) {
    const units = new Uint16Array(bytes.length);
    units.set(bytes);
    return UTF16LE.decode(units);
  }
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return text;
}

function decodeWithBom(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return null;
}

/**
 * UTF-16 saved without a byte-order mark. A report's digits, spaces and line breaks are ASCII,
 * whose UTF-16 units carry a zero byte always on the same side; no 8-bit encoding has zero bytes.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  const ascii = (byte: number) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
  let littleEndian = 0;
  let bigEndian = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i + 1] === 0 && ascii(sample[i]!)) littleEndian++;
    if (sample[i] === 0 && ascii(sample[i + 1]!)) bigEndian++;
  }
  const units = sample.length / 2;
  const encoding = littleEndian >= Math.max(4, units / 100, 4 * bigEndian) ? 'utf-16le'
    : bigEndian >= Math.max(4, units / 100, 4 * littleEndian) ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = new TextDecoder(encoding).decode(sample);
  return looksDecoded(text) && !/[\x00-\x08\x0e-\x1f]/.test(text) ? encoding : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function supportedEncoding(name: string): string | null {
  const lower = name.toLowerCase();
  const encoding = SUPERSET[lower] ?? lower;
  return legacyEncodingExists(encoding) ? encoding : null;
}

/** Few replacement characters, and Chinese text when there is much non-ASCII at all. */
function looksDecoded(text: string): boolean {
  const replacements = text.split('\ufffd').length - 1;
  if (replacements > text.length / 200) return false;
  const nonAscii = text.replace(/[\x00-\x7f]/g, '').length;
  return nonAscii === 0 || countHan(text, nonAscii / 2) >= nonAscii / 2;
}
