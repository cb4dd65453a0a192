/**
 * Tables derived from the dataset once — when `npm run data` builds the browser database, or in
 * the browser after the Parquet tables or the reader's own reports are loaded — so that a filter
 * change reads one row per report, or per group of reports alike in every column a filter reads,
 * instead of deriving the same figures again from the long `cells`, `metrics` and `checks`
 * tables. Each is made by the module whose queries read it.
 */
import { CELL_TOTALS_TABLE, cellTotalsProvinceTableSql, cellTotalsTableSql } from './cell-totals.ts';
import { provinceGrain } from './grain.ts';
import { MEASURE_TOTALS_TABLE, measureTotalsProvinceTableSql, measureTotalsTableSql, REPORT_MEASURES_TABLE, reportMeasuresSql } from './measures.ts';
import { REPORT_ACCOUNTS_TABLE, reportAccountsTableSql } from './newmedia.ts';
import { REPORT_PROCUREMENT_TABLE, reportProcurementTableSql } from './procurement.ts';
import { AGENCY_SERIES_TABLE, agencySeriesTableSql, CHECK_ISSUES_TABLE, CHECK_TOTALS_TABLE, checkIssuesTableSql, checkTotalsTableSql } from './quality.ts';

const DERIVED_TABLES: readonly { name: string; sql: () => string }[] = [
  { name: REPORT_MEASURES_TABLE, sql: reportMeasuresSql },
  { name: MEASURE_TOTALS_TABLE, sql: measureTotalsTableSql },
  { name: provinceGrain(MEASURE_TOTALS_TABLE), sql: measureTotalsProvinceTableSql },
  { name: CELL_TOTALS_TABLE, sql: cellTotalsTableSql },
  { name: provinceGrain(CELL_TOTALS_TABLE), sql: cellTotalsProvinceTableSql },
  { name: REPORT_PROCUREMENT_TABLE, sql: reportProcurementTableSql },
  { name: REPORT_ACCOUNTS_TABLE, sql: reportAccountsTableSql },
  { name: CHECK_ISSUES_TABLE, sql: checkIssuesTableSql },
  { name: CHECK_TOTALS_TABLE, sql: checkTotalsTableSql },
  { name: AGENCY_SERIES_TABLE, sql: agencySeriesTableSql },
];

export const DERIVED_TABLE_NAMES: readonly string[] = DERIVED_TABLES.map((t) => t.name);

/** The statements that (re)create every derived table from the dataset's tables, in order. */
export const derivedTablesSql = (): string[] => DERIVED_TABLES.map((t) => t.sql());
