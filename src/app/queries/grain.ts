/**
 * The pre-aggregated tables (measure_totals, cell_totals) keep one row per group of reports alike
 * in every column a filter reads (SELECTION_COLUMNS). Down to the county that is nearly a group per
 * agency — 32,000 groups at 100,000 reports — while most selections never name a city or county.
 * So each also comes at the province's grain (`<table>_province`, ~16× fewer rows there), and a
 * statement reads that one whenever it reads no column the coarser grain drops.
 */
import { REGION_COLUMNS, SELECTION_COLUMNS, sqlIdent } from './filters.ts';

/** The region columns below the province, which the coarser tables add up over. */
const BELOW_PROVINCE: readonly string[] = REGION_COLUMNS.slice(1);

/** SELECTION_COLUMNS kept at the province's grain. */
export const PROVINCE_GRAIN_COLUMNS: readonly string[] = SELECTION_COLUMNS.filter((c) => !BELOW_PROVINCE.includes(c));

/** The name of `table` at the province's grain. */
export const provinceGrain = (table: string): string => `${table}_province`;

/** A name of one of those columns, as a word of SQL text. */
const NAMES_BELOW_PROVINCE = new RegExp(`\\b(${BELOW_PROVINCE.join('|')})\\b`);

/** SQL text without its string literals, so a region named like a column is never read as one. */
const withoutLiterals = (sql: string): string => sql.replace(/'(?:[^']|'')*'/g, "''");

/**
 * The table a statement whose conditions and groups are `sqls` reads: `table` at the province's
 * grain unless one of them names a column below the province. Naming one by mistake could only
 * cost speed; a coarser table lacks those columns, so a missed reference fails loudly instead of
 * adding up the wrong groups.
 */
export function totalsTable(table: string, ...sqls: readonly string[]): string {
  return sqls.some((sql) => NAMES_BELOW_PROVINCE.test(withoutLiterals(sql))) ? table : provinceGrain(table);
}

/**
 * Creates `table` at the province's grain from `table`: `keys` (besides the selection columns)
 * stay, every column of `sums` is added up as its type. Every one of them must add up across
 * groups (sums and counts of reports, each report lying in one group).
 */
export function provinceGrainTableSql(table: string, keys: readonly string[], sums: readonly { column: string; type: string }[]): string {
  const kept = [...PROVINCE_GRAIN_COLUMNS, ...keys].map(sqlIdent).join(', ');
  return `CREATE OR REPLACE TABLE ${provinceGrain(table)} AS
SELECT ${kept}, ${sums.map((s) => `sum(${sqlIdent(s.column)})::${s.type} AS ${sqlIdent(s.column)}`).join(', ')}
FROM ${table}
GROUP BY ALL
ORDER BY ${kept}`;
}
