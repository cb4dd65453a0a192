/**
 * One file → one parsed report or one problem: the unit of work shared by `gongkai parse`,
 * batch ingest and its worker threads.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import type { ParsedReport } from '../model/report.ts';
import { ReadError, type SourceDocument } from './document.ts';
import { parseDocument } from './parse/index.ts';
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

export function containsSyntheticMarker(doc: SourceDocument): boolean {
  const marker = SYNTHETIC_MARKER.normalize('NFKC');
  return doc.lines.some((line) => line.cells.join('').normalize('NFKC').includes(marker));
}

/**
 * A text in which the parser recognised nothing of a disclosure report (no template, table
 * cell, narrative figure, reporting body or year) is not one. A partial report whose tables were
 * images still names its body and year, and is kept: its missing tables are the finding.
 */
export function looksLikeReport(report: ParsedReport): boolean {
  return report.template !== null || report.cells.length > 0 || report.metrics.length > 0
    || report.agency.name !== null || report.year !== null;
}

function problemOf(error: unknown, stage: 'read' | 'parse'): string {
  if (error instanceof ReadError) {
    const prefix = `${error.file}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${stage === 'read' ? 'cannot read' : 'parser failed'}: ${message.split('\n')[0]}`;
}

/** Never throws: whatever goes wrong with this file becomes its `problem`. */
export async function readReport(file: InputFile): Promise<FileResult> {
  let read;
  try {
    read = await readSource(file.path);
  } catch (error) {
    return { file, problem: problemOf(error, 'read') };
  }
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  let report: ParsedReport;
  try {
    report = parseDocument(read.doc, { file: file.name, sha256, format: read.format });
  } catch (error) {
    return { file, problem: problemOf(error, 'parse') };
  }
  if (!looksLikeReport(report)) return { file, problem: 'not a report: no disclosure tables, figures, reporting body or year found' };
  return { file, sha256, report, synthetic: containsSyntheticMarker(read.doc) };
}
