/** Types the parser's stages share: where a table is, what was printed, what a row may read. */
import type { RowDef } from '../../model/templates/index.ts';

/** A span of the compact view (compact.ts), in view positions. */
export interface Region {
  from: number;
  to: number;
}

/** How a money figure is printed: in 万元 or in 元. */
export type MoneyUnit = '万元' | '元';

/** One printed field: a run of digits (maybe several cells), or a cell printed empty. */
export type PrintedField = { kind: 'value'; text: string } | { kind: 'blank'; raw: string };

/** One cell of a reading: a value field cut to a single figure, or a blank. */
export type Piece = PrintedField;

/** One row of a table as read: every reading of its printed figures still possible. */
export interface RowReading {
  row: RowDef;
  /** Readings of the row still possible; one means settled. Empty: nothing printed. */
  candidates: Piece[][];
  /** The row printed fewer figures than it has columns and no cut fills them. */
  short?: boolean;
  /** The figures had to be cut apart. */
  split?: boolean;
  /** A table-level warning already says why the row is missing. */
  explained?: boolean;
}
