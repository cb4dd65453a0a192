/**
 * Rows as downloadable files: CSV for spreadsheets and Parquet for analysis tools. Arquero writes
 * both the CSV (quoting, dates) and the Arrow the Parquet is made from; parquet-wasm, which the
 * app already uses to read its dataset, writes the Parquet.
 */
import { from, toArrowIPC, toCSV } from 'arquero';

/** Any row of plain values: a query's result row, or a table's. */
export type Row = object;
type Values = Record<string, unknown>;

/** Excel reads a CSV as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** The columns of the rows, in first-seen order (a column absent from the first row still gets one). */
function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Rows with every column present (null where a row lacks it) and bigint as number. */
function normalised(rows: readonly Row[]): Values[] {
  const columns = columnsOf(rows);
  return rows.map((row) => Object.fromEntries(columns.map((c) => {
    const value = (row as Values)[c];
    return [c, typeof value === 'bigint' ? Number(value) : value ?? null];
  })));
}

/** CSV, UTF-8 with a BOM; an empty value is an absent figure, never 0. */
export function csvText(rows: readonly Row[]): string {
  if (rows.length === 0) return BOM;
  const text = toCSV(from(normalised(rows)));
  return BOM + (text.endsWith('\n') ? text : `${text}\n`);
}

/** Arrow IPC stream of the rows, the form parquet-wasm reads. */
export function arrowIpc(rows: readonly Row[]): Uint8Array {
  return toArrowIPC(from(normalised(rows)), { format: 'stream' });
}

/** Parquet bytes of the rows, with `metadata` (source, filters) as the file's key-value metadata. */
export async function parquetBytes(rows: readonly Row[], metadata: Record<string, string>): Promise<Uint8Array> {
  const { loadParquetWasm } = await import('../db/parquet.ts');
  const parquet = await loadParquetWasm();
  const table = parquet.Table.fromIPCStream(arrowIpc(rows));
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setKeyValueMetadata(new Map(Object.entries(metadata)))
    .build();
  return parquet.writeParquet(table, properties);
}
