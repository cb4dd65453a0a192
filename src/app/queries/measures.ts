/**
 * The figures a user can pick in Compare and Trends, as data: which cells (or narrative
 * metrics) make the numerator and denominator, and which template versions print them.
 * A value whose operand is blank or missing stays null — never 0 — and a report whose
 * template lacks the item is "not applicable", not zero.
 */
import type { MetricKey } from '../../model/report.ts';
import { TEMPLATES, templatesWithCells, type TemplateId } from '../../model/templates/index.ts';
import type { ValueKind } from '../format.ts';
import { BY_YEAR_AND_LEVEL, REPORT_ROW_COLUMNS, SELECTION_COLUMNS, sqlIdent, sqlString } from './filters.ts';
import { provinceGrainTableSql, totalsTable } from './grain.ts';

/** Cell keys (`t3.granted.total`) summed, or one narrative metric summed over its accounts. */
export type Term = { cells: readonly string[] } | { metric: MetricKey };

export interface MeasureDef {
  id: string;
  zh: string;
  en: string;
  kind: ValueKind;
  num: Term;
  /** For rates: value = num / den, per report; an aggregate is Σnum / Σden. */
  den?: Term;
  formula?: { zh: string; en: string };
}

const t3 = (row: string) => `t3.${row}.total`;
const DENIED = ['state_secret', 'prohibited_by_law', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'admin_query'].map((r) => t3(`denied_${r}`));

const MEASURE_DEFS: readonly MeasureDef[] = [
  { id: 'applications', zh: '本年新收申请', en: 'New applications', kind: 'count', num: { cells: [t3('new_received')] } },
  { id: 'carried_over_in', zh: '上年结转申请', en: 'Applications carried in', kind: 'count', num: { cells: [t3('carried_over_in')] } },
  { id: 'outcomes', zh: '办理结果总计', en: 'Applications decided', kind: 'count', num: { cells: [t3('outcome_total')] } },
  { id: 'carried_over_out', zh: '结转下年度继续办理', en: 'Applications carried out', kind: 'count', num: { cells: [t3('carried_over_out')] } },
  { id: 'granted', zh: '予以公开', en: 'Granted', kind: 'count', num: { cells: [t3('granted')] } },
  { id: 'partially_granted', zh: '部分公开', en: 'Partially granted', kind: 'count', num: { cells: [t3('partially_granted')] } },
  {
    id: 'disclosure_rate', zh: '公开率', en: 'Disclosure rate', kind: 'rate',
    num: { cells: [t3('granted'), t3('partially_granted')] }, den: { cells: [t3('outcome_total')] },
    formula: { zh: '（予以公开 + 部分公开）÷ 办理结果总计', en: '(granted + partially granted) ÷ outcomes total' },
  },
  {
    id: 'not_held_share', zh: '“本机关不掌握”占比', en: 'Share “not held”', kind: 'rate',
    num: { cells: [t3('unable_not_held')] }, den: { cells: [t3('outcome_total')] },
    formula: { zh: '本机关不掌握相关政府信息 ÷ 办理结果总计', en: 'not held by this agency ÷ outcomes total' },
  },
  {
    id: 'denied_share', zh: '不予公开占比', en: 'Share denied', kind: 'rate',
    num: { cells: DENIED }, den: { cells: [t3('outcome_total')] },
    formula: { zh: '不予公开（8 项之和）÷ 办理结果总计', en: 'denied (all 8 grounds) ÷ outcomes total' },
  },
  { id: 'review_cases', zh: '行政复议', en: 'Administrative reviews', kind: 'count', num: { cells: ['t4.review.total'] } },
  { id: 'review_corrected', zh: '复议结果纠正', en: 'Reviews corrected', kind: 'count', num: { cells: ['t4.review.corrected'] } },
  {
    id: 'review_correction_rate', zh: '复议纠错率', en: 'Review correction rate', kind: 'rate',
    num: { cells: ['t4.review.corrected'] }, den: { cells: ['t4.review.upheld', 't4.review.corrected', 't4.review.other'] },
    formula: { zh: '结果纠正 ÷（维持 + 纠正 + 其他结果），仅计已审结', en: 'corrected ÷ (upheld + corrected + other), closed cases only' },
  },
  {
    id: 'lawsuits', zh: '行政诉讼', en: 'Lawsuits', kind: 'count', num: { cells: ['t4.lit_direct.total', 't4.lit_after_review.total'] },
    formula: { zh: '未经复议直接起诉 + 复议后起诉', en: 'direct + after review' },
  },
  {
    id: 'litigation_correction_rate', zh: '诉讼纠错率', en: 'Litigation correction rate', kind: 'rate',
    num: { cells: ['t4.lit_direct.corrected', 't4.lit_after_review.corrected'] },
    den: { cells: ['upheld', 'corrected', 'other'].flatMap((c) => [`t4.lit_direct.${c}`, `t4.lit_after_review.${c}`]) },
    formula: { zh: '结果纠正 ÷（维持 + 纠正 + 其他结果），仅计已审结', en: 'corrected ÷ (upheld + corrected + other), closed cases only' },
  },
  { id: 'licensing_decisions', zh: '行政许可处理决定', en: 'Licensing decisions', kind: 'count', num: { cells: ['t2.admin_licensing.decisions'] } },
  { id: 'penalty_decisions', zh: '行政处罚处理决定', en: 'Penalty decisions', kind: 'count', num: { cells: ['t2.admin_penalty.decisions'] } },
  { id: 'procurement_t2', zh: '政府集中采购金额（表二）', en: 'Centralised procurement (table 2)', kind: 'wan_yuan', num: { cells: ['t2.centralized_procurement.procurement_amount'] } },
  { id: 'fee_amount', zh: '行政事业性收费金额', en: 'Administrative fees collected', kind: 'wan_yuan', num: { cells: ['t2.admin_fees.fee_amount'] } },
  { id: 'normative_issued', zh: '行政规范性文件制发', en: 'Normative documents issued', kind: 'count', num: { cells: ['t2.normative_documents.issued'] } },
  { id: 'portal_posts', zh: '门户网站发布信息', en: 'Portal posts', kind: 'count', num: { metric: 'portal_posts' } },
  { id: 'newmedia_followers', zh: '新媒体关注用户', en: 'New-media followers', kind: 'count', num: { metric: 'newmedia_followers' } },
  { id: 'press_conferences', zh: '新闻发布会', en: 'Press conferences', kind: 'count', num: { metric: 'press_conferences' } },
  { id: 'policy_interpretations', zh: '政策解读', en: 'Policy interpretations', kind: 'count', num: { metric: 'policy_interpretations' } },
];

