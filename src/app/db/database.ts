/**
 * The one owner of the DuckDB-wasm connection. Everything is served from the app's own
 * origin: DuckDB's wasm and worker are bundled by Vite, and the Parquet files are decoded in
 * JavaScript (parquet-wasm) because DuckDB-wasm would otherwise download its Parquet
 * extension from the internet, which fails offline (ARCHITECTURE.md, `src/app/` › `db/`).
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { BROWSER_DB_FILE, DATASET_TABLE_NAMES, MANIFEST_FILE, type BrowserDb, type DatasetManifest } from '../../model/dataset.ts';
import { DERIVED_TABLE_NAMES, derivedTablesSql } from '../queries/derived.ts';
import { dbStatus } from './status.svelte.ts';
import { loadParquetWasm } from './parquet.ts';
import { dataUrl, fetchDataText, servedManifestText } from './data-url.ts';
import { precomputedAnswer } from './precomputed.svelte.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let connection: Promise<duckdb.AsyncDuckDBConnection> | null = null;
/**
 * A browser database up to this size is fetched whole: range reads pay a request for every
 * block a filter change first touches, which on the bundled data made each view's first
 * change several times slower than the next. A larger one is read by ranges.
 */
const WHOLE_FILE_BYTES = 16 * 2 ** 20;
/** The dataset's tables as views over its attached browser database (read-only), until own reports need them writable. */
let attachedTables: readonly string[] = [];
const ATTACHED = 'dataset';

async function startEngine(): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection; http: duckdb.DuckDBDataProtocol }> {
  performance.mark('gongkai:engine-start');
  // loaded on demand so the first charts (drawn from precomputed answers) do not wait for this code
  const { selectBundle, AsyncDuckDB, VoidLogger, DuckDBDataProtocol } = await import('@duckdb/duckdb-wasm');
  const bundle = await selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  // range reads of the attached database: only the pages a query needs travel
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { allowFullHTTPReads: false, forceFullHTTPReads: false, reliableHeadRequests: true } });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  performance.mark('gongkai:engine-ready');
  return { db, conn, http: DuckDBDataProtocol.HTTP };
}

async function fetchWithProgress(file: string): Promise<Uint8Array> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  dbStatus.totalBytes += length;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    dbStatus.loadedBytes += bytes.byteLength;
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    dbStatus.loadedBytes += value.byteLength;
  }
  if (length === 0) dbStatus.totalBytes += size;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The browser database, when the dataset has one built from the manifest it serves now, with every table the app reads. */
async function browserDbFor(manifestText: string): Promise<BrowserDb | null> {
  const text = await fetchDataText(BROWSER_DB_FILE).catch(() => null);
  if (text === null) return null;
  try {
    const described = JSON.parse(text) as BrowserDb;
    const fileOk = typeof described.file === 'string' && /^[\w.-]+\.duckdb$/.test(described.file) && Number.isFinite(described.bytes);
    const tablesOk = Array.isArray(described.tables) && described.tables.every((t) => typeof t === 'string' && /^\w+$/.test(t))
      && [...DATASET_TABLE_NAMES, ...DERIVED_TABLE_NAMES].every((t) => described.tables.includes(t));
    return described.manifest === manifestText && fileOk && tablesOk ? described : null;
  } catch {
    return null;
  }
}

