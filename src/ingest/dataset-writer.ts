/**
 * Turns parsed reports into the Parquet dataset of src/model/dataset.ts: rows are gathered per
 * table and handed to an in-memory DuckDB a data chunk (2,048 rows) at a time, then each table
 * is sorted and written once as ZSTD Parquet, so the same reports give the same bytes whatever
 * order they came in.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBAppender, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { DATASET_TABLES, DATASET_TABLE_NAMES, MANIFEST_FILE, tableFileName, type DatasetManifest, type DatasetTable } from '../model/dataset.ts';
import { reportRows, type DatasetRow, type DatasetValue } from '../model/dataset-rows.ts';
import type { CheckResult, ParsedReport } from '../model/report.ts';
import { severityOf } from '../model/rules.ts';
import { analyseSeries, seriesReport, type SeriesReport } from './series.ts';

export type { DatasetManifest } from '../model/dataset.ts';

/** Where a dataset folder keeps one table: the file its manifest names. */
export function tablePath(dir: string, table: DatasetTable): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as DatasetManifest;
  return path.join(dir, manifest.tables[table].file);
}

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

export function createTableSql(table: DatasetTable): string {
  const columns = DATASET_TABLES[table].map(([name, type]) => `${quote(name)} ${type}`);
  return `CREATE TABLE ${quote(table)} (${columns.join(', ')})`;
}

const DUCKDB_TYPES: Record<string, DuckDBType> = { VARCHAR, INTEGER, DOUBLE, BOOLEAN };
/** What the writer's DuckDB may hold in memory before it pages rows to its file. */
const WRITER_MEMORY = '1GB';
/** DuckDB's vector size: the most rows one data chunk holds. */
const CHUNK_ROWS = 2048;

function columnValue(type: string, value: DatasetValue): DatasetValue {
  if (value === null) return null;
  switch (type) {
    case 'VARCHAR': return String(value);
    case 'INTEGER': case 'DOUBLE': return Number(value);
    case 'BOOLEAN': return Boolean(value);
    default: throw new Error(`dataset column type ${type} has no appender`);
  }
}

/** One table's rows waiting for a full chunk, kept column by column. */
class ChunkBuffer {
  private readonly columns: DatasetValue[][];
  private readonly types: readonly string[];

  constructor(table: DatasetTable, private readonly appender: DuckDBAppender) {
    this.types = DATASET_TABLES[table].map(([, type]) => type);
    this.columns = this.types.map(() => []);
  }

  add(row: DatasetRow): void {
    this.types.forEach((type, i) => this.columns[i].push(columnValue(type, row[i])));
    if (this.columns[0].length === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.columns[0].length === 0) return;
    const chunk = DuckDBDataChunk.create(this.types.map((type) => DUCKDB_TYPES[type]));
    chunk.setColumns(this.columns);
    this.appender.appendDataChunk(chunk);
    for (const column of this.columns) column.length = 0;
  }

