/** The shape every template version is described in (one file each, beside this one). */

export type TemplateId = string;

export type TableId = 't2' | 't3' | 't4';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ColumnDef extends Bilingual {
  key: string;
  /** Money columns hold 万元 in `value`; the printed unit stays in `raw`. */
  unit?: '万元';
  /** A signed delta (本年增/减) rather than a count. */
  signed?: boolean;
  /** The name standing alone (a chart axis, a menu), where the printed one leans on its group header or runs long. */
  short?: Bilingual;
}

export interface RowDef extends Bilingual {
  key: string;
  /** Column keys this row has, in printed order. */
  cols: readonly string[];
  /** Table-2 block (第二十条第（N）项) or table-3 outcome group the row belongs to. */
  group?: string;
  /**
   * The distinctive words of the label in the parser's compact view (no whitespace, NFKC
   * brackets, simplified characters), global so the parser can scan for every occurrence.
   * Not the whole label: labels arrive broken across cells and lines, with typos and local
   * wordings. Tested against `zh` in src/ingest/parse/row-labels.test.ts.
   */
  pattern: RegExp;
}

export interface TableDef extends Bilingual {
  id: TableId;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
  /** `column_groups`: the rows are printed side by side as column groups, their figures on one line (table 4). */
  layout: 'rows' | 'column_groups';
  /** The last column is the sum of the others in every row. */
  rowTotal: boolean;
}

/** Whether table 3 prints （六）其他处理 as one row or as three sub-rows. */
export type OtherRows = 'combined' | 'split';

/** One concrete comparison: Σ left `op` Σ right, on named cells. */
export interface RuleInstance {
  rule: string;
  row?: string;
  col?: string;
  left: string[];
  op: 'eq' | 'ge';
  right: string[];
}

export interface Template extends Bilingual {
  id: TemplateId;
  /** The notice that issued the format. */
  source: string;
  /** First report year the format was prescribed for. */
  firstYear: number;
  /** Header words only this version prints (docs/domain.md §4.3); the version is detected from them, never from the year. */
  signatures: readonly RegExp[];
  /**
   * The layouts of （六）其他处理 this template is met in, the prescribed one first. With more
   * than one, `otherRowsWording` in table 3 tells that the prescribed one was printed.
   */
  otherRows: readonly OtherRows[];
  otherRowsWording?: RegExp;
  tables(otherRows: OtherRows): readonly TableDef[];
  /** Every comparison of docs/domain.md §7 that applies to a report of this template. */
  rules(otherRows: OtherRows): RuleInstance[];
  /** What a reader of one report should know about this version's tables. */
  note?: Bilingual;
}

export interface CellRef {
  table: TableId;
  row: string;
  col: string;
}

export const cellKey = (c: CellRef): string => `${c.table}.${c.row}.${c.col}`;

export function parseCellKey(key: string): CellRef {
  const [table, row, col] = key.split('.');
  return { table: table as TableId, row, col };
}
