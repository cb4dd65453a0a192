/**
 * The reader's own reports: files dropped on the page, parsed one at a time in a Web Worker
 * (parse-worker.ts) and appended to the loaded tables, or a dropped Parquet dataset appended
 * as it is. Everything stays in this page; a reload forgets them.
 */
import { DATASET_TABLE_NAMES, type DatasetTable } from '../../model/dataset.ts';
import { makeTablesWritable, startDatabase, query } from '../db/database.ts';
import { retirePrecomputed } from '../db/precomputed.svelte.ts';
import { dataVersion } from '../db/query.svelte.ts';
import { dbStatus } from '../db/status.svelte.ts';
import { loadParquetWasm } from '../db/parquet.ts';
import { problemText } from '../i18n/problems.ts';
import type { Bilingual } from '../i18n/labels.ts';
import { sqlString } from '../queries/filters.ts';
import { derivedTablesSql } from '../queries/derived.ts';
import { appendStagedSql, datasetProblems, datasetTableOf, insertRowsSql, stagedTable } from '../queries/own-reports.ts';
import type { ParsedFile, ParseReply, ParseRequest } from './parse-worker.ts';

export type OwnStatus = 'waiting' | 'reading' | 'added' | 'duplicate' | 'failed';

export interface AddedReport {
  id: string;
  agency: string | null;
  year: number | null;
}

export interface OwnEntry {
  key: number;
  /** The file's name, or the names of a dataset's files. */
  name: string;
  status: OwnStatus;
  problems: Bilingual[];
  added: AddedReport[];
  /** For a dataset: reports it held that the page already had. */
  skipped: number;
}

class OwnReports {
  entries = $state<OwnEntry[]>([]);
  ids = $state.raw<ReadonlySet<string>>(new Set());
}

export const ownReports = new OwnReports();

let nextKey = 0;
let queue: Promise<void> = Promise.resolve();
let worker: Worker | null = null;
const replies = new Map<number, (outcome: ParsedFile) => void>();

function parseInWorker(file: File): Promise<ParsedFile> {
  worker ??= (() => {
    const created = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<ParseReply>) => {
      replies.get(event.data.id)?.(event.data.outcome);
      replies.delete(event.data.id);
    };
    // A worker that dies (out of memory on a huge file) fails the file it held; the next file gets a new one.
    created.onerror = (event) => {
      for (const resolve of replies.values()) resolve({ problem: `parser failed: ${event.message || 'the worker stopped'}` });
      replies.clear();
      created.terminate();
      worker = null;
    };
    return created;
  })();
  const id = nextKey++;
  return new Promise((resolve) => {
    replies.set(id, resolve);
    worker!.postMessage({ id, file } satisfies ParseRequest);
  });
}

/** Report files are parsed one after another; all `.parquet` files of one drop are one dataset. */
export function addOwnFiles(files: readonly File[]): void {
  const parquet = files.filter((f) => f.name.toLowerCase().endsWith('.parquet'));
  const reports = files.filter((f) => !parquet.includes(f));
  for (const file of reports) {
    const entry = track(file.name);
    queue = queue.then(() => addReport(entry, file));
  }
  if (parquet.length > 0) {
    const entry = track(parquet.map((f) => f.name).join(', '));
    queue = queue.then(() => addDataset(entry, parquet));
  }
}

function track(name: string): OwnEntry {
  ownReports.entries.push({ key: nextKey++, name, status: 'waiting', problems: [], added: [], skipped: 0 });
  return ownReports.entries[ownReports.entries.length - 1]!;
}

function fail(entry: OwnEntry, problems: Bilingual[]): void {
  entry.status = 'failed';
  entry.problems = problems;
}

