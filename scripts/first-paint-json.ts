/**
 * Precompute every view's default-state answers (src/app/views/first-paint.ts) into
 * `<dir>/first-paint/<route>.json`, so each view draws before DuckDB-wasm has started. The same
 * SQL the app runs, here in native DuckDB over the browser database the app will read (or, for a
 * dataset without one, over the Parquet files with the derived tables made here). Each file carries the
 * dataset's manifest.json text: the app trusts it only while the manifest is unchanged.
 *
 *   npx tsx scripts/first-paint-json.ts [DIR]     (DIR defaults to public/data/demo)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { BROWSER_DB_FILE, DATASET_TABLE_NAMES, FIRST_PAINT_DIR, type BrowserDb } from '../src/model/dataset.ts';
import { tablePath } from '../src/ingest/dataset-writer.ts';
import { derivedTablesSql } from '../src/app/queries/derived.ts';
import { sqlString } from '../src/app/queries/filters.ts';
import { VIEW_QUERIES, datasetCountsSql, firstPaintAnswers, type DatasetCounts, type FirstPaintFile } from '../src/app/views/first-paint.ts';

/** As DuckDB-wasm hands them to the app (castBigIntToDouble, castDecimalToDouble): plain numbers. */
function plain(value: unknown, sql: string): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  throw new Error(`a first-paint answer holds a ${value.constructor.name}, which the app would not get from DuckDB-wasm as is: ${sql.slice(0, 120)}`);
}

export interface FirstPaintSummary {
  files: string[];
  bytes: number;
  /** Answers too large to ship (the view waits for DuckDB for them), by route. */
  left: Record<string, number>;
}

/** The dataset's browser database (scripts/browser-db.ts), when one was built from this manifest. */
function browserDbOf(dir: string, manifest: string): BrowserDb | null {
  const described = join(dir, BROWSER_DB_FILE);
  if (!existsSync(described)) return null;
  const browserDb = JSON.parse(readFileSync(described, 'utf8')) as BrowserDb;
  return browserDb.manifest === manifest && existsSync(join(dir, browserDb.file)) ? browserDb : null;
}

export async function writeFirstPaintJson(dir: string): Promise<FirstPaintSummary> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: missing; run npm run data first`);
  const manifest = readFileSync(manifestPath, 'utf8');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const browserDb = browserDbOf(dir, manifest);
    if (browserDb) {
      // what the browser will read, with the derived tables already in it: nothing derived twice
      await connection.run(`ATTACH ${sqlString(join(dir, browserDb.file))} AS browser (READ_ONLY)`);
      for (const table of browserDb.tables) await connection.run(`CREATE VIEW ${table} AS SELECT * FROM browser.${table}`);
    } else {
      for (const table of DATASET_TABLE_NAMES) {
        const file = tablePath(dir, table);
        if (!existsSync(file)) throw new Error(`${file}: missing`);
        await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(file)})`);
      }
      for (const sql of derivedTablesSql()) await connection.run(sql);
    }
    const run = async <T>(sql: string): Promise<T[]> => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v, sql)])) as T);
    };
    const [counts] = await run<DatasetCounts>(datasetCountsSql());
    const out = join(dir, FIRST_PAINT_DIR);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const summary: FirstPaintSummary = { files: [], bytes: 0, left: {} };
    for (const route of Object.keys(VIEW_QUERIES)) {
      const { answers, left } = await firstPaintAnswers(route, run);
      const file: FirstPaintFile = { manifest, route, counts: counts!, answers };
      const text = JSON.stringify(file) + '\n';
      const path = join(out, `${route}.json`);
      writeFileSync(path, text);
      summary.files.push(path);
      summary.bytes += Buffer.byteLength(text);
      if (left.length > 0) summary.left[route] = left.length;
    }
    return summary;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'public/data/demo');
  writeFirstPaintJson(dir).then(
    (s) => console.log(`wrote ${s.files.length} first-paint files (${(s.bytes / 1024).toFixed(0)} KB) in ${join(dir, FIRST_PAINT_DIR)}${Object.keys(s.left).length ? `; too large to precompute: ${Object.entries(s.left).map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
