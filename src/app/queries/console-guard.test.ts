import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { CONSOLE_EXAMPLES } from './console-examples.ts';
import { guardStatement, refusalText, type Refusal } from './console-guard.ts';

const refusal = (sql: string): Refusal | null => {
  const result = guardStatement(sql);
  return result.ok ? null : result.refusal;
};
const code = (sql: string) => refusal(sql)?.code ?? 'ok';

const ALLOWED = [
  'SELECT * FROM reports',
  'select count(*) from cells;',
  '  SELECT 1  ;  -- trailing comment',
  'FROM reports SELECT year, count(*) GROUP BY ALL',
  'FROM reports',
  'VALUES (1, 2), (3, 4)',
  'WITH t AS (SELECT * FROM reports WHERE year = 2023) SELECT count(*) FROM t',
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n',
  'WITH a AS MATERIALIZED (FROM cells), b AS (FROM a) SELECT count(*) FROM a, b',
  'DESCRIBE reports',
  'DESCRIBE SELECT * FROM checks',
  'SUMMARIZE report_measures',
  'SHOW TABLES',
  'SHOW ALL TABLES',
  'SHOW reports',
  'EXPLAIN SELECT * FROM metrics',
  'EXPLAIN ANALYZE SELECT count(*) FROM cells',
  '(SELECT 1) UNION (SELECT 2)',
  'TABLE reports',
  'SELECT * FROM main.reports r JOIN memory.main.cells c ON c.report_id = r.id',
  'SELECT * FROM "Reports"',
  'SELECT * FROM reports r, cells c, (SELECT 1) x, LATERAL (SELECT r.year) y WHERE r.id = c.report_id',
  'SELECT * FROM reports r JOIN cells c USING (id), metrics m',
  'SELECT * FROM range(10) t(i) CROSS JOIN unnest([1, 2]) u(x)',
  'SELECT table_name, column_name, data_type FROM information_schema.columns',
  'SELECT * FROM duckdb_tables()',
  // a literal or a quoted name may say anything: only its place in the statement counts
  "SELECT * FROM reports WHERE agency = 'COPY; DROP TABLE reports; ATTACH ''x'''",
  "SELECT * FROM reports WHERE source_file LIKE '%.csv' OR source_url = 'https://example.org/a.parquet'",
  "SELECT 'read_csv(''/etc/passwd'')' AS text, $$ ; INSTALL httpfs $$ AS dollar, $q$ LOAD x $q$ AS tagged",
  'SELECT 1 AS "COPY", 2 AS "select * from read_csv(\'x\')"',
  "SELECT E'it\\'s; COPY' AS escaped",
  'SELECT 1 /* ; DROP TABLE reports; */ AS x',
  'SELECT 1 /* outer /* nested ; COPY */ still a comment ; ATTACH */ AS x',
  "SELECT extract(year FROM now()), trim(both ' ' FROM agency), substring(agency FROM 1 FOR 2) FROM reports",
  "SELECT * FROM reports WHERE level IS DISTINCT FROM 'county'",
  'SELECT * REPLACE (upper(agency) AS agency) FROM reports',
  'SELECT r.year AS 年度, count(*) AS 年报数 FROM reports r GROUP BY 1',
  'PIVOT reports ON year USING count(*) GROUP BY level',
  'SELECT c.set, c.update FROM reports c',
  'SELECT n: count(*) FROM r: reports, c: cells WHERE r.id = c.report_id',
];

