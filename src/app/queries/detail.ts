/** SQL for one report's detail page: its row, cells, narrative metrics and checks. */
import { sqlString } from './filters.ts';

/** A caller's `where` fragment over `reports r`; empty means the whole dataset. */
export const whereOrAll = (where: string): string => (where.trim() === '' ? 'TRUE' : `(${where})`);

export const reportSql = (id: string): string => `SELECT * FROM reports WHERE id = ${sqlString(id)}`;

export const reportCellsSql = (id: string): string =>
  `SELECT "table", "row", col, value, raw, state FROM cells WHERE report_id = ${sqlString(id)}`;

export const reportMetricsSql = (id: string): string =>
  `SELECT "key", value, unit, platform, account, approx, evidence FROM metrics WHERE report_id = ${sqlString(id)} ORDER BY "key", platform NULLS FIRST, account NULLS FIRST`;

/** Failures first, then uncertain results, then passes. */
export const reportChecksSql = (id: string): string =>
  `SELECT rule, severity, "row", col, status, "left", "right", cells, note FROM checks WHERE report_id = ${sqlString(id)}
   ORDER BY CASE status WHEN 'fail' THEN 0 WHEN 'uncertain' THEN 1 ELSE 2 END, CASE severity WHEN 'hard' THEN 0 ELSE 1 END, rule, "row" NULLS FIRST, col NULLS FIRST`;

/** The agency's other reports, for moving between years. */
export const siblingReportsSql = (id: string): string =>
  `SELECT o.id, o.year, o.template FROM reports o JOIN reports r ON o.agency = r.agency AND coalesce(o.region, '') = coalesce(r.region, '')
   WHERE r.id = ${sqlString(id)} ORDER BY o.year, o.id`;
