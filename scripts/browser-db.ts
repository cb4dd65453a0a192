/**
 * The dataset as one DuckDB database file for the browser (`<dir>/browser.json` names it):
 * every table of the Parquet dataset plus the derived ones (src/app/queries/derived.ts), so DuckDB-wasm attaches it and
 * reads only the pages a query needs, by HTTP range requests, instead of decoding every
 * Parquet file in JavaScript (which fails past some 10⁵ reports: the wasm heap is 4 GiB) and
 * deriving those tables again in the browser. The Parquet files stay the dataset's published form.
 *
 *   npx tsx scripts/browser-db.ts [DIR]     (DIR defaults to public/data/demo)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { BROWSER_DB_FILE, DATASET_TABLE_NAMES, MANIFEST_FILE, type BrowserDb } from '../src/model/dataset.ts';
import { tablePath } from '../src/ingest/dataset-writer.ts';
import { DERIVED_TABLE_NAMES, derivedTablesSql } from '../src/app/queries/derived.ts';
import { BY_YEAR_AND_LEVEL, sqlString } from '../src/app/queries/filters.ts';

/** The DuckDB storage format DuckDB-wasm (@duckdb/duckdb-wasm 1.32, DuckDB 1.4) reads. */
const STORAGE_VERSION = 'v1.4.0';

export async function writeBrowserDb(dir: string): Promise<{ file: string; bytes: number }> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: missing; run npm run data first`);
  for (const old of readdirSync(dir).filter((f) => /^browser\.[0-9a-f]+\.duckdb$|^building\.duckdb(\.wal)?$/.test(f))) rmSync(join(dir, old));
  const building = join(dir, 'building.duckdb');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${sqlString(building)} AS browser (STORAGE_VERSION ${sqlString(STORAGE_VERSION)})`);
    await connection.run('USE browser');
    for (const table of DATASET_TABLE_NAMES) {
      // reports are read on every filter change: stored by year and level, a filter skips segments
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(tablePath(dir, table))})${table === 'reports' ? ` ${BY_YEAR_AND_LEVEL}` : ''}`);
    }
    for (const sql of derivedTablesSql()) await connection.run(sql);
    await connection.run('CHECKPOINT');
    await connection.run('USE memory');
    await connection.run('DETACH browser');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const bytes = readFileSync(building);
  const file = `browser.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.duckdb`;
  writeFileSync(join(dir, file), bytes);
  rmSync(building);
  const described: BrowserDb = { manifest: readFileSync(manifestPath, 'utf8'), file, bytes: bytes.byteLength, tables: [...DATASET_TABLE_NAMES, ...DERIVED_TABLE_NAMES] };
  writeFileSync(join(dir, BROWSER_DB_FILE), `${JSON.stringify(described)}\n`);
  return { file: join(dir, file), bytes: statSync(join(dir, file)).size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'public/data/demo');
  writeBrowserDb(dir).then(
    (r) => console.log(`wrote ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
