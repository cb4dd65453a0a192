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

/**
 * Text columns whose few values repeat on every row (report id, row and column keys, states…)
 * wait as INTEGER codes into one table of strings, and are decoded when the table is written:
 * handing DuckDB a string costs a native call per value, most of the writer's time.
 */
const CODED: Partial<Record<DatasetTable, readonly string[]>> = {
  cells: ['report_id', 'table', 'row', 'col', 'state'],
  metrics: ['report_id', 'key', 'unit', 'platform', 'period_kind'],
  checks: ['report_id', 'rule', 'severity', 'row', 'col', 'status', 'cells'],
};
/** The table of coded strings (code, value). */
const STRINGS_TABLE = 'coded_strings';

/** Where rows of `table` wait: itself, or for a table with coded columns, a table beside it. */
const stagingOf = (table: DatasetTable): string => (CODED[table] ? `${table}_coded` : table);

function stagingTableSql(table: DatasetTable): string {
  const coded = CODED[table] ?? [];
  const columns = DATASET_TABLES[table].map(([name, type]) => `${quote(name)} ${coded.includes(name) ? 'INTEGER' : type}`);
  return `CREATE TABLE ${quote(stagingOf(table))} (${columns.join(', ')})`;
}

/** The table as the dataset defines it, its coded columns read back as their strings. */
function decodedViewSql(table: DatasetTable): string {
  const coded = CODED[table] ?? [];
  const joins: string[] = [];
  const columns = DATASET_TABLES[table].map(([name], i) => {
    if (!coded.includes(name)) return `t.${quote(name)}`;
    joins.push(`LEFT JOIN ${STRINGS_TABLE} s${i} ON s${i}.code = t.${quote(name)}`);
    return `s${i}.value AS ${quote(name)}`;
  });
  return `CREATE VIEW ${quote(table)} AS SELECT ${columns.join(', ')} FROM ${quote(stagingOf(table))} t ${joins.join(' ')}`;
}

type ColumnKind = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'CODED';

function columnValue(kind: ColumnKind, value: DatasetValue): DatasetValue {
  if (value === null) return null;
  switch (kind) {
    case 'VARCHAR': case 'CODED': return String(value);
    case 'INTEGER': case 'DOUBLE': return Number(value);
    case 'BOOLEAN': return Boolean(value);
    default: throw new Error(`dataset column type ${kind as string} has no appender`);
  }
}

/** One table's rows waiting for a full chunk, kept column by column. */
class ChunkBuffer {
  private readonly columns: DatasetValue[][];
  private readonly kinds: readonly ColumnKind[];
  private readonly types: readonly string[];
  /** Each coded column's last text and code: a report's rows repeat its id, table and row key. */
  private readonly lastText: (string | null)[];
  private readonly lastCode: number[];

  constructor(columns: readonly (readonly [string, string])[], coded: readonly string[], private readonly appender: DuckDBAppender, private readonly codeOf: (text: string) => number) {
    this.kinds = columns.map(([name, type]) => (coded.includes(name) ? 'CODED' : type as ColumnKind));
    this.types = this.kinds.map((kind) => (kind === 'CODED' ? 'INTEGER' : kind));
    this.columns = this.types.map(() => []);
    this.lastText = this.types.map(() => null);
    this.lastCode = this.types.map(() => -1);
  }

  add(row: DatasetRow): void {
    for (let i = 0; i < this.kinds.length; i++) {
      const value = columnValue(this.kinds[i], row[i]);
      if (this.kinds[i] !== 'CODED' || value === null) {
        this.columns[i].push(value);
        continue;
      }
      if (value !== this.lastText[i]) {
        this.lastText[i] = value as string;
        this.lastCode[i] = this.codeOf(value as string);
      }
      this.columns[i].push(this.lastCode[i]);
    }
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
  private readonly codes = new Map<string, number>();
  private readonly strings: ChunkBuffer;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: Record<DatasetTable, DuckDBAppender>,
    private readonly stringsAppender: DuckDBAppender,
    private readonly workDir: string,
  ) {
    const codeOf = (text: string) => this.codeOf(text);
    this.buffers = Object.fromEntries(DATASET_TABLE_NAMES.map((table) => [table, new ChunkBuffer(DATASET_TABLES[table], CODED[table] ?? [], appenders[table], codeOf)])) as Record<DatasetTable, ChunkBuffer>;
    this.strings = new ChunkBuffer([['code', 'INTEGER'], ['value', 'VARCHAR']], [], stringsAppender, codeOf);
  }

  private codeOf(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(text, code);
      this.strings.add([code, text]);
    }
    return code;
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
    await connection.run(`CREATE TABLE ${STRINGS_TABLE} (code INTEGER, value VARCHAR)`);
    for (const table of DATASET_TABLE_NAMES) {
      await connection.run(stagingTableSql(table));
      appenders[table] = await connection.createAppender(stagingOf(table));
      if (CODED[table]) await connection.run(decodedViewSql(table));
    }
    return new DatasetWriter(instance, connection, appenders, await connection.createAppender(STRINGS_TABLE), workDir);
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
    this.strings.close();
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
    this.stringsAppender.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.workDir, { recursive: true, force: true });
  }
}
