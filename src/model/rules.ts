/**
 * The arithmetic rules of domain.md §7 as data, and one evaluator. Hard rules are identities
 * the template demands; soft rules usually hold. Both are reported, never used to reject.
 */
import { ORG_COLS, T3_COL_KEYS, T4_COL_KEYS, OUTCOME_ROWS_COMMON, OTHER_SPLIT_ROWS, cellKey, type TableId, type TemplateVersion } from './template.ts';
import type { Cell, CheckResult } from './report.ts';

export type Severity = 'hard' | 'soft';

export interface RuleDef {
  id: string;
  severity: Severity;
  zh: string;
  en: string;
}

/** One concrete comparison: Σ left `op` Σ right, on named cells. */
export interface RuleInstance {
  rule: string;
  row?: string;
  col?: string;
  left: string[];
  op: 'eq' | 'ge';
  right: string[];
}

export const RULES: Record<string, RuleDef> = {
  't3.balance': { id: 't3.balance', severity: 'hard', zh: '新收 + 上年结转 = 办理结果总计 + 结转下年度', en: 'New + carried in = outcomes total + carried out' },
  't3.row_total': { id: 't3.row_total', severity: 'hard', zh: '总计 = 自然人 + 各类法人或其他组织', en: 'Row total = natural persons + organisations' },
  't3.outcome_sum': { id: 't3.outcome_sum', severity: 'hard', zh: '（七）总计 = 各办理结果之和', en: 'Outcomes total = sum of outcome rows' },
  't3.non_negative': { id: 't3.non_negative', severity: 'hard', zh: '申请数不为负', en: 'Application counts are not negative' },
  't4.total': { id: 't4.total', severity: 'hard', zh: '总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'Total = upheld + corrected + other + pending' },
  't2.total_ge_new': { id: 't2.total_ge_new', severity: 'soft', zh: '对外公开总数量 ≥ 本年新公开数量', en: 'Total published ≥ newly published' },
  't2.valid_ge_issued': { id: 't2.valid_ge_issued', severity: 'soft', zh: '现行有效件数 ≥ 本年制发件数', en: 'Currently valid ≥ issued this year' },
  't2.amount_non_negative': { id: 't2.amount_non_negative', severity: 'soft', zh: '金额不为负', en: 'Amounts are not negative' },
  'x.carried_over': { id: 'x.carried_over', severity: 'soft', zh: '上年结转 = 上一年度报告的结转下年度', en: 'Carried in = last year\'s carried out' },
  'x.valid_stock': { id: 'x.valid_stock', severity: 'soft', zh: '现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止', en: 'Currently valid ≈ last year\'s + issued − repealed' },
  'parse.split': { id: 'parse.split', severity: 'soft', zh: '连写数字无法唯一拆分', en: 'Run-together digits could not be split with certainty' },
};

const ref = (table: TableId, row: string, col: string) => cellKey({ table, row, col });

/** Whether table 3 prints （六）其他处理 as one row or as the 2021 template's three. */
export type OtherRows = 'combined' | 'split';

export function outcomeRows(otherRows: OtherRows): string[] {
  return [...OUTCOME_ROWS_COMMON, ...(otherRows === 'combined' ? ['other_handling'] : OTHER_SPLIT_ROWS)];
}

export function t3Rows(otherRows: OtherRows): string[] {
  return ['new_received', 'carried_over_in', ...outcomeRows(otherRows), 'outcome_total', 'carried_over_out'];
}

/** Every comparison that applies to a report of this template. */
export function ruleInstances(template: TemplateVersion, otherRows: OtherRows): RuleInstance[] {
  const out: RuleInstance[] = [];
  for (const c of T3_COL_KEYS) {
    out.push({ rule: 't3.balance', col: c, left: [ref('t3', 'new_received', c), ref('t3', 'carried_over_in', c)], op: 'eq', right: [ref('t3', 'outcome_total', c), ref('t3', 'carried_over_out', c)] });
  }
  for (const r of t3Rows(otherRows)) {
    out.push({ rule: 't3.row_total', row: r, left: [ref('t3', r, 'total')], op: 'eq', right: [ref('t3', r, 'natural_person'), ...ORG_COLS.map((o) => ref('t3', r, o))] });
  }
  for (const c of T3_COL_KEYS) {
    out.push({ rule: 't3.outcome_sum', col: c, left: [ref('t3', 'outcome_total', c)], op: 'eq', right: outcomeRows(otherRows).map((r) => ref('t3', r, c)) });
  }
  for (const g of ['review', 'lit_direct', 'lit_after_review']) {
    out.push({ rule: 't4.total', row: g, left: [ref('t4', g, 'total')], op: 'eq', right: T4_COL_KEYS.filter((c) => c !== 'total').map((c) => ref('t4', g, c)) });
  }
  if (template === '2019') {
    for (const r of ['regulations', 'normative_documents']) {
      out.push({ rule: 't2.total_ge_new', row: r, left: [ref('t2', r, 'total_published')], op: 'ge', right: [ref('t2', r, 'new_published')] });
    }
    out.push({ rule: 't2.amount_non_negative', row: 'centralized_procurement', col: 'procurement_amount', left: [ref('t2', 'centralized_procurement', 'procurement_amount')], op: 'ge', right: [] });
  } else {
    for (const r of ['regulations', 'normative_documents']) {
      out.push({ rule: 't2.valid_ge_issued', row: r, left: [ref('t2', r, 'currently_valid')], op: 'ge', right: [ref('t2', r, 'issued')] });
    }
    out.push({ rule: 't2.amount_non_negative', row: 'admin_fees', col: 'fee_amount', left: [ref('t2', 'admin_fees', 'fee_amount')], op: 'ge', right: [] });
  }
  return out;
}

const EPSILON = 1e-6;

/**
 * Evaluate one comparison. Blank and missing operands make the result `uncertain`:
 * a blank is not a 0, so a rule that needs it cannot be said to pass or fail.
 */
export function evaluate(instance: RuleInstance, lookup: (key: string) => Cell | undefined): CheckResult {
  const sum = (keys: string[]) => {
    let total = 0;
    for (const k of keys) {
      const cell = lookup(k);
      if (!cell || cell.value === null) return null;
      total += cell.value;
    }
    return total;
  };
  const left = sum(instance.left);
  const right = sum(instance.right);
  const cells = [...instance.left, ...instance.right];
  const base = { rule: instance.rule, ...(instance.row ? { row: instance.row } : {}), ...(instance.col ? { col: instance.col } : {}), cells };
  if (left === null || right === null) return { ...base, status: 'uncertain', left, right };
  const ok = instance.op === 'eq' ? Math.abs(left - right) < EPSILON : left >= right - EPSILON;
  return { ...base, status: ok ? 'pass' : 'fail', left: round(left), right: round(right) };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Non-negativity of table 3, one result per offending cell plus one summary pass. */
function nonNegative(cells: Cell[]): CheckResult[] {
  const negatives = cells.filter((c) => c.table === 't3' && c.value !== null && c.value < 0);
  if (negatives.length === 0) return [{ rule: 't3.non_negative', status: 'pass', left: null, right: null }];
  return negatives.map((c) => ({ rule: 't3.non_negative', row: c.row, col: c.col, status: 'fail' as const, left: c.value, right: 0, cells: [cellKey(c)] }));
}

export function otherRowsOf(cells: Cell[], template: TemplateVersion): OtherRows {
  if (template === '2019') return 'combined';
  const hasSplit = cells.some((c) => c.table === 't3' && OTHER_SPLIT_ROWS.includes(c.row));
  const hasCombined = cells.some((c) => c.table === 't3' && c.row === 'other_handling');
  return hasCombined && !hasSplit ? 'combined' : 'split';
}

/** Run every rule that applies to the report's cells. */
export function runChecks(cells: Cell[], template: TemplateVersion): CheckResult[] {
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const results = ruleInstances(template, otherRowsOf(cells, template)).map((i) => evaluate(i, (k) => byKey.get(k)));
  return [...results, ...nonNegative(cells)];
}

export function severityOf(rule: string): Severity {
  return RULES[rule]?.severity ?? 'soft';
}
