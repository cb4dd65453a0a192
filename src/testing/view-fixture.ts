/**
 * Test support for the analysis views' query builders: a handful of invented reports
 * (fictional 示例省 agencies, made-up figures) written to real Parquet files with the dataset's
 * exact columns, then read back through native DuckDB under the table names the app uses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASET_TABLES, type DatasetTable } from '../model/dataset.ts';
import { derivedTablesSql } from '../app/queries/derived.ts';
import { runChecks, severityOf } from '../model/rules.ts';
import { cellKey, prescribedOtherRows, templateById, templateCells, type TemplateId } from '../model/templates/index.ts';
import type { Cell, CellState, Metric } from '../model/report.ts';

export interface FixtureReport {
  id: string;
  agency: string;
  level: string;
  province: string;
  city: string | null;
  year: number;
  template: TemplateId;
  synthetic?: boolean;
  /** A government's region-wide report (default false). */
  is_aggregate?: boolean;
  /** Printed figures by cell key; every other template cell is written as a printed 0. */
  values?: Record<string, number | null | { value: number | null; state: CellState; raw?: string | null }>;
  /** t3 （六） printed as one row in a 2021-template report. */
  otherCombined?: boolean;
  metrics?: Metric[];
}

function cellsOf(report: FixtureReport): Cell[] {
  const template = templateById(report.template);
  return templateCells(template, report.otherCombined ? 'combined' : prescribedOtherRows(template)).map((ref) => {
    const given = report.values?.[cellKey(ref)];
    if (given === undefined) return { ...ref, value: 0, raw: '0', state: 'number' as const };
    if (given === null) return { ...ref, value: null, raw: '/', state: 'blank' as const };
    if (typeof given === 'number') return { ...ref, value: given, raw: String(given), state: 'number' as const };
    return { ...ref, value: given.value, raw: given.raw !== undefined ? given.raw : given.value === null ? null : String(given.value), state: given.state };
  });
}

function datasetRows(reports: FixtureReport[]): Record<DatasetTable, Record<string, unknown>[]> {
  const out: Record<DatasetTable, Record<string, unknown>[]> = { reports: [], cells: [], metrics: [], checks: [], agency_years: [] };
  for (const r of reports) {
    const cells = cellsOf(r);
    const checks = runChecks(cells, templateById(r.template));
    const count = (s: CellState) => cells.filter((c) => c.state === s).length;
    const failed = (sev: string) => checks.filter((c) => c.status === 'fail' && severityOf(c.rule) === sev).length;
    out.reports.push({
      id: r.id, agency_id: r.agency, agency: r.agency, is_aggregate: r.is_aggregate ?? false, level: r.level, province: r.province, city: r.city, county: null,
      region: [r.province, r.city].filter(Boolean).join('/'), year: r.year, template: r.template,
      source_file: `${r.id}.txt`, format: 'text', synthetic: r.synthetic ?? true,
      n_number: count('number'), n_blank: count('blank'), n_inferred: count('inferred'), n_missing: count('missing'),
      failed_hard: failed('hard'), failed_soft: failed('soft'), uncertain: checks.filter((c) => c.status === 'uncertain').length,
      warnings: '[]',
    });
    for (const c of cells) out.cells.push({ report_id: r.id, table: c.table, row: c.row, col: c.col, value: c.value, raw: c.raw, state: c.state });
    for (const m of r.metrics ?? []) {
      out.metrics.push({ report_id: r.id, key: m.key, value: m.value, unit: m.unit, platform: m.platform ?? null, account: m.account ?? null, approx: m.approx ?? false, evidence: m.evidence, period_kind: m.period_kind ?? null });
    }
    for (const c of checks) {
      out.checks.push({ report_id: r.id, rule: c.rule, severity: severityOf(c.rule), row: c.row ?? null, col: c.col ?? null, status: c.status, left: c.left, right: c.right, cells: c.cells?.join(',') ?? null, note: c.note ?? null });
    }
  }
  return out;
}

