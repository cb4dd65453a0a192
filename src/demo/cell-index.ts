import type { Cell } from '../model/report.ts';

/**
 * Cells by table, row and column. Nested maps on the template's own key strings: much cheaper
 * than joining `t3.row.col` keys for every lookup, which dominated generating and rendering.
 */
export class CellIndex<T> {
  private readonly tables = new Map<string, Map<string, Map<string, T>>>();

  static of(cells: readonly Cell[]): CellIndex<Cell> {
    const index = new CellIndex<Cell>();
    for (const cell of cells) index.set(cell.table, cell.row, cell.col, cell);
    return index;
  }

  set(table: string, row: string, col: string, value: T): void {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    cols.set(col, value);
  }

  get(table: string, row: string, col: string): T | undefined {
    return this.tables.get(table)?.get(row)?.get(col);
  }
}
