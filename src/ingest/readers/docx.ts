/**
 * DOCX → SourceDocument: mammoth turns the WordprocessingML into HTML (tables stay tables,
 * merged cells keep colspan/rowspan) and the HTML reader does the rest.
 */
import mammoth from 'mammoth';
import type { SourceDocument } from '../document.ts';
import { readHtmlDocument } from './html.ts';
import { UnreadableDocument } from './problem.ts';
import { zipEntrySizes } from './zip-directory.ts';

/** Unpacked, a report's DOCX is a few MB; a bomb declares gigabytes or packs 1000:1. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_PACKING_RATIO = 200;

export async function readDocxDocument(bytes: Uint8Array): Promise<SourceDocument> {
  const entries = zipEntrySizes(bytes);
  if (entries) {
    const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
    const packed = entries.reduce((sum, entry) => sum + entry.compressed, 0);
    // Sizes of 0xffffffff mean ZIP64, which no report's DOCX needs.
    if (unpacked > MAX_UNPACKED_BYTES || entries.some((entry) => entry.uncompressed === 0xffffffff)) {
      throw new UnreadableDocument(`DOCX unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; refused unread (a report is a few MB)`);
    }
    if (packed > 0 && unpacked / packed > MAX_PACKING_RATIO && unpacked > 10 * 1024 * 1024) {
      throw new UnreadableDocument(`DOCX packs ${Math.round(unpacked / packed)}:1, as a zip bomb does; refused unread`);
    }
  }
  let html: string;
  try {
    // mammoth's browser build takes an ArrayBuffer; its Node build a Buffer.
    const input = typeof Buffer === 'undefined' ? { arrayBuffer: bytes.slice().buffer } : { buffer: Buffer.from(bytes) };
    const result = await mammoth.convertToHtml(input);
    html = result.value;
  } catch (error) {
    throw new UnreadableDocument(`corrupt DOCX (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ...readHtmlDocument(html), format: 'docx' };
}
