/**
 * Where pdf.js finds its predefined CMaps (CJK fonts without embedded maps) and standard font
 * data: in Node, the pdfjs-dist package folder. The browser build resolves `#pdf-assets` to
 * pdf-assets.browser.ts (package.json "imports").
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const PDFJS_ASSETS = { cMapUrl: `${PDFJS_DIR}/cmaps/`, standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/` };
