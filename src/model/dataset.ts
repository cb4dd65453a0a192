/**
 * The Parquet dataset the CLI writes and the app reads: table names and columns, in order.
 * One place so ingest and app can never disagree on a column name.
 */
export const DATASET_TABLES = {
  reports: [
    ['id', 'VARCHAR'], // sha256 of the source file's bytes
    ['agency_id', 'VARCHAR'], // one id per body across years and renamings (data/agencies.tsv)
    ['agency', 'VARCHAR'],
    ['level', 'VARCHAR'],
    ['province', 'VARCHAR'],
    ['city', 'VARCHAR'],
    ['county', 'VARCHAR'],
    ['region', 'VARCHAR'], // province, city and county joined as written (宁夏回族自治区吴忠市)
    ['region_code', 'VARCHAR'], // GB/T 2260
    ['is_aggregate', 'BOOLEAN'], // a government's region-wide report: never summed with its members; NULL = unknown
    ['year', 'INTEGER'],
    ['template', 'VARCHAR'],
    ['source_file', 'VARCHAR'],
    ['format', 'VARCHAR'],
    ['source_url', 'VARCHAR'], // where the report was published, when the input's MANIFEST.tsv says
    ['synthetic', 'BOOLEAN'], // true for the project's own generated demo reports
    ['n_number', 'INTEGER'],
    ['n_blank', 'INTEGER'],
    ['n_inferred', 'INTEGER'],
    ['n_missing', 'INTEGER'],
    ['failed_hard', 'INTEGER'],
    ['failed_soft', 'INTEGER'],
    ['uncertain', 'INTEGER'],
    ['warnings', 'VARCHAR'], // JSON array of strings
  ],
  cells: [
    ['report_id', 'VARCHAR'],
    ['table', 'VARCHAR'],
    ['row', 'VARCHAR'],
    ['col', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['raw', 'VARCHAR'],
    ['state', 'VARCHAR'],
  ],
  metrics: [
    ['report_id', 'VARCHAR'],
    ['key', 'VARCHAR'],
    ['value', 'DOUBLE'],
    ['unit', 'VARCHAR'],
    ['platform', 'VARCHAR'],
    ['account', 'VARCHAR'],
    ['approx', 'BOOLEAN'],
    ['period_kind', 'VARCHAR'], // annual | cumulative
    ['evidence', 'VARCHAR'],
  ],
  checks: [
    ['report_id', 'VARCHAR'],
    ['rule', 'VARCHAR'],
    ['severity', 'VARCHAR'],
    ['row', 'VARCHAR'],
    ['col', 'VARCHAR'],
    ['status', 'VARCHAR'],
    ['left', 'DOUBLE'],
    ['right', 'DOUBLE'],
    ['cells', 'VARCHAR'], // comma-separated cell keys the rule read
    ['note', 'VARCHAR'],
  ],
  // Each agency's years from its first report to the dataset's last year (ingest/series.ts).
  agency_years: [
    ['agency_id', 'VARCHAR'],
    ['agency', 'VARCHAR'],
    ['year', 'INTEGER'],
    ['report_id', 'VARCHAR'], // NULL when the year has no report, or several
    ['status', 'VARCHAR'], // report | no_tables | no_report | several
    ['synthetic', 'BOOLEAN'],
  ],
} as const;

export type DatasetTable = keyof typeof DATASET_TABLES;
export const DATASET_TABLE_NAMES = Object.keys(DATASET_TABLES) as DatasetTable[];

/**
 * Every demo report the project generates carries this line, so a generated file is recognised
 * as invented wherever it travels, and ingest marks its row `synthetic`.
 */
export const SYNTHETIC_MARKER = '【Gongkai 演示数据：虚构机构，数字为生成数据】';

/**
 * The datasets the app can open, each in its own folder under public/data/. The app opens on
 * the real one; the demo one is a visible switch away and badged. They are never merged.
 */
export const DATASETS = { real: 'real', demo: 'demo' } as const;
export type DatasetName = keyof typeof DATASETS;
export const DEFAULT_DATASET: DatasetName = 'real';

/**
 * A dataset folder: its table files and this manifest, which names them. Table files are named
 * by their content (`reports.<sha256 prefix>.parquet`), so a new dataset's files move in beside
 * the old ones and replacing manifest.json switches readers from one whole dataset to the other.
 */
export interface DatasetManifest {
  format: 'gongkai-dataset';
  version: 1;
  tables: Record<DatasetTable, { file: string; rows: number; bytes: number; sha256: string }>;
}

export const MANIFEST_FILE = 'manifest.json';

/** Names the dataset's DuckDB database file for the browser (scripts/browser-db.ts). */
export const BROWSER_DB_FILE = 'browser.json';

export interface BrowserDb {
  /** The manifest.json text the database was built from: the app uses it only while that is the one served. */
  manifest: string;
  file: string;
  /** The file's size: a small one is fetched whole, a large one read by ranges. */
  bytes: number;
  tables: string[];
}

/** The folder of a dataset holding each view's precomputed first-paint answers, `<route>.json` (scripts/first-paint-json.ts). */
export const FIRST_PAINT_DIR = 'first-paint';

export function tableFileName(table: DatasetTable, sha256: string): string {
  return `${table}.${sha256.slice(0, 16)}.parquet`;
}
