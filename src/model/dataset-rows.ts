/**
 * The rows one parsed report contributes to each table of the dataset: the one mapping the CLI's
 * writer and the browser's own-report import share, so a report reads the same wherever it
 * was parsed.
 */
import type { DatasetTable } from './dataset.ts';
import type { ParsedReport } from './report.ts';
import { severityOf } from './rules.ts';

export type DatasetValue = string | number | boolean | null;
/** One row, values in the order of the table's columns in DATASET_TABLES. */
export type DatasetRow = DatasetValue[];

/** Province, city and county without repeats (直辖市 name themselves twice), most specific last. */
export function regionOf(agency: ParsedReport['agency']): string | null {
  const parts: string[] = [];
  for (const part of [agency.province, agency.city, agency.county]) {
    if (part && !parts.includes(part)) parts.push(part);
  }
  return parts.length > 0 ? parts.join('') : null;
}

/** The rows one report contributes to each table, columns in DATASET_TABLES order. */
export function reportRows(report: ParsedReport, options: { synthetic: boolean }): Record<DatasetTable, DatasetRow[]> {
  const id = report.source.sha256;
  const countCells = (state: string) => report.cells.filter((c) => c.state === state).length;
  const countChecks = (status: string, severity?: string) =>
    report.checks.filter((c) => c.status === status && (!severity || severityOf(c.rule) === severity)).length;
  const { agency } = report;
  return {
    reports: [[
      id, agency.id ?? agency.name, agency.name, agency.level, agency.province, agency.city, agency.county, regionOf(agency),
      agency.region_code, agency.is_aggregate,
      report.year, report.template, report.source.file, report.source.format, report.source.url ?? null, options.synthetic,
      countCells('number'), countCells('blank'), countCells('inferred'), countCells('missing'),
      countChecks('fail', 'hard'), countChecks('fail', 'soft'), countChecks('uncertain'),
      JSON.stringify(report.warnings),
    ]],
    agency_years: [],
    cells: report.cells.map((c) => [id, c.table, c.row, c.col, c.value, c.raw, c.state]),
    metrics: report.metrics.map((m) => [
      id, m.key, m.value, m.unit, m.platform ?? null, m.account ?? null, m.approx ?? false, m.period_kind ?? null, m.evidence,
    ]),
    checks: report.checks.map((c) => [
      id, c.rule, severityOf(c.rule), c.row ?? null, c.col ?? null, c.status, c.left, c.right,
      c.cells && c.cells.length > 0 ? c.cells.join(',') : null, c.note ?? null,
    ]),
  };
}
