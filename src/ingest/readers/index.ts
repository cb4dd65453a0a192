/**
 * One entry point for every report file on disk: refuse an over-size file unread, then hand
 * its bytes to `readSourceBytes` (bytes.ts), which recognises, decodes and reads them.
 */
import { readFile, stat } from 'node:fs/promises';
import { ReadError } from '../document.ts';
import { MAX_FILE_BYTES, megabytes, readSourceBytes, type ReadSource } from './bytes.ts';

export { MAX_FILE_BYTES, megabytes, readSourceBytes, type ReadSource } from './bytes.ts';

export async function readSource(filePath: string): Promise<ReadSource> {
  let bytes: Uint8Array;
  try {
    const size = (await stat(filePath)).size;
    if (size > MAX_FILE_BYTES) throw new ReadError(filePath, `${megabytes(size)} is more than a report's ${megabytes(MAX_FILE_BYTES)}; not read`);
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(filePath, describeFsError(error));
  }
  return readSourceBytes(bytes, filePath);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read file (${error instanceof Error ? error.message : String(error)})`;
}