export interface Measure extends MeasureDef {
  /** Template versions that print every cell the measure reads; elsewhere it is not applicable. */
  templates: readonly TemplateId[];
}

const cellsOf = (term: Term | undefined): readonly string[] => (term && 'cells' in term ? term.cells : []);

export const MEASURES: readonly Measure[] = MEASURE_DEFS.map((m) => ({
  ...m,
  templates: templatesWithCells([...cellsOf(m.num), ...cellsOf(m.den)], TEMPLATES).map((t) => t.id),
}));

export const DEFAULT_MEASURE = 'applications';

export function measureById(id: string | null | undefined): Measure {
  return MEASURES.find((m) => m.id === id) ?? MEASURES.find((m) => m.id === DEFAULT_MEASURE)!;
}


function termCells(term: Term | undefined): string[] {
  return term && 'cells' in term ? [...term.cells] : [];
}

function termMetrics(term: Term | undefined): MetricKey[] {
  return term && 'metric' in term ? [term.metric] : [];
}

/** Σ of the term's operands in the pivoted row; NULL as soon as one operand is NULL. */
function termSql(term: Term): string {
  if ('metric' in term) return `raw.${sqlIdent(`m.${term.metric}`)}`;
  return `(${term.cells.map((k) => `raw.${sqlIdent(k)}`).join(' + ')})`;
}

/** Some operand cell of the term is in `state` (blank, inferred). */
function anyCellSql(term: Term | undefined, state: 'blank' | 'inferred'): string {
  if (!term || 'metric' in term) return 'FALSE';
  return term.cells.map((k) => `coalesce(raw.${sqlIdent(`${state}:${k}`)}, FALSE)`).join(' OR ');
}

/** `<id>`, `<id>__num`, `<id>__den`, `<id>__state` of one measure over the pivoted row `raw`. */
function measureColumnsSql(m: Measure): string {
  const applicable = `raw.template IN (${m.templates.map(sqlString).join(', ')})`;
  const num = termSql(m.num);
  const den = m.den ? termSql(m.den) : null;
  const value = den ? `${num} / nullif(${den}, 0)` : num;
  const state = `CASE WHEN NOT coalesce(${applicable}, FALSE) THEN 'na'
      WHEN ${den ? `${num} IS NULL OR ${den} IS NULL` : `${num} IS NULL`} THEN CASE WHEN ${anyCellSql(m.num, 'blank')} OR ${anyCellSql(m.den, 'blank')} THEN 'blank' ELSE 'missing' END
      ${den ? `WHEN ${den} = 0 THEN 'na'` : ''}
      WHEN ${anyCellSql(m.num, 'inferred')} OR ${anyCellSql(m.den, 'inferred')} THEN 'inferred'
      ELSE 'value' END`;
  return [
    `CASE WHEN ${applicable} THEN (${value})::DOUBLE END AS ${sqlIdent(m.id)}`,
    `CASE WHEN ${applicable} THEN (${num})::DOUBLE END AS ${sqlIdent(`${m.id}__num`)}`,
    `CASE WHEN ${applicable} THEN (${den ?? 'NULL'})::DOUBLE END AS ${sqlIdent(`${m.id}__den`)}`,
    `${state} AS ${sqlIdent(`${m.id}__state`)}`,
  ].join(',\n  ');
}

