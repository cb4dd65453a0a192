/**
 * SQL and checks for adding the reader's own reports to the loaded tables: rows a parsed report
 * gives (model/dataset-rows.ts) as an INSERT, and a dropped Parquet dataset checked against the
 * tables of model/dataset.ts, then appended without the reports the page already holds.
 */
import { DATASET_TABLES, DATASET_TABLE_NAMES, type DatasetTable } from '../../model/dataset.ts';
import type { DatasetRow, DatasetValue } from '../../model/dataset-rows.ts';
import type { Bilingual } from '../i18n/labels.ts';
import { sqlString } from './filters.ts';

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/** A value as a literal of the column's type, coerced as the CLI's appender coerces it. */
function literal(value: DatasetValue, type: string): string {
  if (value === null) return 'NULL';
  switch (type) {
    case 'VARCHAR': return sqlString(String(value));
    case 'INTEGER': return `${Math.trunc(Number(value))}::INTEGER`;
    // From text, so the double is the one the number's shortest form names (no DECIMAL step).
    case 'DOUBLE': return `${sqlString(String(Number(value)))}::DOUBLE`;
    case 'BOOLEAN': return value ? 'TRUE' : 'FALSE';
    default: throw new Error(`dataset column type ${type} has no literal`);
  }
}

export function insertRowsSql(table: DatasetTable, rows: readonly DatasetRow[]): string | null {
  if (rows.length === 0) return null;
  const columns = DATASET_TABLES[table];
  const values = rows.map((row) => `(${columns.map(([, type], i) => literal(row[i] ?? null, type)).join(', ')})`);
  return `INSERT INTO ${quote(table)} VALUES ${values.join(', ')}`;
}

/** The tables a dropped dataset must hold; agency_years is dataset-wide and may be left out. */
const REQUIRED_TABLES: readonly DatasetTable[] = ['reports', 'cells', 'metrics', 'checks'];

/** `reports.parquet` or `reports.<content hash>.parquet` (as `gongkai ingest` names them) → its table. */
export function datasetTableOf(fileName: string): DatasetTable | null {
  const match = /^([a-z_]+)(?:\.[0-9a-f]{6,64})?\.parquet$/i.exec(fileName);
  const table = match?.[1]!.toLowerCase();
  return (DATASET_TABLE_NAMES as readonly string[]).includes(table ?? '') ? (table as DatasetTable) : null;
}

export const stagedTable = (table: DatasetTable): string => `own_staged_${table}`;

/** What keeps the tables found (name → column names) from being appended, or none. */
export function datasetProblems(found: Partial<Record<DatasetTable, readonly string[]>>): Bilingual[] {
  const problems: Bilingual[] = [];
  const missing = REQUIRED_TABLES.filter((table) => !found[table]);
  if (missing.length > 0) {
    const names = missing.map((t) => `${t}.parquet`).join(', ');
    problems.push({ zh: `缺少表：${names}`, en: `missing table${missing.length > 1 ? 's' : ''}: ${names}` });
  }
  for (const table of DATASET_TABLE_NAMES) {
    const columns = found[table];
    if (!columns) continue;
    const absent = DATASET_TABLES[table].map(([name]) => name).filter((name) => !columns.includes(name));
    if (absent.length > 0) {
      problems.push({ zh: `${table}.parquet 缺少列：${absent.join(', ')}`, en: `${table}.parquet lacks column${absent.length > 1 ? 's' : ''}: ${absent.join(', ')}` });
    }
  }
  return problems;
}

/**
 * Appends the staged tables (stagedTable) to the loaded ones, columns cast to the dataset's
 * types, leaving out every report the page already holds; the ids added are in `own_added`.
 */
export function appendStagedSql(present: readonly DatasetTable[]): string {
  const select = (table: DatasetTable) => DATASET_TABLES[table].map(([name, type]) => `CAST(${quote(name)} AS ${type})`).join(', ');
  const statements = [
    `CREATE OR REPLACE TEMP TABLE own_added AS SELECT DISTINCT CAST(id AS VARCHAR) AS id FROM ${stagedTable('reports')} WHERE CAST(id AS VARCHAR) NOT IN (SELECT id FROM reports)`,
    ...present.map((table) => {
      const key = table === 'reports' ? 'id' : 'report_id';
      return `INSERT INTO ${quote(table)} SELECT ${select(table)} FROM ${stagedTable(table)} WHERE CAST(${quote(key)} AS VARCHAR) IN (SELECT id FROM own_added)`;
    }),
    ...present.map((table) => `DROP TABLE ${stagedTable(table)}`),
  ];
  return statements.join(';\n');
}
