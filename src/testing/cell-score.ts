/**
 * A parsed report's cells against a truth file of ../shared/corpus/truth: a printed figure read
 * as another value is wrong; one read as nothing (missing, or absent) is declined.
 */
import type { ParsedReport } from '../model/report.ts';

export interface CellTruth {
  file: string;
  agency: string;
  year: number;
  template: string;
  cells: Record<string, number>;
  blank?: string[];
}

export interface CellScore {
  total: number;
  matched: number;
  declined: number;
  /** One line per wrong figure: the cell, the printed value, what was read. */
  wrong: string[];
}

export function scoreCells(report: ParsedReport, truth: CellTruth): CellScore {
  const byKey = new Map(report.cells.map((cell) => [`${cell.table}.${cell.row}.${cell.col}`, cell]));
  const score: CellScore = { total: 0, matched: 0, declined: 0, wrong: [] };
  for (const [key, expected] of Object.entries(truth.cells)) {
    score.total += 1;
    const cell = byKey.get(key);
    if (!cell || cell.value === null) {
      if (cell?.state === 'blank') score.wrong.push(`${key}: printed ${expected}, read as blank`);
      else score.declined += 1;
    } else if (Math.abs(cell.value - expected) < 1e-6) {
      score.matched += 1;
    } else {
      score.wrong.push(`${key}: printed ${expected}, read ${cell.value} (${cell.raw})`);
    }
  }
  for (const key of truth.blank ?? []) {
    const cell = byKey.get(key);
    if (cell && cell.value !== null) score.wrong.push(`${key}: printed blank, read ${cell.value} (${cell.raw})`);
  }
  return score;
}