/** The table `reportMeasuresSql` creates. */
export const REPORT_MEASURES_TABLE = 'report_measures';

/**
 * Creates `report_measures` from `reports`, `cells` and `metrics`, once after loading: one row
 * per (report id, template) with the report's own columns a list or a filter reads
 * (REPORT_ROW_COLUMNS) and every measure of MEASURES as `<id>`, `<id>__num`, `<id>__den` and
 * `<id>__state` (see perReportSql). A filter change then reads one row per report from this one
 * table, instead of pivoting the long `cells` table or joining `reports` on its text id (at
 * 100,000 reports that join was three quarters of a report list's time). CASE inside the
 * pivot's aggregates, not FILTER: DuckDB runs seventy FILTER aggregates ~6× slower.
 */
export function reportMeasuresSql(): string {
  const cells = [...new Set(MEASURES.flatMap((m) => [...termCells(m.num), ...termCells(m.den)]))];
  const metrics = [...new Set(MEASURES.flatMap((m) => [...termMetrics(m.num), ...termMetrics(m.den)]))];
  const cellColumns = cells.map((k) => {
    const [table, row, col] = k.split('.');
    const match = `c."table" = ${sqlString(table)} AND c."row" = ${sqlString(row)} AND c.col = ${sqlString(col)}`;
    return `max(CASE WHEN ${match} THEN c.value END) AS ${sqlIdent(k)}, bool_or(CASE WHEN ${match} THEN c.state = 'blank' END) AS ${sqlIdent(`blank:${k}`)}, bool_or(CASE WHEN ${match} THEN c.state = 'inferred' END) AS ${sqlIdent(`inferred:${k}`)}`;
  });
  const metricColumns = metrics.map((k) => `sum(CASE WHEN m.key = ${sqlString(k)} THEN m.value END) AS ${sqlIdent(`m.${k}`)}`);
  return `CREATE OR REPLACE TABLE ${REPORT_MEASURES_TABLE} AS
SELECT raw.report_id, ${REPORT_ROW_COLUMNS.map((c) => `raw.${sqlIdent(c)}`).join(', ')},
  ${MEASURES.map(measureColumnsSql).join(',\n  ')}
FROM (
  SELECT r.id AS report_id, ${REPORT_ROW_COLUMNS.map((c) => `r.${sqlIdent(c)}`).join(', ')}, cv.* EXCLUDE (report_id), mv.* EXCLUDE (report_id)
  FROM (SELECT DISTINCT id, ${REPORT_ROW_COLUMNS.map(sqlIdent).join(', ')} FROM reports) r
  LEFT JOIN (
    SELECT c.report_id,
      ${cellColumns.join(',\n      ')}
    FROM cells c
    WHERE (c."table", c."row", c.col) IN (${cells.map((k) => `(${k.split('.').map(sqlString).join(', ')})`).join(', ')})
    GROUP BY c.report_id
  ) cv ON cv.report_id = r.id
  LEFT JOIN (
    SELECT m.report_id, ${metricColumns.join(', ')}
    FROM metrics m
    WHERE m.key IN (${metrics.map(sqlString).join(', ')})
    GROUP BY m.report_id
  ) mv ON mv.report_id = r.id
) raw
${BY_YEAR_AND_LEVEL}`;
}

/**
 * One row per report passing `where`, with for each measure `<id>` (the value), `<id>__num`,
 * `<id>__den` and `<id>__state`: value | inferred (an operand fixed by arithmetic) | blank (an
 * operand printed blank) | missing (an operand absent) | na (not in this template, or a rate over zero). Reads `report_measures`, so the
 * measures must come from MEASURES.
 */
