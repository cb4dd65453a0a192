/**
 * DOCX → SourceDocument: mammoth turns the WordprocessingML into HTML (tables stay tables,
 * merged cells keep colspan/rowspan) and the HTML reader does the rest.
 */
import mammoth from 'mammoth';
import type { SourceDocument } from '../document.ts';
import { readHtmlDocument } from './html.ts';
import { UnreadableDocument } from './problem.ts';

export async function readDocxDocument(bytes: Uint8Array): Promise<SourceDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (error) {
    throw new UnreadableDocument(`corrupt DOCX (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ...readHtmlDocument(html), format: 'docx' };
}
