/**
 * A read document → a parsed report or the problem with it, and how a failure is worded: the
 * part of reading one file that the command line and the browser's worker share.
 */
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import type { ParsedReport } from '../model/report.ts';
import { ReadError, type SourceDocument } from './document.ts';
import { parseDocument } from './parse/index.ts';
import type { ReadSource } from './readers/bytes.ts';

export type ParseOutcome =
  | { sha256: string; report: ParsedReport; synthetic: boolean }
  | { problem: string };

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

export function problemOf(error: unknown, stage: 'read' | 'parse'): string {
  if (error instanceof ReadError) {
    const prefix = `${error.file}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${stage === 'read' ? 'cannot read' : 'parser failed'}: ${message.split('\n')[0]}`;
}

/** Never throws: whatever goes wrong with the parse becomes the `problem`. */
export function parseSource(read: ReadSource, name: string, sha256: string): ParseOutcome {
  let report: ParsedReport;
  try {
    report = parseDocument(read.doc, { file: name, sha256, format: read.format });
  } catch (error) {
    return { problem: problemOf(error, 'parse') };
  }
  if (!looksLikeReport(report)) return { problem: 'not a report: no disclosure tables, figures, reporting body or year found' };
  return { sha256, report, synthetic: containsSyntheticMarker(read.doc) };
}