async function open(): Promise<duckdb.AsyncDuckDBConnection> {
  dbStatus.phase = 'loading';
  dbStatus.tableCount = DATASET_TABLE_NAMES.length;
  const engine = startEngine();
  // The manifest names the table files (by their content), so a dataset swapped in mid-load
  // is never read half old, half new.
  const manifestText = await servedManifestText();
  if (manifestText === null) throw new Error(`${MANIFEST_FILE}: not found`);
  const manifest = JSON.parse(manifestText) as DatasetManifest;
  const browserDb = await browserDbFor(manifestText);
  const whole = browserDb && browserDb.bytes <= WHOLE_FILE_BYTES ? fetchWithProgress(browserDb.file) : null;
  whole?.catch(() => undefined); // awaited below, once the engine is up
  const { db, conn, http } = await engine;
  if (browserDb) {
    if (whole) await db.registerFileBuffer(`${ATTACHED}.duckdb`, await whole);
    else await db.registerFileURL(`${ATTACHED}.duckdb`, new URL(dataUrl(browserDb.file), location.href).href, http, false);
    await conn.query(`ATTACH '${ATTACHED}.duckdb' AS ${ATTACHED} (READ_ONLY)`);
    for (const table of browserDb.tables) await conn.query(`CREATE VIEW ${table} AS SELECT * FROM ${ATTACHED}.${table}`);
    attachedTables = browserDb.tables;
    dbStatus.tablesLoaded = dbStatus.tableCount;
  } else {
    // only then: its 5 MB of wasm would otherwise travel and compile on every first visit for nothing
    await loadParquetTables(conn, manifest, loadParquetWasm());
    for (const sql of derivedTablesSql()) await conn.query(sql);
  }
  performance.mark('gongkai:measures-ready');
  const synthetic = await conn.query('SELECT count(*) AS n FROM reports WHERE synthetic');
  dbStatus.hasSynthetic = Number(synthetic.toArray()[0]?.n ?? 0) > 0;
  await lockDown(conn);
  dbStatus.phase = 'ready';
  performance.mark('gongkai:data-ready');
  return conn;
}

