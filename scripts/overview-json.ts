/**
 * Precompute the Overview's figures for the unfiltered dataset into `<dir>/overview.json`, so
 * the first chart draws before DuckDB-wasm has started (about a second). The same SQL the app
 * runs, here in native DuckDB over the Parquet files. The file carries the dataset's
 * manifest.json text: the app trusts it only while the manifest is unchanged.
 *
 *   npx tsx scripts/overview-json.ts [DIR]     (DIR defaults to public/data)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASET_TABLE_NAMES } from '../src/model/dataset.ts';
import { tablePath } from '../src/ingest/dataset-writer.ts';
import { overviewData } from '../src/app/queries/overview.ts';
import { reportMeasuresSql } from '../src/app/queries/measures.ts';
import { NO_FILTERS, reportWhere, sqlString } from '../src/app/queries/filters.ts';

export const OVERVIEW_FILE = 'overview.json';

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export async function writeOverviewJson(dir: string): Promise<string> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: missing; run npm run data first`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const table of DATASET_TABLE_NAMES) {
      const file = tablePath(dir, table);
      if (!existsSync(file)) throw new Error(`${file}: missing`);
      await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet(${sqlString(file)})`);
    }
    await connection.run(reportMeasuresSql());
    const run = async <T>(sql: string): Promise<T[]> => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
    };
    const data = await overviewData(run, reportWhere(NO_FILTERS));
    const out = join(dir, OVERVIEW_FILE);
    writeFileSync(out, JSON.stringify({ manifest: readFileSync(manifestPath, 'utf8'), data }) + '\n');
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'public/data');
  writeOverviewJson(dir).then(
    (out) => console.log(`wrote ${out}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
