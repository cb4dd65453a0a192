/**
 * Legacy decoding in the browser: the platform's TextDecoder (WHATWG encodings). Its gb18030
 * differs from iconv-lite's in 18 of 23,940 two-byte codes, all vertical punctuation forms
 * (A6D9–A6F3 and the like), which reports do not print.
 */
export function legacyEncodingExists(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

export function decodeLegacy(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}
