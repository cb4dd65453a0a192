/**
 * parquet-wasm, loaded once and from the app's own origin: it decodes the dataset's Parquet
 * (DuckDB-wasm's own reader is an extension it would download) and writes Parquet downloads.
 */
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

type ParquetWasm = typeof import('parquet-wasm/esm');

let loading: Promise<ParquetWasm> | null = null;

export function loadParquetWasm(): Promise<ParquetWasm> {
  loading ??= import('parquet-wasm/esm').then(async (module) => {
    await module.default({ module_or_path: parquetWasm });
    return module;
  });
  return loading;
}