/** Each refused statement of the issue, then the evasions a hostile shared link would try. */
const REFUSED: [string, Refusal['code']][] = [
  ["SELECT * FROM read_csv('/etc/passwd')", 'file_function'],
  ["SELECT * FROM read_csv_auto('data.csv')", 'file_function'],
  ["SELECT * FROM read_parquet('https://example.org/x.parquet')", 'file_function'],
  ["SELECT * FROM parquet_scan('x.parquet')", 'file_function'],
  ["SELECT * FROM read_json_auto('x.json')", 'file_function'],
  ["SELECT * FROM read_ndjson_objects('x')", 'file_function'],
  ["SELECT * FROM read_text('/etc/hosts')", 'file_function'],
  ["SELECT * FROM read_blob('/etc/hosts')", 'file_function'],
  ["SELECT * FROM glob('/*')", 'file_function'],
  ["SELECT * FROM sniff_csv('x.csv')", 'file_function'],
  ["SELECT * FROM parquet_metadata('x.parquet')", 'file_function'],
  ["SELECT * FROM parquet_schema('x.parquet')", 'file_function'],
  ["SELECT * FROM iceberg_scan('s3://b/t')", 'file_function'],
  ["SELECT * FROM delta_scan('s3://b/t')", 'file_function'],
  ["SELECT * FROM query('SELECT * FROM read_csv(''x'')')", 'file_function'],
  ["SELECT * FROM query_table('x.csv')", 'file_function'],
  ["ATTACH 'https://example.org/x.duckdb' AS x", 'statement'],
  ['DETACH x', 'statement'],
  ["COPY reports TO 'out.csv'", 'statement'],
  ["COPY (SELECT 1) TO 'x.parquet' (FORMAT parquet)", 'statement'],
  ["EXPORT DATABASE 'dir'", 'statement'],
  ["IMPORT DATABASE 'dir'", 'statement'],
  ['INSTALL httpfs', 'statement'],
  ['LOAD httpfs', 'statement'],
  ['FORCE INSTALL httpfs', 'statement'],
  ['SET enable_external_access = true', 'statement'],
  ['RESET lock_configuration', 'statement'],
  ['PRAGMA enable_profiling', 'statement'],
  ['CALL pragma_version()', 'statement'],
  ['CREATE TABLE t AS SELECT 1', 'statement'],
  ['INSERT INTO reports SELECT * FROM reports', 'statement'],
  ["UPDATE reports SET agency = 'x'", 'statement'],
  ['DELETE FROM reports', 'statement'],
  ['DROP TABLE reports', 'statement'],
  ['ALTER TABLE reports ADD COLUMN x INT', 'statement'],
  ['BEGIN TRANSACTION', 'statement'],
  ['USE memory', 'statement'],
  // file paths and URLs used as tables (DuckDB's replacement scans)
  ["SELECT * FROM 'x.csv'", 'table'],
  ["FROM 'https://example.org/x.parquet'", 'table'],
  ['SELECT * FROM "http://example.org/x.csv"', 'table'],
  ["SELECT * FROM reports, '/etc/passwd'", 'table'],
  ["SELECT * FROM reports r JOIN 'x.csv' f ON true", 'table'],
  ["SELECT * FROM reports r POSITIONAL JOIN 'x.csv'", 'table'],
  ["SELECT * FROM reports r JOIN cells c ON r.id = c.report_id, 'x.csv'", 'table'],
  ["SELECT * FROM reports r JOIN cells c USING (id), 'x.csv'", 'table'],
  ['SELECT * FROM data.csv', 'table'],
  ['SELECT * FROM reports.csv', 'table'],
  ["SELECT * FROM $$x.csv$$", 'table'],
  ["TABLE 'x.csv'", 'table'],
  ["SELECT * FROM (TABLE 'x.csv')", 'table'],
  ["DESCRIBE 'x.csv'", 'table'],
  ["SUMMARIZE 'x.csv'", 'table'],
  ["SHOW 'x.csv'", 'table'],
  ["SHOW ALL 'x.csv'", 'table'],
  ["DESCRIBE TABLE 'x.csv'", 'table'],
  ["SELECT 1 WHERE 1 IS DISTINCT FROM (FROM 'x.csv' SELECT a)", 'table'],
  ["SELECT DISTINCT FROM 'x.csv'", 'table'],
  ["FROM 'x.csv' x, 'y.csv' y", 'table'],
  ["SELECT main.trim(FROM 'x.csv')", 'table'],
  // DuckDB's prefix aliases: the reference is after the colon
  ["SELECT * FROM reports: 'x.csv'", 'table'],
  ["SELECT * FROM reports r, cells: 'x.csv'", 'table'],
  ["SELECT * FROM reports JOIN q: read_csv('x.csv') ON true", 'file_function'],
  ['SELECT * FROM range(1) c("where") JOIN range(1) d ON c.where = 0, \'x.csv\'', 'table'],
  ['SELECT * FROM some_table', 'table'],
  ['SELECT * FROM other_db.main.reports', 'table'],
  ['SELECT * FROM sqlite_master', 'table'],
  // case, whitespace, comments and quoting
  ["sElEcT * fRoM ReAd_CsV('/etc/passwd')", 'file_function'],
  ["SELECT * FROM\n\tread_csv\n(\n'/etc/passwd')", 'file_function'],
  ["SELECT * FROM read_csv/* hidden */('/etc/passwd')", 'file_function'],
  ["SELECT * FROM \"read_csv\"('/etc/passwd')", 'file_function'],
  ["SELECT * FROM main.read_csv('/etc/passwd')", 'file_function'],
  ["SELECT * FROM \"READ_PARQUET\"('x')", 'file_function'],
  ["SELECT * FROM/**/'x.csv'", 'table'],
  ['SELECT 1; ATTACH \'x.db\'', 'several'],
  ['SELECT 1 -- comment\n; COPY reports TO \'x.csv\'', 'several'],
  ['SELECT 1 /* */; /* */ INSTALL httpfs', 'several'],
  ["SELECT 1; SELECT 2", 'several'],
  ["SELECT 'a'';' ; DROP TABLE reports --'", 'several'],
  ["SELECT E'x\\'' ; COPY reports TO 'y' --'", 'several'],
  ['SELECT 1 /* unclosed', 'unterminated'],
  ["SELECT 'unclosed", 'unterminated'],
  ['SELECT "unclosed', 'unterminated'],
  ['SELECT $$unclosed', 'unterminated'],
  ['SELECT 1 /* outer /* inner */ still open ; COPY x TO \'y\'', 'unterminated'],
  ['', 'empty'],
  [`SELECT ${'1 + '.repeat(6000)}1`, 'too_long'],
  ['  -- only a comment\n /* and another */ ;', 'empty'],
  // nested subqueries, CTEs, writes after a CTE, EXPLAIN of a write
  ["SELECT * FROM reports WHERE id IN (SELECT id FROM (SELECT * FROM read_csv('x.csv')))", 'file_function'],
  ["WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x", 'file_function'],
  ["WITH x AS (FROM 'x.csv') SELECT * FROM x", 'table'],
  ["WITH \"x.csv\" AS (SELECT 1) SELECT * FROM \"x.csv\"", 'table'],
  ['WITH x AS (SELECT 1) INSERT INTO reports SELECT * FROM x', 'keyword'],
  ['WITH x AS (SELECT 1) DELETE FROM reports', 'keyword'],
  ["EXPLAIN COPY reports TO 'x.csv'", 'statement'],
  ['EXPLAIN ANALYZE DROP TABLE reports', 'statement'],
  ['SELECT (SELECT count(*) FROM glob(\'*\'))', 'file_function'],
  ["SELECT * FROM reports WHERE EXISTS (FROM 'x.csv')", 'table'],
  ["SELECT * FROM reports WHERE extract(year FROM (SELECT max(x) FROM 'x.csv')) > 0", 'table'],
  ['SELECT * FROM reports UNION ALL SELECT * FROM "https://example.org/r.parquet"', 'table'],
  ["SELECT json_execute_serialized_sql('{}')", 'file_function'],
  ['SELECT 1 ANALYZE', 'keyword'],
];

