import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_TABLES, DATASET_TABLE_NAMES, type DatasetTable } from '../model/dataset.ts';
import type { ParsedReport } from '../model/report.ts';
import { runChecks } from '../model/rules.ts';
import { templateById, templateCells } from '../model/templates/index.ts';
import { generateDemoReports } from '../demo/generate.ts';
import { Random } from '../demo/random.ts';
import { parseRendering } from '../demo/roundtrip.ts';
import { regionOf, reportRows } from '../model/dataset-rows.ts';
import { DatasetWriter, tablePath, type DatasetManifest } from './dataset-writer.ts';

function exampleReport(overrides: Partial<ParsedReport> = {}): ParsedReport {
  const cells: ParsedReport['cells'] = [
    { table: 't2', row: 'centralized_procurement', col: 'procurement_amount', value: 25.1, raw: '251000元', state: 'number' },
    { table: 't2', row: 'centralized_procurement', col: 'procurement_projects', value: null, raw: '/', state: 'blank' },
    { table: 't3', row: 'new_received', col: 'total', value: 7, raw: '7', state: 'number' },
    { table: 't3', row: 'carried_over_in', col: 'total', value: 0, raw: '0', state: 'number' },
    { table: 't3', row: 'outcome_total', col: 'total', value: 6, raw: '6', state: 'number' },
    { table: 't3', row: 'carried_over_out', col: 'total', value: 2, raw: '2', state: 'number' },
    { table: 't3', row: 'granted', col: 'total', value: 4, raw: null, state: 'inferred' },
    { table: 't4', row: 'review', col: 'upheld', value: null, raw: null, state: 'missing' },
  ];
  return {
    source: { file: 'a/示例甲.txt', sha256: 'a'.repeat(64), format: 'text' },
    agency: { name: '示例省甲市教育局', level: 'prefecture_dept', province: '示例省', city: '甲市', county: null, region_code: null, is_aggregate: false },
    year: 2022,
    template: '2019',
    cells,
    metrics: [
      { key: 'newmedia_followers', value: 1200, unit: '个', platform: 'wechat', account: '示例甲市教育微信', approx: true, evidence: '微信公众号关注约1200个' },
      { key: 'portal_posts', value: 35, unit: '条', evidence: '发布信息35条' },
    ],
    checks: [
      ...runChecks(cells, templateById('2019')).filter((c) => c.rule === 't3.balance' && c.col === 'total'),
      { rule: 't2.total_ge_new', row: 'regulations', status: 'fail', left: 1, right: 2, cells: ['t2.regulations.total_published', 't2.regulations.new_published'] },
      { rule: 'parse.split', row: 'granted', col: 'total', status: 'uncertain', left: null, right: null, note: 'two splits' },
    ],
    warnings: ['t3.granted.total inferred from t3.outcome_sum'],
    ...overrides,
  };
}

describe('reportRows', () => {
  it('lays each value out in the column order of DATASET_TABLES', () => {
    const rows = reportRows(exampleReport(), { synthetic: true });
    const reportRow = Object.fromEntries(DATASET_TABLES.reports.map(([name], i) => [name, rows.reports[0][i]]));
    expect(reportRow).toMatchObject({
      id: 'a'.repeat(64), agency: '示例省甲市教育局', region: '示例省甲市', year: 2022, template: '2019', synthetic: true,
    });
    expect(JSON.parse(reportRow.warnings as string)).toEqual(['t3.granted.total inferred from t3.outcome_sum']);
    for (const table of DATASET_TABLE_NAMES) {
      for (const row of rows[table]) expect(row).toHaveLength(DATASET_TABLES[table].length);
    }
  });

  it('counts each cell state and each check outcome into its own column', () => {
    const cellStates = [['inferred', 1], ['blank', 2], ['missing', 3], ['number', 4]] as const;
    const refs = templateCells(templateById('2019'));
    let at = 0;
    const cells = cellStates.flatMap(([state, n]) => refs.slice(at, (at += n)).map((ref) => {
      const value = state === 'number' || state === 'inferred' ? 1 : null;
      return { ...ref, value, raw: value === null ? null : '1', state };
    }));
    const checks = ([['t3.balance', 'fail', 5], ['t2.total_ge_new', 'fail', 6], ['t4.total', 'uncertain', 7], ['t3.row_total', 'pass', 8]] as const)
      .flatMap(([rule, status, n]) => Array.from({ length: n }, (_, i) => ({ rule, row: `r${i}`, status, left: null, right: null })));
    const rows = reportRows(exampleReport({ cells, checks }), { synthetic: false });
    const reportRow = Object.fromEntries(DATASET_TABLES.reports.map(([name], i) => [name, rows.reports[0][i]]));
    expect(reportRow).toMatchObject({ n_inferred: 1, n_blank: 2, n_missing: 3, n_number: 4, failed_hard: 5, failed_soft: 6, uncertain: 7 });
  });

  it('names a 直辖市 once in the region', () => {
    expect(regionOf({ name: null, level: null, province: '北京市', city: '北京市', county: '示例区', region_code: null, is_aggregate: null })).toBe('北京市示例区');
    expect(regionOf({ name: null, level: null, province: null, city: null, county: null, region_code: null, is_aggregate: null })).toBeNull();
  });
});