export interface FixtureDb {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

/** Write the reports as Parquet and open them as the views `reports`, `cells`, `metrics`, `checks`. */
export async function openFixtureDb(reports: FixtureReport[]): Promise<FixtureDb> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-views-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows = datasetRows(reports);
  for (const [table, columns] of Object.entries(DATASET_TABLES) as [DatasetTable, readonly (readonly [string, string])[]][]) {
    const json = join(dir, `${table}.json`);
    writeFileSync(json, JSON.stringify(rows[table]));
    const spec = columns.map(([name, type]) => `'${name}': '${type}'`).join(', ');
    const parquet = join(dir, `${table}.parquet`);
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    await connection.run(`COPY (SELECT ${names} FROM read_json('${json}', format = 'array', columns = {${spec}})) TO '${parquet}' (FORMAT parquet)`);
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${parquet}')`);
  }
  for (const sql of derivedTablesSql()) await connection.run(sql);
  return {
    async query<T>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const wechat = (account: string, followers: number, posts: number): Metric[] => [
  { key: 'newmedia_followers', value: followers, unit: '个', platform: 'wechat', account, evidence: `${account}，关注用户${followers}个` },
  { key: 'newmedia_posts', value: posts, unit: '条', platform: 'wechat', account, evidence: `${account}，全年发布信息${posts}条` },
];

/**
 * Six invented reports: one agency over three years across both templates, a county government
 * whose 2021-template report prints （六） as one row and leaves table 4 blank, and a report with
 * blank, missing and inconsistent cells.
 */
export const FIXTURE_REPORTS: FixtureReport[] = [
  {
    id: 'a2020', agency: '示例省甲市教育局', level: 'prefecture_dept', province: '示例省', city: '甲市', year: 2020, template: '2019',
    values: {
      't3.new_received.natural_person': 10, 't3.new_received.commercial_enterprise': 2, 't3.new_received.total': 12,
      't3.carried_over_in.natural_person': 1, 't3.carried_over_in.total': 1,
      't3.granted.natural_person': 6, 't3.granted.total': 6,
      't3.partially_granted.commercial_enterprise': 1, 't3.partially_granted.total': 1,
      't3.unable_not_held.natural_person': 3, 't3.unable_not_held.total': 3,
      't3.np_repeat.natural_person': 1, 't3.np_repeat.commercial_enterprise': 1, 't3.np_repeat.total': 2,
      't3.outcome_total.natural_person': 10, 't3.outcome_total.commercial_enterprise': 2, 't3.outcome_total.total': 12,
      't3.carried_over_out.natural_person': 1, 't3.carried_over_out.total': 1,
      't2.centralized_procurement.procurement_projects': 3,
      't2.centralized_procurement.procurement_amount': { value: 668.7, state: 'number', raw: '668.7万元' },
      't4.review.upheld': 2, 't4.review.corrected': 1, 't4.review.pending': 1, 't4.review.total': 4,
      't4.lit_direct.upheld': 1, 't4.lit_direct.total': 1,
    },
    metrics: [
      ...wechat('甲市教育微信公众号', 14000, 180),
      { key: 'newmedia_followers', value: 90, unit: '个', platform: 'weibo', account: '甲市教育微博', evidence: '甲市教育微博粉丝量90个' },
      { key: 'newmedia_posts', value: 1500, unit: '条', platform: 'weibo', account: '甲市教育微博', evidence: '甲市教育微博发布信息1500条' },
      { key: 'procurement_amount', value: 668.7, unit: '万元', evidence: '全年政府集中采购金额668.7万元' },
    ],
  },
  {
    id: 'a2021', agency: '示例省甲市教育局', level: 'prefecture_dept', province: '示例省', city: '甲市', year: 2021, template: '2021',
    values: {
      't3.new_received.natural_person': 20, 't3.new_received.total': 20, 't3.carried_over_in.natural_person': 1, 't3.carried_over_in.total': 1,
      't3.granted.natural_person': 12, 't3.granted.total': 12, 't3.partially_granted.natural_person': 3, 't3.partially_granted.total': 3,
      't3.denied_third_party.natural_person': 1, 't3.denied_third_party.total': 1, 't3.unable_not_held.natural_person': 2, 't3.unable_not_held.total': 2,
      't3.other_no_correction.natural_person': 1, 't3.other_no_correction.total': 1,
      't3.outcome_total.natural_person': 19, 't3.outcome_total.total': 19, 't3.carried_over_out.natural_person': 2, 't3.carried_over_out.total': 2,
      't4.review.upheld': 3, 't4.review.corrected': 2, 't4.review.other': 1, 't4.review.total': 6,
    },
    metrics: [...wechat('甲市教育微信公众号', 16000, 200), { key: 'newmedia_followers', value: 30000, unit: '人', platform: 'douyin', account: '甲市教育抖音号', approx: true, evidence: '抖音号粉丝3万余人' }],
  },
  {
    id: 'a2022', agency: '示例省甲市教育局', level: 'prefecture_dept', province: '示例省', city: '甲市', year: 2022, template: '2021',
    values: {
      't3.new_received.natural_person': 30, 't3.new_received.total': 30, 't3.carried_over_in.natural_person': 2, 't3.carried_over_in.total': 2,
      't3.granted.natural_person': 20, 't3.granted.total': 20, 't3.partially_granted.natural_person': 5, 't3.partially_granted.total': 5,
      't3.unable_not_held.natural_person': 4, 't3.unable_not_held.total': 4,
      't3.outcome_total.natural_person': 29, 't3.outcome_total.total': 29, 't3.carried_over_out.natural_person': 3, 't3.carried_over_out.total': 3,
      't2.admin_fees.fee_amount': 1.5, 't4.review.corrected': 1, 't4.review.total': 1,
    },
  },
  {
    id: 'b2020', agency: '示例省乙县人民政府', level: 'county_gov', province: '示例省', city: '乙市', year: 2020, template: '2019',
    values: {
      't3.new_received.natural_person': 5, 't3.new_received.total': 5, 't3.granted.natural_person': 5, 't3.granted.total': 5,
      't3.outcome_total.natural_person': 5, 't3.outcome_total.total': 5,
      't2.centralized_procurement.procurement_projects': 395,
      't2.centralized_procurement.procurement_amount': { value: 7380.28959, state: 'number', raw: '73802895.90元' },
      't4.lit_after_review.other': 1, 't4.lit_after_review.total': 1,
    },
  },
  {
    id: 'b2022', agency: '示例省乙县人民政府', level: 'county_gov', province: '示例省', city: '乙市', year: 2022, template: '2021', otherCombined: true,
    values: {
      't3.new_received.natural_person': 8, 't3.new_received.total': 8, 't3.granted.natural_person': 4,
      't3.granted.total': { value: 4, state: 'inferred', raw: null },
      't3.other_handling.natural_person': 4, 't3.other_handling.total': 4,
      't3.outcome_total.natural_person': 8, 't3.outcome_total.total': 8,
      't4.review.upheld': null, 't4.review.corrected': null, 't4.review.other': null, 't4.review.pending': null, 't4.review.total': null,
    },
    metrics: [{ key: 'procurement_amount', value: 120, unit: '万元', evidence: '政府采购金额120万元' }],
  },
  {
    id: 'c2021', agency: '示例省丙区卫生健康委员会', level: 'county_dept', province: '示例省', city: '丙市', year: 2021, template: '2021', synthetic: false,
    values: {
      't3.new_received.natural_person': 3, 't3.new_received.total': null,
      't3.granted.natural_person': 3, 't3.granted.total': 3,
      't3.outcome_total.natural_person': 3, 't3.outcome_total.total': 4,
      't4.review.total': { value: null, state: 'missing', raw: null },
    },
  },
];