describe('guardStatement', () => {
  it.each(ALLOWED)('runs %s', (sql) => {
    expect(refusal(sql)).toBeNull();
  });

  it.each(REFUSED)('refuses %s', (sql, expected) => {
    expect(code(sql)).toBe(expected);
  });

  it('lets every example query through, and each runs in DuckDB', async () => {
    const db: FixtureDb = await openFixtureDb(FIXTURE_REPORTS);
    try {
      for (const example of CONSOLE_EXAMPLES) {
        for (const lang of ['zh', 'en'] as const) {
          expect(refusal(example.sql[lang]), `${example.id} ${lang}`).toBeNull();
          await db.query(example.sql[lang]);
        }
      }
    } finally {
      db.close();
    }
  });

  it('names the word it refuses and says why in both languages', () => {
    const function_ = refusal("SELECT * FROM read_csv('x')")!;
    expect(refusalText(function_, 'zh')).toContain('read_csv()');
    expect(refusalText(function_, 'zh')).toContain('reports');
    expect(refusalText(function_, 'en')).toMatch(/reads files, URLs/);
    expect(refusalText(refusal("FROM 'https://x/y.csv'")!, 'en')).toContain("'https://x/y.csv'");
    expect(refusalText(refusal('INSTALL httpfs')!, 'zh')).toContain('install');
    for (const [sql] of REFUSED) {
      const r = refusal(sql)!;
      expect(refusalText(r, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(refusalText(r, 'en')).toMatch(/^[\x20-\x7e“”’≥…]+$/);
    }
  });
});

describe('the guard agrees with DuckDB about what is one statement', () => {
  let db: FixtureDb;
  beforeAll(async () => { db = await openFixtureDb([]); });
  afterAll(() => db.close());

  it.each([
    ["SELECT 'a;b' AS s", 'a;b'],
    ["SELECT E'it\\'s' AS s", "it's"],
    ['SELECT $t$x;y$t$ AS s', 'x;y'],
    ['SELECT 1 /* a /* b */ c */ AS s', 1],
  ])('%s', async (sql, value) => {
    expect(guardStatement(sql).ok).toBe(true);
    const [row] = await db.query<{ s: unknown }>(sql);
    expect(row!.s).toBe(value);
  });
});