describe('DatasetWriter', () => {
  let dir: string;
  let manifest: DatasetManifest;
  const read = async (sql: string) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS();
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  };
  const parquet = (table: DatasetTable) => `read_parquet('${tablePath(dir, table)}')`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gongkai-writer-'));
    const writer = await DatasetWriter.open();
    try {
      writer.add(exampleReport(), { synthetic: false });
      writer.add(exampleReport({ source: { file: 'b.html', sha256: 'b'.repeat(64), format: 'html' }, metrics: [], checks: [], warnings: [] }), { synthetic: true });
      manifest = await writer.write(dir);
    } finally {
      await writer.close();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes every table with exactly the schema columns and types', async () => {
    for (const table of DATASET_TABLE_NAMES) {
      const schema = await read(`DESCRIBE SELECT * FROM ${parquet(table)}`);
      expect(schema.map((c) => [c.column_name, c.column_type])).toEqual(DATASET_TABLES[table].map(([n, t]) => [n, t]));
    }
  });

  it('keeps a blank cell NULL with state blank, and money in 万元 with the printed raw', async () => {
    const cells = await read(`SELECT "row", col, value, raw, state FROM ${parquet('cells')} WHERE report_id = '${'a'.repeat(64)}' AND "table" = 't2'`);
    expect(cells).toEqual([
      { row: 'centralized_procurement', col: 'procurement_amount', value: 25.1, raw: '251000元', state: 'number' },
      { row: 'centralized_procurement', col: 'procurement_projects', value: null, raw: '/', state: 'blank' },
    ]);
    const missing = await read(`SELECT value, raw FROM ${parquet('cells')} WHERE state = 'missing'`);
    expect(missing).toEqual([{ value: null, raw: null }, { value: null, raw: null }]);
  });

  it('records reports, metrics and checks as given', async () => {
    const reports = await read(`SELECT id, source_file, format, synthetic FROM ${parquet('reports')}`);
    expect(reports).toEqual([
      { id: 'a'.repeat(64), source_file: 'a/示例甲.txt', format: 'text', synthetic: false },
      { id: 'b'.repeat(64), source_file: 'b.html', format: 'html', synthetic: true },
    ]);
    const metrics = await read(`SELECT "key", value, platform, account, approx FROM ${parquet('metrics')}`);
    expect(metrics).toEqual([
      { key: 'newmedia_followers', value: 1200, platform: 'wechat', account: '示例甲市教育微信', approx: true },
      { key: 'portal_posts', value: 35, platform: null, account: null, approx: false },
    ]);
    const checks = await read(`SELECT rule, severity, status, "left", "right", cells FROM ${parquet('checks')} ORDER BY rule`);
    expect(checks).toEqual([
      { rule: 'parse.split', severity: 'soft', status: 'uncertain', left: null, right: null, cells: null },
      { rule: 't2.total_ge_new', severity: 'soft', status: 'fail', left: 1, right: 2, cells: 't2.regulations.total_published,t2.regulations.new_published' },
      { rule: 't3.balance', severity: 'hard', status: 'fail', left: 7, right: 8, cells: 't3.new_received.total,t3.carried_over_in.total,t3.outcome_total.total,t3.carried_over_out.total' },
    ]);
  });

  it('describes the files in manifest.json', async () => {
    const onDisk = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(onDisk).toEqual(manifest);
    expect(manifest.tables.reports).toMatchObject({ file: `reports.${manifest.tables.reports.sha256.slice(0, 16)}.parquet`, rows: 2 });
    expect(manifest.tables.cells.rows).toBe(16);
    expect(manifest.tables.metrics.rows).toBe(2);
    expect(manifest.tables.checks.rows).toBe(3);
    const compression = await read(`SELECT DISTINCT compression FROM parquet_metadata('${tablePath(dir, 'cells')}')`);
    expect(compression).toEqual([{ compression: 'ZSTD' }]);
  });
});

describe('DatasetWriter across years', () => {
  it('counts a failed cross-year check in the failed totals of the report it is on', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gongkai-series-'));
    const writer = await DatasetWriter.open();
    const later = exampleReport({ source: { file: 'c.txt', sha256: 'c'.repeat(64), format: 'text' }, year: 2023, checks: [] });
    later.cells = later.cells.map((cell) => (cell.row === 'carried_over_in' ? { ...cell, value: 0, raw: '0' } : cell));
    try {
      writer.add(exampleReport(), { synthetic: false });
      writer.add(later, { synthetic: false });
      await writer.write(dir);
    } finally {
      await writer.close();
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
      const failing = await rows(`SELECT report_id, rule, status FROM read_parquet('${tablePath(dir, 'checks')}') WHERE rule LIKE 'x.%' AND status = 'fail'`);
      expect(failing).toEqual([{ report_id: 'c'.repeat(64), rule: 'x.carried_over', status: 'fail' }]);
      const counts = await rows(`SELECT id, failed_hard, failed_soft FROM read_parquet('${tablePath(dir, 'reports')}') ORDER BY id`);
      expect(counts).toEqual([
        { id: 'a'.repeat(64), failed_hard: 1, failed_soft: 1 },
        { id: 'c'.repeat(64), failed_hard: 0, failed_soft: 1 },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('DatasetWriter with reports in any order', () => {
  it('writes the same bytes however the reports arrive, over rows spanning many data chunks', async () => {
    const reports = generateDemoReports({ seed: 3, agencies: 6 }).map((report, i) => {
      const parsed = parseRendering(report, 'text-tab');
      return { ...parsed, source: { file: `r${i}.txt`, sha256: String(i).padStart(64, '0'), format: 'text' as const } };
    });
    expect(reports.reduce((rows, r) => rows + r.cells.length, 0)).toBeGreaterThan(3 * 2048);
    const shuffled = [...reports];
    const random = new Random(9);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const write = async (order: ParsedReport[]) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'gongkai-writer-order-'));
      const writer = await DatasetWriter.open();
      try {
        for (const report of order) writer.add(report, { synthetic: true });
        return (await writer.write(dir)).tables;
      } finally {
        await writer.close();
        await rm(dir, { recursive: true, force: true });
      }
    };
    expect(await write(shuffled)).toEqual(await write(reports));
  });
});
