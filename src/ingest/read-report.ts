/**
 * One file → one parsed report or one problem: the unit of work shared by `gongkai parse`,
 * batch ingest and its worker threads.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ParsedReport } from '../model/report.ts';
import { parseSource, problemOf } from './parse-source.ts';
import { readSource } from './readers/index.ts';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The name recorded as `source.file`: relative to the folder given, or the file's own name. */
  name: string;
}

/** How the user sees a path in messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export type FileResult =
  | { file: InputFile; sha256: string; report: ParsedReport; synthetic: boolean }
  | { file: InputFile; problem: string };

/** Never throws: whatever goes wrong with this file becomes its `problem`. */
export async function readReport(file: InputFile): Promise<FileResult> {
  let read;
  try {
    read = await readSource(file.path);
  } catch (error) {
    return { file, problem: problemOf(error, 'read') };
  }
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  return { file, ...parseSource(read, file.name, sha256) };
}
