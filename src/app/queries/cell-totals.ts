/**
 * Tables 3 and 4 summed cell by cell over a selection of reports. The sums are kept per group of
 * reports alike in every column a filter reads (SELECTION_COLUMNS), so a selection's totals add
 * up a few thousand groups' rows, whatever the number of reports, instead of joining the long
 * `cells` table (17 million table 3 rows at 100,000 reports).
 */
import { OTHER_ROWS } from '../../model/templates/index.ts';
import { whereOrAll } from './detail.ts';
import { SELECTION_COLUMNS, sqlString } from './filters.ts';
import { provinceGrainTableSql, totalsTable } from './grain.ts';

export const CELL_TOTALS_TABLE = 'cell_totals';

/** （六）其他处理 printed as one row or as three, compared as one. */
const OTHER_ROWS_SQL = [...OTHER_ROWS.combined, ...OTHER_ROWS.split].map((r) => `'${r}'`).join(', ');

/** Per (folded) row and column of `cells c`: the figures' sum and the reports with and without one. */
const CELL_SUMS = `CASE WHEN c."table" = 't3' AND c."row" IN (${OTHER_ROWS_SQL}) THEN 'other_handling' ELSE c."row" END AS "row", c.col,
  sum(c.value)::DOUBLE AS value,
  count(DISTINCT CASE WHEN c.value IS NOT NULL THEN c.report_id END)::INTEGER AS n_reported,
  count(DISTINCT CASE WHEN c.value IS NULL THEN c.report_id END)::INTEGER AS n_empty`;

/**
 * Creates `cell_totals`: per group, table and (folded) row and column, the sum of the printed
 * figures and how many reports gave a figure (`n_reported`) or have the cell without one (`n_empty`). A report
 * lies in one group, so these counts add up across groups; a report printing （六） as three rows,
 * one of them blank, counts in both, as it would summed directly.
 */
export function cellTotalsTableSql(): string {
  const groupColumns = SELECTION_COLUMNS.map((c) => `r.${c}`).join(', ');
  return `CREATE OR REPLACE TABLE ${CELL_TOTALS_TABLE} AS
SELECT ${groupColumns}, c."table", ${CELL_SUMS}
FROM cells c JOIN reports r ON r.id = c.report_id
WHERE c."table" IN ('t3', 't4')
GROUP BY ALL
ORDER BY c."table", r.year, r.level, r.template`;
}

/** Creates `cell_totals` at the province's grain (grain.ts), from `cell_totals`. */
export const cellTotalsProvinceTableSql = (): string =>
  provinceGrainTableSql(CELL_TOTALS_TABLE, ['table', 'row', 'col'], [{ column: 'value', type: 'DOUBLE' }, { column: 'n_reported', type: 'INTEGER' }, { column: 'n_empty', type: 'INTEGER' }]);

export interface CellTotalRow {
  row: string;
  col: string;
  /** Sum over the reports that printed a figure; null when none did. */
  value: number | null;
  n_reported: number;
  /** Reports that have the cell without a figure (blank, or lost in extraction): the sum leaves them out, it does not count them as 0. */
  n_empty: number;
}

/** Table 3 (（六） folded into `other_handling`) or table 4 summed over the reports `where` selects (a condition of reportWhere). */
export function cellTotalsSql(table: 't3' | 't4', where: string): string {
  return `SELECT r."row", r.col, sum(r.value)::DOUBLE AS value, sum(r.n_reported)::INTEGER AS n_reported, sum(r.n_empty)::INTEGER AS n_empty
FROM ${totalsTable(CELL_TOTALS_TABLE, where)} r
WHERE r."table" = '${table}' AND ${whereOrAll(where)}
GROUP BY 1, 2`;
}

/** One report's table 3 (folded) or 4, in the shape of cellTotalsSql, read from its own cells. */
export function reportCellTotalsSql(table: 't3' | 't4', id: string): string {
  return `SELECT ${CELL_SUMS}
FROM cells c
WHERE c.report_id = ${sqlString(id)} AND c."table" = '${table}'
GROUP BY 1, 2`;
}
