/**
 * Rows as downloadable files: CSV for spreadsheets and Parquet for analysis tools. Arquero writes
 * the Arrow the Parquet is made from; parquet-wasm, which the app already uses to read its
 * dataset, writes the Parquet.
 */

/** Any row of plain values: a query's result row, or a table's. */
export type Row = object;
type Values = Record<string, unknown>;

/** Excel reads a CSV as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';
/** Text a spreadsheet would run as a formula; kept as text by a leading apostrophe (OWASP on CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV of a header and rows of values: UTF-8 with a BOM, RFC 4180; an absent figure is empty, never 0. */
export function csvFromColumns(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

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

/** CSV of rows of objects, one column per key (csvFromColumns). */
export function csvText(rows: readonly Row[]): string {
  const columns = columnsOf(rows);
  return csvFromColumns(columns, rows.map((row) => columns.map((c) => (row as Values)[c])));
}

/** Arrow IPC stream of the rows, the form parquet-wasm reads. Arquero loads with the first Parquet download, not with the page. */
export async function arrowIpc(rows: readonly Row[]): Promise<Uint8Array> {
  const { from, toArrowIPC } = await import('arquero');
  return toArrowIPC(from(normalised(rows)), { format: 'stream' });
}

/** Parquet bytes of the rows, with `metadata` (source, filters) as the file's key-value metadata. */
export async function parquetBytes(rows: readonly Row[], metadata: Record<string, string>): Promise<Uint8Array> {
  const { loadParquetWasm } = await import('../db/parquet.ts');
  const parquet = await loadParquetWasm();
  const table = parquet.Table.fromIPCStream(await arrowIpc(rows));
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setKeyValueMetadata(new Map(Object.entries(metadata)))
    .build();
  return parquet.writeParquet(table, properties);
}
