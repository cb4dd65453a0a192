/** One printed cell figure → its value under the column's rules (money in 万元). */
import type { ColumnDef } from '../../model/templates/index.ts';
import type { MoneyUnit } from './types.ts';

export interface Figure {
  value: number;
  /** Set when the value rests on an assumption worth a warning. */
  note?: string;
}

const FIGURE = /^([+-]?)(\d+(?:\.\d+)?)\s*(万元|元)?$/;

/** Keeps 元 → 万元 free of binary noise (73802895.90 元 → 7380.28959, not …0000001). */
function toWan(yuan: number): number {
  return Number((yuan / 10000).toPrecision(15));
}

export function readFigure(text: string, column: ColumnDef | undefined, headerUnit: MoneyUnit | null): Figure | null {
  const m = FIGURE.exec((text.includes(',') ? text.replace(/,/g, '') : text).trim());
  // Beyond 15 significant digits a double no longer holds the printed figure exactly.
  if (!m || m[2].replace('.', '').replace(/^0+/, '').length > 15) return null;
  const magnitude = Number(m[2]);
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (column?.unit === '万元') {
    const unit = (m[3] as MoneyUnit | undefined) ?? headerUnit;
    if (unit === '元') return { value: toWan(value) };
    if (unit === '万元') return { value };
    return { value, note: `no unit printed for ${column.zh}; read as 万元` };
  }
  if (m[3] || m[2].includes('.')) return null;
  if (m[1] && !column?.signed) return null;
  return { value };
}