export function perReportSql(measures: readonly Measure[], where: string, extraColumns: readonly (typeof REPORT_ROW_COLUMNS)[number][] = []): string {
  const unknown = measures.filter((m) => !MEASURES.includes(m));
  if (unknown.length > 0) throw new Error(`measures ${unknown.map((m) => m.id).join(', ')}: not in MEASURES, so not in ${REPORT_MEASURES_TABLE}`);
  const measureColumns = measures.map((m) => [m.id, `${m.id}__num`, `${m.id}__den`, `${m.id}__state`].map((c) => `r.${sqlIdent(c)}`).join(', '));
  return `SELECT r.id, r.agency, r.level, r.province, r.city, r.county, r.region, r.year, r.template, r.synthetic${extraColumns.map((c) => `, r.${sqlIdent(c)}`).join('')},
  ${measureColumns.join(',\n  ')}
FROM (SELECT report_id AS id, * EXCLUDE (report_id) FROM ${REPORT_MEASURES_TABLE}) r
WHERE ${where}`;
}

export interface MeasureRow {
  id: string;
  agency: string | null;
  level: string | null;
  region: string | null;
  year: number | null;
  template: string | null;
  synthetic: boolean;
  [column: string]: unknown;
}

/** value: from printed figures; inferred: an operand was fixed by the table's arithmetic. */
export type ValueState = 'value' | 'inferred' | 'blank' | 'missing' | 'na';

/** SQL: the state column of a measure says it has a value (printed or inferred). */
export const hasValueSql = (column: string) => `${column} IN ('value', 'inferred')`;

/**
 * The measures aggregated over groups of reports. `groupBy` is SQL over the per-report columns
 * (e.g. `year`, `level`). Per measure: `<id>` (Σ, or Σnum/Σden over reports with both),
 * `<id>__reports` (reports that gave a value) and `<id>__na` (reports where it does not apply).
 */
export function aggregateSql(measures: readonly Measure[], where: string, groupBy: readonly { sql: string; as: string }[]): string {
  const keys = groupBy.map((g) => `${g.sql} AS ${sqlIdent(g.as)}`);
  const columns = measures.map((m) => {
    const ok = hasValueSql(sqlIdent(`${m.id}__state`));
    const value = m.den
      ? `sum(${sqlIdent(`${m.id}__num`)}) FILTER (WHERE ${ok}) / nullif(sum(${sqlIdent(`${m.id}__den`)}) FILTER (WHERE ${ok}), 0)`
      : `sum(${sqlIdent(m.id)}) FILTER (WHERE ${ok})`;
    return [
      `(${value})::DOUBLE AS ${sqlIdent(m.id)}`,
      `count(*) FILTER (WHERE ${ok})::INTEGER AS ${sqlIdent(`${m.id}__reports`)}`,
      `count(*) FILTER (WHERE ${sqlIdent(`${m.id}__state`)} = 'na')::INTEGER AS ${sqlIdent(`${m.id}__na`)}`,
    ].join(', ');
  });
  return `WITH per_report AS (
${perReportSql(measures, where)}
)
SELECT ${[...keys, 'count(*)::INTEGER AS reports', ...columns].join(',\n  ')}
FROM per_report
${groupBy.length > 0 ? `GROUP BY ${groupBy.map((_, i) => i + 1).join(', ')}\nORDER BY ${groupBy.map((_, i) => i + 1).join(', ')}` : ''}`;
}

/** The table `measureTotalsTableSql` creates. */
export const MEASURE_TOTALS_TABLE = 'measure_totals';

/**
 * Creates `measure_totals`: every measure of MEASURES aggregated as aggregateSql does, per group
 * of reports alike in every column a filter reads (SELECTION_COLUMNS): `reports`, and per measure
 * `<id>` (Σ over reports with a value; counts and amounts), `<id>__num` / `<id>__den` (the same
 * for a rate's operands), `<id>__reports`, `<id>__na`. A report lies in one group, so a
 * selection's figures add up its groups' rows (selectionAggregateSql).
 */
export function measureTotalsTableSql(): string {
  const keys = SELECTION_COLUMNS.map((c) => sqlIdent(c)).join(', ');
  return `CREATE OR REPLACE TABLE ${MEASURE_TOTALS_TABLE} AS
WITH per_report AS (
${perReportSql(MEASURES, 'TRUE', ['is_aggregate'])}
)
SELECT ${keys}, ${MEASURE_TOTAL_COLUMNS.map((c) => `${c.sql} AS ${sqlIdent(c.column)}`).join(',\n  ')}
FROM per_report
GROUP BY ALL`;
}

/**
 * `measure_totals`' columns besides the group's: `reports`, and per measure the sums of its value
 * (or of a rate's operands) over the reports with one, and the counts of those reports and of the
 * ones it does not apply to — each adds up across groups, so the province grain sums them again.
 */
