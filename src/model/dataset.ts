/**
 * The Parquet dataset the CLI writes and the app reads: table names and columns, in order.
 * One place so ingest and app can never disagree on a column name.
 */
export const DATASET_TABLES = {
  reports: [
    ['id', 'VARCHAR'], // sha256 of the source file's bytes
    ['agency', 'VARCHAR'],
    ['level', 'VARCHAR'],
    ['province', 'VARCHAR'],
    ['city', 'VARCHAR'],
    ['county', 'VARCHAR'],
    ['region', 'VARCHAR'], // province, city and county joined as written (宁夏回族自治区吴忠市)
    ['year', 'INTEGER'],
    ['template', 'VARCHAR'],
    ['source_file', 'VARCHAR'],
    ['format', 'VARCHAR'],
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
} as const;

export type DatasetTable = keyof typeof DATASET_TABLES;
export const DATASET_TABLE_NAMES = Object.keys(DATASET_TABLES) as DatasetTable[];

/**
 * Every demo report the project generates carries this line, so a generated file is recognised
 * as invented wherever it travels, and ingest marks its row `synthetic`.
 */
export const SYNTHETIC_MARKER = '【Gongkai 演示数据：虚构机构，数字为生成数据】';
