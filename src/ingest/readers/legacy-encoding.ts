/**
 * Legacy (GBK/GB18030…) decoding in Node: iconv-lite. The browser build resolves
 * `#legacy-encoding` to legacy-encoding.browser.ts instead (package.json "imports"), since
 * iconv-lite needs Node's Buffer.
 */
import iconv from 'iconv-lite';

export function legacyEncodingExists(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

export function decodeLegacy(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(bytes, encoding);
}