const MEASURE_TOTAL_COLUMNS: readonly { column: string; type: 'DOUBLE' | 'BIGINT'; sql: string }[] = [
  { column: 'reports', type: 'BIGINT', sql: 'count(*)' },
  ...MEASURES.flatMap((m) => {
    const ok = hasValueSql(sqlIdent(`${m.id}__state`));
    return [
      ...(m.den ? ['__num', '__den'] : ['']).map((suffix) => ({ column: `${m.id}${suffix}`, type: 'DOUBLE' as const, sql: `sum(${sqlIdent(`${m.id}${suffix}`)}) FILTER (WHERE ${ok})` })),
      { column: `${m.id}__reports`, type: 'BIGINT' as const, sql: `count(*) FILTER (WHERE ${ok})` },
      { column: `${m.id}__na`, type: 'BIGINT' as const, sql: `count(*) FILTER (WHERE ${sqlIdent(`${m.id}__state`)} = 'na')` },
    ];
  }),
];

/** Creates `measure_totals` at the province's grain (grain.ts), from `measure_totals`. */
export const measureTotalsProvinceTableSql = (): string => provinceGrainTableSql(MEASURE_TOTALS_TABLE, [], MEASURE_TOTAL_COLUMNS);

/**
 * aggregateSql's answer read from `measure_totals` (or its province grain, grain.ts), for a selection `where` that is a filter
 * condition (reportWhere) and groups over SELECTION_COLUMNS only (`year`, `level`, a region path
 * over `r`): the same figures from a few rows per group instead of a row per report. With
 * `total`, one more row adds up the whole selection (its keys NULL; splitTotal parts it from the
 * groups): a view's figures and its trend in one statement.
 */
export function selectionAggregateSql(measures: readonly Measure[], where: string, groupBy: readonly { sql: string; as: string }[], options: { total?: boolean } = {}): string {
  const keys = groupBy.map((g) => `${g.sql} AS ${sqlIdent(g.as)}`);
  const columns = measures.map((m) => {
    const sum = (suffix: string) => `sum(r.${sqlIdent(`${m.id}${suffix}`)})`;
    const value = m.den ? `${sum('__num')} / nullif(${sum('__den')}, 0)` : sum('');
    // an empty selection counts 0 reports, as count(*) does, where a sum over no group is NULL
    const count = (suffix: string) => `coalesce(${sum(suffix)}, 0)::INTEGER AS ${sqlIdent(`${m.id}${suffix}`)}`;
    return `(${value})::DOUBLE AS ${sqlIdent(m.id)}, ${count('__reports')}, ${count('__na')}`;
  });
  const positions = groupBy.map((_, i) => i + 1).join(', ');
  const groupSqls = groupBy.map((g) => g.sql).join(', ');
  const withTotal = options.total === true && groupBy.length > 0;
  const flag = withTotal ? [`GROUPING(${groupSqls}) > 0 AS ${sqlIdent(TOTAL_FLAG)}`] : [];
  const grouping = groupBy.length === 0 ? ''
    : withTotal ? `GROUP BY GROUPING SETS ((${groupSqls}), ())\nORDER BY ${sqlIdent(TOTAL_FLAG)}, ${positions}`
    : `GROUP BY ${positions}\nORDER BY ${positions}`;
  return `SELECT ${[...keys, ...flag, 'coalesce(sum(r.reports), 0)::INTEGER AS reports', ...columns].join(',\n  ')}
FROM ${totalsTable(MEASURE_TOTALS_TABLE, where, groupSqls)} r
WHERE ${where}
${grouping}`;
}

/** The column that marks selectionAggregateSql's added total row (`total: true`). */
const TOTAL_FLAG = '__total';

/**
 * selectionAggregateSql's rows with `total: true` parted: the groups' rows in order, and the row
 * that adds up the whole selection without the group keys `keys` (null until there are rows);
 * neither keeps the flag.
 */
export function splitTotal<T extends object>(rows: readonly T[] | null, keys: readonly string[]): { groups: T[] | null; total: Record<string, number | null> | null } {
  if (rows === null) return { groups: null, total: null };
  const groups: T[] = [];
  let total: Record<string, number | null> | null = null;
  for (const row of rows) {
    const { [TOTAL_FLAG]: isTotal, ...rest } = row as T & { [TOTAL_FLAG]: boolean };
    if (!isTotal) {
      groups.push(rest as T);
      continue;
    }
    total = rest as Record<string, number | null>;
    for (const key of keys) delete total[key];
  }
  return { groups, total };
}
