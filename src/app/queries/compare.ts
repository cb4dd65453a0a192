/** SQL for Compare: one measure ranked across agencies in one year, and chosen agencies side by side. */
import { perReportSql, type Measure, type ValueState } from './measures.ts';
import { sqlString } from './filters.ts';

export interface RankRow {
  id: string;
  agency: string | null;
  level: string | null;
  region: string | null;
  year: number;
  template: string | null;
  synthetic: boolean;
  value: number | null;
  num: number | null;
  den: number | null;
  state: ValueState;
}

function columnsOf(measure: Measure): string {
  const q = (suffix: string) => `"${measure.id}${suffix}"`;
  return `id, agency, level, region, year::INTEGER AS year, template, synthetic, ${q('')} AS value, ${q('__num')} AS num, ${q('__den')} AS den, ${q('__state')} AS state`;
}

/** Every report of `year` passing the filters, highest value first; absent values last. */
export function rankSql(measure: Measure, year: number, where: string): string {
  return `${rankRowsSql(measure, year, where)}
ORDER BY value DESC NULLS LAST, agency, id`;
}

/** rankSql's rows in no order: what the chart's top and the count of absent values read (a sort inside a subquery is done, not dropped). */
function rankRowsSql(measure: Measure, year: number, where: string): string {
  return `SELECT ${columnsOf(measure)}
FROM (${perReportSql([measure], `${where} AND r.year = ${Math.trunc(year)}`)})`;
}

/** How many agencies the ranking chart shows. */
export const COMPARE_TOP = 20;

/** The `limit` highest values of rankSql, in its order: what the ranking chart draws. */
export function rankTopSql(measure: Measure, year: number, where: string, limit: number): string {
  return `SELECT * FROM (${rankRowsSql(measure, year, where)}) WHERE value IS NOT NULL
ORDER BY value DESC, agency, id
LIMIT ${Math.trunc(limit)}`;
}

/** Of rankSql's reports, how many the measure does not apply to (na) and how many left it blank or missing. */
export function rankAbsentSql(measure: Measure, year: number, where: string): string {
  return `SELECT count(*) FILTER (WHERE state = 'na')::INTEGER AS na, count(*) FILTER (WHERE state IN ('blank', 'missing'))::INTEGER AS empty
FROM (${rankRowsSql(measure, year, where)})`;
}

/** Years with reports under the filters, newest first. */
export function yearsSql(where: string): string {
  return `SELECT DISTINCT r.year::INTEGER AS year FROM reports r WHERE ${where} AND r.year IS NOT NULL ORDER BY year DESC`;
}

/** The chosen agencies' reports of every year, with each of `measures`. */
export function agenciesSql(measures: readonly Measure[], agencies: readonly string[], where: string): string | null {
  if (agencies.length === 0) return null;
  return `SELECT * FROM (${perReportSql(measures, `${where} AND r.agency IN (${agencies.map(sqlString).join(', ')})`)})
ORDER BY agency, year, id`;
}
