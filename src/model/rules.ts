/**
 * The arithmetic rules of docs/domain.md §7 as data, and one evaluator. Hard rules are identities
 * the template demands; soft rules usually hold. Both are reported, never used to reject.
 */
import { cellKey, otherRowsOfCells, rulesOf, type RuleInstance, type Template } from './templates/index.ts';
import type { Cell, CheckResult } from './report.ts';

export type Severity = 'hard' | 'soft';

export interface RuleDef {
  id: string;
  severity: Severity;
  zh: string;
  en: string;
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
  // Built field by field in this order (rule, row, col, cells, status, left, right), without
  // spreading: this runs for every rule of every report.
  const result = { rule: instance.rule } as CheckResult;
  if (instance.row) result.row = instance.row;
  if (instance.col) result.col = instance.col;
  result.cells = instance.left.concat(instance.right);
  if (left === null || right === null) {
    result.status = 'uncertain';
    result.left = left;
    result.right = right;
    return result;
  }
  const ok = instance.op === 'eq' ? Math.abs(left - right) < EPSILON : left >= right - EPSILON;
  result.status = ok ? 'pass' : 'fail';
  result.left = round(left);
  result.right = round(right);
  return result;
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

/** Run every rule that applies to the report's cells. */
export function runChecks(cells: Cell[], template: Template): CheckResult[] {
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const results = rulesOf(template, otherRowsOfCells(cells, template)).map((i) => evaluate(i, (k) => byKey.get(k)));
  return [...results, ...nonNegative(cells)];
}

export function severityOf(rule: string): Severity {
  return RULES[rule]?.severity ?? 'soft';
}
