import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_TABLES, DATASET_TABLE_NAMES, type DatasetTable } from '../../model/dataset.ts';
import { reportRows } from '../../model/dataset-rows.ts';
import { createTableSql, DatasetWriter, tablePath } from '../../ingest/dataset-writer.ts';
import { parseSource } from '../../ingest/parse-source.ts';
import { readSourceBytes } from '../../ingest/readers/bytes.ts';
import { brokenFile, ownReportFile } from '../../testing/own-report-files.ts';
import { appendStagedSql, datasetProblems, datasetTableOf, insertRowsSql, stagedTable } from './own-reports.ts';

async function parsed(file: { name: string; bytes: Uint8Array }, sha256: string) {
  const outcome = parseSource(await readSourceBytes(file.bytes, file.name), file.name, sha256);
  if ('problem' in outcome) throw new Error(outcome.problem);
  return outcome;
}

const rowsOf = async (connection: DuckDBConnection, sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

describe('own reports in SQL', () => {
  let dir: string;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gongkai-own-'));
    connection = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(async () => {
    connection.closeSync();
    await rm(dir, { recursive: true, force: true });
  });

  it('inserts exactly the rows the CLI writes for the same report', async () => {
    const report = await parsed(ownReportFile('示例县某局', 2022, 'html', '示例县某局.html'), 'e'.repeat(64));
    const writer = await DatasetWriter.open();
    writer.add(report.report, { synthetic: report.synthetic });
    await writer.write(dir);
    await writer.close();
    const rows = reportRows(report.report, { synthetic: report.synthetic });
    for (const table of ['reports', 'cells', 'metrics', 'checks'] as const) {
      await connection.run(createTableSql(table));
      const insert = insertRowsSql(table, rows[table]);
      if (insert) await connection.run(insert);
      const order = DATASET_TABLES[table].map(([name]) => `"${name}"`).join(', ');
      const written = await rowsOf(connection, `SELECT * FROM read_parquet('${tablePath(dir, table)}') ORDER BY ${order}`);
      expect(written.length, table).toBeGreaterThan(0);
      expect(await rowsOf(connection, `SELECT * FROM "${table}" ORDER BY ${order}`), table).toEqual(written);
    }
  });

  it('writes quotes, NULLs and doubles that are no short decimals as they are', async () => {
    const sql = insertRowsSql('metrics', [["it's", 'k', 0.1 + 0.2, null, null, null, true, null, '说明 "引号"']])!;
    await connection.run(sql);
    const [row] = await rowsOf(connection, "SELECT report_id, value, account, approx, evidence FROM metrics WHERE report_id = 'it''s'");
    expect(row).toEqual({ report_id: "it's", value: 0.1 + 0.2, account: null, approx: true, evidence: '说明 "引号"' });
  });

  it('knows a dataset table by its file name, with or without a content hash', () => {
    expect(datasetTableOf('reports.parquet')).toBe('reports');
    expect(datasetTableOf('agency_years.c344797f5a437174.parquet')).toBe('agency_years');
    expect(datasetTableOf('Cells.FBAF1084A5D30506.parquet')).toBe('cells');
    expect(datasetTableOf('people.parquet')).toBeNull();
    expect(datasetTableOf('reports.csv')).toBeNull();
  });

  it('names the tables and columns a dropped dataset lacks', () => {
    const complete = Object.fromEntries(DATASET_TABLE_NAMES.map((t) => [t, DATASET_TABLES[t].map(([n]) => n)])) as Record<DatasetTable, string[]>;
    expect(datasetProblems(complete)).toEqual([]);
    const { agency_years: _, ...withoutSeries } = complete;
    expect(datasetProblems(withoutSeries)).toEqual([]);
    const problems = datasetProblems({ reports: complete.reports.filter((c) => c !== 'year'), cells: complete.cells });
    expect(problems.map((p) => p.en)).toEqual(['missing tables: metrics.parquet, checks.parquet', 'reports.parquet lacks column: year']);
    expect(problems[0]!.zh).toBe('缺少表：metrics.parquet, checks.parquet');
  });

  it('appends a staged dataset without the reports already loaded', async () => {
    const other = await parsed(ownReportFile('示例县另一局', 2023, 'text-tab', '另一局.txt'), 'f'.repeat(64));
    const second = await mkdtemp(path.join(tmpdir(), 'gongkai-own-'));
    const writer = await DatasetWriter.open();
    const first = await parsed(ownReportFile('示例县某局', 2022, 'html', '示例县某局.html'), 'e'.repeat(64));
    writer.add(first.report, { synthetic: first.synthetic });
    writer.add(other.report, { synthetic: other.synthetic });
    await writer.write(second);
    await writer.close();
    await connection.run(createTableSql('agency_years'));
    for (const table of DATASET_TABLE_NAMES) {
      await connection.run(`CREATE TABLE ${stagedTable(table)} AS SELECT * FROM read_parquet('${tablePath(second, table)}')`);
    }
    const before = await rowsOf(connection, 'SELECT count(*)::INTEGER AS n FROM cells');
    await connection.run(appendStagedSql(DATASET_TABLE_NAMES));
    expect(await rowsOf(connection, 'SELECT id FROM own_added')).toEqual([{ id: 'f'.repeat(64) }]);
    expect(await rowsOf(connection, 'SELECT id FROM reports ORDER BY id')).toEqual([{ id: 'e'.repeat(64) }, { id: 'f'.repeat(64) }]);
    const after = await rowsOf(connection, 'SELECT count(*)::INTEGER AS n FROM cells');
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(other.report.cells.length);
    await rm(second, { recursive: true, force: true });
  });

  it('a broken file fails in the reader with a named reason', async () => {
    const file = brokenFile('坏文件.bin');
    await expect(readSourceBytes(file.bytes, file.name)).rejects.toThrow(/坏文件\.bin: binary file/);
  });
});
