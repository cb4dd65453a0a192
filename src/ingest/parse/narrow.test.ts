import { describe, expect, it } from 'vitest';
import { tableDef, templateById } from '../../model/templates/index.ts';
import { narrowByColumnIdentities } from './narrow.ts';
import type { Piece, RowReading } from './types.ts';

const template = templateById('2021');
const table = tableDef(template, 't3', 'split');
const pieces = (...values: number[]): Piece[] => values.map((v) => ({ kind: 'value', text: String(v) }));
const ZERO = pieces(0, 0, 0, 0, 0, 0, 0);
/** One application from a natural person, granted; every other row settled at zero. */
const SETTLED: Record<string, Piece[]> = { new_received: pieces(1, 0, 0, 0, 0, 0, 1), granted: pieces(1, 0, 0, 0, 0, 0, 1), outcome_total: pieces(1, 0, 0, 0, 0, 0, 1) };

function readings(open: Record<string, Piece[][]>): RowReading[] {
  return table.rows.map((row) => ({ row, candidates: open[row.key] ?? [SETTLED[row.key] ?? ZERO] }));
}

describe('narrowByColumnIdentities', () => {
  it('keeps the one cut of a row that makes the column sums hold', () => {
    const wrong = pieces(0, 1, 0, 0, 0, 0, 1);
    const rows = readings({ granted: [wrong, SETTLED.granted] });
    narrowByColumnIdentities(rows, template, 'split', table);
    expect(rows.find((r) => r.row.key === 'granted')!.candidates).toEqual([SETTLED.granted]);
  });

  it('leaves a row undecided when every cut fits the sums equally', () => {
    const one = pieces(1, 0, 0, 0, 0, 0, 1);
    const other = pieces(0, 1, 0, 0, 0, 0, 1);
    // two undecided rows that can trade places: both readings balance every column
    const rows = readings({ granted: [one, other], unable_not_held: [other, one], outcome_total: [pieces(1, 1, 0, 0, 0, 0, 2)], new_received: [pieces(1, 1, 0, 0, 0, 0, 2)] });
    narrowByColumnIdentities(rows, template, 'split', table);
    expect(rows.find((r) => r.row.key === 'granted')!.candidates).toHaveLength(2);
    expect(rows.find((r) => r.row.key === 'unable_not_held')!.candidates).toHaveLength(2);
  });
});
