/**
 * The neutral shape every reader produces, so the parser never knows whether its text came
 * from a PDF, a web page or a Word file.
 */
import type { SourceFormat } from '../model/report.ts';

export interface SourceLine {
  /**
   * The line's cells in reading order. A paragraph is one cell. An empty string is a cell
   * that was printed empty (an HTML `<td>&nbsp;</td>`, an empty tab-separated field).
   */
  cells: string[];
  /** True when the reader knows the line is a table row (HTML `<tr>`, a DOCX table). */
  inTable?: boolean;
}

export interface SourceDocument {
  format: SourceFormat;
  lines: SourceLine[];
}

/** A file that cannot be read as a report at all; `message` names what is wrong. */
export class ReadError extends Error {
  constructor(public readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ReadError';
  }
}