async function addReport(entry: OwnEntry, file: File): Promise<void> {
  entry.status = 'reading';
  try {
    const parsed = await parseInWorker(file);
    if ('problem' in parsed) return fail(entry, [problemText(parsed.problem)]);
    await startDatabase();
    const report = { id: parsed.sha256, agency: parsed.agency, year: parsed.year };
    const present = await query(`SELECT 1 FROM reports WHERE id = ${sqlString(parsed.sha256)}`);
    if (present.length > 0) {
      entry.status = 'duplicate';
      entry.added = [report];
      return;
    }
    const inserts = DATASET_TABLE_NAMES.map((table) => insertRowsSql(table, parsed.rows[table])).filter((s) => s !== null);
    await joining();
    await inTransaction(inserts.join(';\n'));
    if (parsed.synthetic) dbStatus.hasSynthetic = true;
    await joined([report]);
    entry.added = [report];
    entry.status = 'added';
  } catch (error) {
    fail(entry, [problemText(error instanceof Error ? error.message : String(error))]);
  }
}

async function addDataset(entry: OwnEntry, files: readonly File[]): Promise<void> {
  entry.status = 'reading';
  const byTable = new Map<DatasetTable, File>();
  for (const file of files) {
    const table = datasetTableOf(file.name);
    if (!table) return fail(entry, [{ zh: `${file.name}：不是数据集的表文件`, en: `${file.name}: not a table file of a dataset` }]);
    byTable.set(table, file);
  }
  const staged: DatasetTable[] = [];
  try {
    const conn = await startDatabase();
    const { readParquet } = await loadParquetWasm();
    const found: Partial<Record<DatasetTable, string[]>> = {};
    for (const [table, file] of byTable) {
      let ipc: Uint8Array;
      try {
        ipc = readParquet(new Uint8Array(await file.arrayBuffer())).intoIPCStream();
      } catch {
        return fail(entry, [{ zh: `${file.name}：不是可读的 Parquet 文件`, en: `${file.name}: not a readable Parquet file` }]);
      }
      await conn.insertArrowFromIPCStream(ipc, { name: stagedTable(table), create: true });
      staged.push(table);
      found[table] = (await query<{ column_name: string }>(`DESCRIBE ${stagedTable(table)}`)).map((r) => r.column_name);
    }
    const problems = datasetProblems(found);
    if (problems.length > 0) return fail(entry, problems);
    const [held] = await query<{ n: number }>(`SELECT count(DISTINCT id)::INTEGER AS n FROM ${stagedTable('reports')} WHERE CAST(id AS VARCHAR) IN (SELECT id FROM reports)`);
    entry.skipped = held?.n ?? 0;
    await joining();
    await inTransaction(appendStagedSql(staged));
    staged.length = 0;
    const added = await query<AddedReport & { synthetic: boolean | null }>('SELECT r.id, r.agency, r.year::INTEGER AS year, r.synthetic FROM reports r JOIN own_added USING (id) ORDER BY r.agency, r.year');
    if (added.some((r) => r.synthetic)) dbStatus.hasSynthetic = true;
    if (added.length > 0) await joined(added);
    entry.added = added.map(({ id, agency, year }) => ({ id, agency, year }));
    entry.status = added.length > 0 ? 'added' : 'duplicate';
  } catch (error) {
    fail(entry, [problemText(error instanceof Error ? error.message : String(error))]);
  } finally {
    for (const table of staged) await query(`DROP TABLE IF EXISTS ${stagedTable(table)}`).catch(() => undefined);
  }
}

/** One call, so no other query of the page runs inside the transaction. */
async function inTransaction(sql: string): Promise<void> {
  try {
    await query(`BEGIN TRANSACTION;\n${sql};\nCOMMIT`);
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Before any row is added: the loaded tables take rows, and no precomputed answer is trusted. */
async function joining(): Promise<void> {
  retirePrecomputed();
  await makeTablesWritable();
}

/** After new reports are in: the derived tables again, every query re-run. */
async function joined(reports: readonly AddedReport[]): Promise<void> {
  for (const sql of derivedTablesSql()) await query(sql);
  ownReports.ids = new Set([...ownReports.ids, ...reports.map((r) => r.id)]);
  dataVersion.bump();
}