  close(): void {
    this.flush();
    this.appender.flushSync();
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class DatasetWriter {
  private readonly series: SeriesReport[] = [];
  private readonly counts = Object.fromEntries(DATASET_TABLE_NAMES.map((t) => [t, 0])) as Record<DatasetTable, number>;
  private readonly buffers: Record<DatasetTable, ChunkBuffer>;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: Record<DatasetTable, DuckDBAppender>,
    private readonly workDir: string,
  ) {
    this.buffers = Object.fromEntries(DATASET_TABLE_NAMES.map((table) => [table, new ChunkBuffer(table, appenders[table])])) as Record<DatasetTable, ChunkBuffer>;
  }

  /**
   * The rows wait in a DuckDB database on disk, not in memory, with a memory limit: a national
   * corpus (10⁵ reports, ~2·10⁷ cells) then pages to disk instead of growing the process. The
   * database lives in `workDir` (made, and removed on close), by default a new folder in the
   * system's temporary folder.
   */
  static async open(workDir?: string): Promise<DatasetWriter> {
    if (workDir) await mkdir(workDir, { recursive: true });
    else workDir = await mkdtemp(path.join(tmpdir(), 'gongkai-writer-'));
    const instance = await DuckDBInstance.create(path.join(workDir, 'rows.duckdb'), {
      memory_limit: WRITER_MEMORY,
      temp_directory: path.join(workDir, 'spill'),
    });
    const connection = await instance.connect();
    // One thread: a parallel Parquet writer may cut row groups differently from run to run.
    await connection.run('SET threads = 1');
    const appenders = {} as Record<DatasetTable, DuckDBAppender>;
    for (const table of DATASET_TABLE_NAMES) {
      await connection.run(createTableSql(table));
      appenders[table] = await connection.createAppender(table);
    }
    return new DatasetWriter(instance, connection, appenders, workDir);
  }

  /** Rows appended so far, per table. */
  get rowCounts(): Readonly<Record<DatasetTable, number>> {
    return this.counts;
  }

  add(report: ParsedReport, options: { synthetic: boolean }): void {
    this.series.push(seriesReport(report, options.synthetic));
    this.appendRows(reportRows(report, options));
  }

  private appendRows(rows: Partial<Record<DatasetTable, DatasetRow[]>>): void {
    for (const table of DATASET_TABLE_NAMES) {
      const tableRows = rows[table] ?? [];
      for (const row of tableRows) this.buffers[table].add(row);
      this.counts[table] += tableRows.length;
    }
  }

  /** Writes every table as DIR/<table>.parquet (ZSTD, rows sorted) and DIR/manifest.json. */
  async write(dir: string): Promise<DatasetManifest> {
    const { years, checks } = analyseSeries(this.series);
    this.appendRows({
      agency_years: years.map((y) => [y.agencyId, y.agency, y.year, y.reportId, y.status, y.synthetic]),
      checks: checks.map(({ reportId, check: c }) => [
        reportId, c.rule, severityOf(c.rule), c.row ?? null, c.col ?? null, c.status, c.left, c.right, c.cells?.join(',') ?? null, c.note ?? null,
      ]),
    });
    for (const buffer of Object.values(this.buffers)) buffer.close();
    await this.countSeriesFailures(checks);
    const tables = {} as DatasetManifest['tables'];
    for (const table of DATASET_TABLE_NAMES) {
      const target = path.join(dir, `${table}.parquet`);
      await this.connection.run(
        `COPY (SELECT * FROM ${quote(table)} ORDER BY ALL) TO '${target.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
      );
      const rows = Number((await this.connection.runAndReadAll(`SELECT count(*) FROM ${quote(table)}`)).getRows()[0][0]);
      const sha256 = await sha256OfFile(target);
      const file = tableFileName(table, sha256);
      await rename(target, path.join(dir, file));
      tables[table] = { file, rows, bytes: (await stat(path.join(dir, file))).size, sha256 };
    }
    const manifest: DatasetManifest = { format: 'gongkai-dataset', version: 1, tables };
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }

  /** A report's failed counts include the cross-year checks on it, known only once every report is in. */
  private async countSeriesFailures(checks: readonly { reportId: string; check: CheckResult }[]): Promise<void> {
    const failed = new Map<string, { hard: number; soft: number }>();
    for (const { reportId, check } of checks) {
      if (check.status !== 'fail') continue;
      const counts = failed.get(reportId) ?? { hard: 0, soft: 0 };
      counts[severityOf(check.rule)] += 1;
      failed.set(reportId, counts);
    }
    if (failed.size === 0) return;
    const values = [...failed].map(([reportId, counts]) => `('${reportId.replaceAll("'", "''")}', ${counts.hard}, ${counts.soft})`);
    await this.connection.run(
      `UPDATE reports SET failed_hard = failed_hard + f.hard, failed_soft = failed_soft + f.soft FROM (VALUES ${values.join(', ')}) f(id, hard, soft) WHERE reports.id = f.id`,
    );
  }

  async close(): Promise<void> {
    for (const appender of Object.values(this.appenders)) appender.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.workDir, { recursive: true, force: true });
  }
}