/** Without a browser database: every table's Parquet fetched whole, decoded by parquet-wasm, inserted as Arrow. */
async function loadParquetTables(conn: duckdb.AsyncDuckDBConnection, manifest: DatasetManifest, parquet: ReturnType<typeof loadParquetWasm>): Promise<void> {
  const files = DATASET_TABLE_NAMES.map((name) => {
    const file = manifest.tables?.[name]?.file;
    if (typeof file !== 'string' || !/^[\w.-]+\.parquet$/.test(file)) return Promise.reject(new Error(`${MANIFEST_FILE}: no valid file for table ${name}`));
    return fetchWithProgress(file).then((bytes) => ({ name, bytes }));
  });
  // every fetch is awaited below; none may reject unobserved meanwhile
  for (const pending of files) pending.catch(() => undefined);
  const { readParquet } = await parquet;
  for (const pending of files) {
    const { name, bytes } = await pending;
    let ipc: Uint8Array;
    try {
      ipc = readParquet(bytes).intoIPCStream();
    } catch (error) {
      throw new Error(`${name}.parquet: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
    }
    await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    dbStatus.tablesLoaded += 1;
  }
}

/**
 * The reader's own reports are added to the loaded tables: tables that are views over the
 * read-only browser database become in-memory copies first (once).
 */
export async function makeTablesWritable(): Promise<void> {
  const conn = await startDatabase();
  for (const table of attachedTables) {
    await conn.query(`DROP VIEW ${table}; CREATE TABLE ${table} AS SELECT * FROM ${ATTACHED}.${table}`);
  }
  attachedTables = [];
}

/**
 * Once the tables are in, no statement may reach a file, a URL or an extension (the SQL
 * console runs what a reader or a shared link typed), and none may turn that back on.
 * Arrow inserts (`insertArrowFromIPCStream`) read no file and keep working.
 */
async function lockDown(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
  await conn.query('SET enable_external_access = false');
  await conn.query('SET lock_configuration = true');
}

/** Start loading the dataset (idempotent); resolves when every table is queryable. */
export function startDatabase(): Promise<duckdb.AsyncDuckDBConnection> {
  connection ??= open().catch((error: unknown) => {
    dbStatus.phase = 'error';
    dbStatus.error = error instanceof Error ? error.message : String(error);
    throw error;
  });
  return connection;
}

/** Statements the app or the reader asked for, sent to DuckDB and not yet answered. */
let askedInFlight = 0;
function asked<T>(pending: Promise<T>): Promise<T> {
  askedInFlight += 1;
  return pending.finally(() => {
    askedInFlight -= 1;
  });
}

/**
 * SQL answered from precomputed rows has not run in DuckDB-wasm yet, and the first run of a
 * query's shape there costs 2–5× the next runs with other filters (measured on the bundled data:
 * Outcomes 381 ms, then 123, 87, 76): its wasm code is compiled on first use. Each such statement
 * runs once while the page is idle and nothing the reader asked for is pending, its rows
 * discarded, so the reader's first filter change on a view does not pay for that.
 */
const warmQueue: string[] = [];
const warmedSql = new Set<string>();

function whenIdle(step: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(step, { timeout: 1000 });
  else setTimeout(step, 50);
}

function warmLater(sql: string): void {
  if (warmedSql.has(sql)) return;
  warmedSql.add(sql);
  warmQueue.push(sql);
  if (dbStatus.warming) return;
  dbStatus.warming = true;
  startDatabase().then((conn) => {
    const step = () => {
      const next = warmQueue.shift();
      if (next === undefined) {
        dbStatus.warming = false;
        return;
      }
      if (askedInFlight > 0) {
        warmQueue.unshift(next);
        setTimeout(() => whenIdle(step), 100);
        return;
      }
      conn.query(next).then(() => performance.mark('gongkai:warmed', { detail: next }), () => undefined).finally(() => whenIdle(step));
    };
    whenIdle(step);
  }, () => {
    dbStatus.warming = false;
  });
}


function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Run SQL and return plain objects (numbers as numbers, NULL as null). A view's default-state
 * query is answered from its precomputed rows, without waiting for DuckDB.
 */
export async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const answered = await precomputedAnswer(sql);
  if (answered) {
    warmLater(sql);
    return answered as T[];
  }
  const conn = await startDatabase();
  const start = performance.now();
  const result = await asked(conn.query(sql));
  performance.measure('gongkai:query', { start, detail: sql.slice(0, 300) });
  const fields = result.schema.fields.map((f) => f.name);
  const columns = fields.map((_, i) => result.getChildAt(i)!);
  const rows: T[] = new Array(result.numRows);
  for (let r = 0; r < result.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < fields.length; c++) row[fields[c]] = plain(columns[c].get(r));
    rows[r] = row as T;
  }
  return rows;
}

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'other';

export interface ResultTable {
  columns: { name: string; type: string; kind: ColumnKind }[];
  /** Numbers as numbers, dates as ISO text, NULL as null, nested values as JSON text. */
  rows: unknown[][];
}

function columnKind(type: string): ColumnKind {
  if (/^(Int|Uint|Float|Decimal)/.test(type)) return 'number';
  if (/^(Utf8|LargeUtf8|Dictionary<.*Utf8>)/.test(type)) return 'text';
  if (/^Bool/.test(type)) return 'boolean';
  if (/^(Date|Timestamp)/.test(type)) return 'date';
  return 'other';
}

function cellValue(value: unknown, kind: ColumnKind, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (kind === 'date' && typeof value === 'number') return new Date(value).toISOString().slice(0, /^Date/.test(type) ? 10 : 19).replace('T', ' ');
  if (typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  return value;
}

/** Run SQL the app did not write (the SQL console): rows as arrays, with each column's name and type. */
export async function queryTable(sql: string): Promise<ResultTable> {
  const conn = await startDatabase();
  const start = performance.now();
  const result = await asked(conn.query(sql));
  performance.measure('gongkai:query', { start, detail: sql.slice(0, 300) });
  const columns = result.schema.fields.map((f) => ({ name: f.name, type: String(f.type), kind: columnKind(String(f.type)) }));
  const vectors = columns.map((_, i) => result.getChildAt(i)!);
  const rows: unknown[][] = new Array(result.numRows);
  for (let r = 0; r < result.numRows; r++) rows[r] = columns.map((c, i) => cellValue(vectors[i]!.get(r), c.kind, c.type));
  return { columns, rows };
}
