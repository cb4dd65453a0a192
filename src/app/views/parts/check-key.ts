/** One check row as the detail and quality views read it, and its key in the URL (`ck`). */
export interface DetailCheck {
  rule: string;
  severity: string;
  row: string | null;
  col: string | null;
  status: 'pass' | 'fail' | 'uncertain';
  left: number | null;
  right: number | null;
  /** Comma-separated cell keys the rule read. */
  cells: string | null;
  note: string | null;
}

/** rule|row|col: unique within one report, since each rule instance is keyed by its row or column. */
export const checkKey = (c: Pick<DetailCheck, 'rule' | 'row' | 'col'>): string => `${c.rule}|${c.row ?? ''}|${c.col ?? ''}`;
