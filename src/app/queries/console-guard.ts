/**
 * Whether the SQL console may run a statement, typed or arriving in a shared link. Allowed: one
 * read-only statement (SELECT, WITH … SELECT, FROM-first, VALUES, TABLE, DESCRIBE, SUMMARIZE,
 * SHOW, PIVOT, UNPIVOT, EXPLAIN [ANALYZE] of those) that reads only the loaded tables, the
 * catalogue (information_schema, duckdb_tables()…) and generated rows (range, unnest…).
 * The statement is read as DuckDB's lexer reads it (comments, nested block comments, '…',
 * E'…' escapes, $tag$…$tag$, "quoted identifiers"), so text inside a literal never counts and
 * a comment never hides a second statement. Anything it cannot read with certainty is refused.
 * The engine is locked as well (db/database.ts): this guard is the first layer, not the only one.
 */
import { DATASET_TABLE_NAMES } from '../../model/dataset.ts';
import { REPORT_MEASURES_TABLE } from './measures.ts';
import type { Lang } from '../format.ts';

/** The tables the console reads: the dataset's and the measures built from them at load. */
export const CONSOLE_TABLES: readonly string[] = [...DATASET_TABLE_NAMES, REPORT_MEASURES_TABLE];

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct';
interface Token {
  kind: TokenKind;
  /** Words lower-cased; a quoted identifier's name as written; a string's content. */
  text: string;
}

export type Refusal =
  | { code: 'empty' }
  | { code: 'too_long' }
  | { code: 'unterminated' }
  | { code: 'several' }
  | { code: 'statement'; word: string }
  | { code: 'keyword'; word: string }
  | { code: 'file_function'; word: string }
  | { code: 'table'; word: string };

export type GuardResult = { ok: true } | { ok: false; refusal: Refusal };

const STATEMENTS = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'summarize', 'show', 'pivot', 'unpivot', 'explain']);

/**
 * Words of statements that write, reach outside or change settings, refused wherever they stand
 * unquoted (a CTE may precede INSERT; EXPLAIN ANALYZE is the one ANALYZE allowed). Other
 * statements (BEGIN, USE, COMMENT…) are refused by their first word.
 */
const REFUSED_KEYWORDS = new Set([
  'attach', 'detach', 'copy', 'export', 'import', 'install', 'load', 'set', 'reset', 'pragma', 'call', 'analyze',
  'create', 'insert', 'update', 'delete', 'drop', 'alter', 'truncate', 'merge', 'upsert', 'checkpoint', 'vacuum',
  'prepare', 'execute', 'deallocate', 'grant', 'revoke',
]);

/**
 * Table functions that read files, URLs or other databases, or run SQL handed to them as text.
 * A name followed by `(` anywhere in the statement is refused when it matches.
 */
const FILE_FUNCTION = /^(read_\w+|\w+_scan|\w*_metadata|parquet_\w+|glob|sniff_csv|iceberg_\w+|delta_\w+|st_read\w*|sqlite_\w+|postgres_\w+|mysql_\w+|excel_\w+|query|query_table|json_execute_serialized_sql|\w+_attach|http_\w+|ducklake_\w+)$/;

/** What may stand where a table does, besides the loaded tables and the statement's CTEs. */
const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest', 'duckdb_tables', 'duckdb_columns', 'duckdb_views', 'duckdb_types', 'duckdb_functions', 'pragma_table_info']);
const CATALOG_SCHEMAS = new Set(['information_schema']);
const TABLE_QUALIFIERS = new Set(['memory', 'main']);

/** Keywords after which the next reference is a table (a FROM list's commas too). */
const TABLE_POSITION = new Set(['from', 'join', 'table', 'describe', 'summarize', 'show', 'pivot', 'unpivot']);
/** Keywords that end a FROM list at their own depth. */
const FROM_LIST_END = new Set(['where', 'group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except', 'intersect', 'select']);
/** Functions whose own syntax has FROM inside the parentheses: extract(year FROM d), trim(both ' ' FROM s). */
const FROM_INSIDE_CALL = new Set(['extract', 'substring', 'trim', 'overlay', 'position']);

const WHITESPACE = /[ \t\n\r\f\v]/;
// DuckDB's lexer: an identifier starts with a letter, `_` or any non-ASCII character and goes on with digits and `$`
const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const NUMBER = /[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9]+)?/y;

/** What `pattern` (sticky) matches at `index`, without copying the rest of the text. */
function at(pattern: RegExp, text: string, index: number): string | null {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0] ?? null;
}

/** Longer than any query a reader types; a link past it is refused before it is read. */
export const MAX_STATEMENT_LENGTH = 20_000;

class Unterminated extends Error {}

/** Split into statements of tokens; comments dropped, literals kept whole. */
function lex(sql: string): Token[][] {
  const statements: Token[][] = [[]];
  const push = (token: Token) => statements[statements.length - 1]!.push(token);
  let i = 0;
  const until = (close: string, from: number, escapes: boolean): [string, number] => {
    let text = '';
    let j = from;
    for (;;) {
      if (j >= sql.length) throw new Unterminated();
      const c = sql[j]!;
      if (escapes && c === '\\') {
        if (j + 1 >= sql.length) throw new Unterminated();
        text += sql[j + 1];
        j += 2;
      } else if (c === close && sql[j + 1] === close) {
        text += c;
        j += 2;
      } else if (c === close) {
        return [text, j + 1];
      } else {
        text += c;
        j += 1;
      }
    }
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (WHITESPACE.test(c)) {
      i += 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') i += 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (depth > 0) {
        if (i >= sql.length) throw new Unterminated();
        if (sql[i] === '/' && sql[i + 1] === '*') { depth += 1; i += 2; }
        else if (sql[i] === '*' && sql[i + 1] === '/') { depth -= 1; i += 2; }
        else i += 1;
      }
    } else if (c === "'") {
      const [text, next] = until("'", i + 1, false);
      push({ kind: 'string', text });
      i = next;
    } else if (c === '"') {
      const [text, next] = until('"', i + 1, false);
      push({ kind: 'quoted', text });
      i = next;
    } else if (c === '$' && at(DOLLAR_TAG, sql, i)) {
      const tag = at(DOLLAR_TAG, sql, i)!;
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) throw new Unterminated();
      push({ kind: 'string', text: sql.slice(i + tag.length, end) });
      i = end + tag.length;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && IDENT_PART.test(sql[j]!)) j += 1;
      const word = sql.slice(i, j);
      if (sql[j] === "'" && /^[eE]$/.test(word)) {
        const [text, next] = until("'", j + 1, true);
        push({ kind: 'string', text });
        i = next;
      } else if (sql[j] === "'" && /^[xXbB]$/.test(word)) {
        const [text, next] = until("'", j + 1, false);
        push({ kind: 'string', text });
        i = next;
      } else {
        push({ kind: 'word', text: word.toLowerCase() });
        i = j;
      }
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const number = at(NUMBER, sql, i)!;
      push({ kind: 'number', text: number });
      i += number.length;
    } else if (c === ';') {
      statements.push([]);
      i += 1;
    } else {
      push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return statements.filter((s) => s.length > 0);
}

/** Names the statement's CTEs define: `WITH [RECURSIVE] a [(cols)] AS [NOT] [MATERIALIZED] (…), b AS (…)`. */
function cteNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  const skipParens = (from: number): number => {
    let depth = 0;
    for (let j = from; j < tokens.length; j++) {
      if (tokens[j]!.kind === 'punct' && tokens[j]!.text === '(') depth += 1;
      if (tokens[j]!.kind === 'punct' && tokens[j]!.text === ')' && --depth === 0) return j + 1;
    }
    return tokens.length;
  };
  const isPunct = (j: number, text: string) => tokens[j]?.kind === 'punct' && tokens[j]!.text === text;
  const isWord = (j: number, text: string) => tokens[j]?.kind === 'word' && tokens[j]!.text === text;
  tokens.forEach((token, start) => {
    if (!(token.kind === 'word' && token.text === 'with')) return;
    let j = isWord(start + 1, 'recursive') ? start + 2 : start + 1;
    for (;;) {
      const name = tokens[j];
      if (!name || (name.kind !== 'word' && name.kind !== 'quoted') || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name.text)) return;
      j += 1;
      if (isPunct(j, '(')) j = skipParens(j);
      if (!isWord(j, 'as')) return;
      j += 1;
      if (isWord(j, 'not')) j += 1;
      if (isWord(j, 'materialized')) j += 1;
      if (!isPunct(j, '(')) return;
      names.add(name.text.toLowerCase());
      j = skipParens(j);
      if (!isPunct(j, ',')) return;
      j += 1;
    }
  });
  return names;
}

/** The dotted name starting at `from` (`main.reports`, `"information_schema"."columns"`) and the index after it. */
function dottedName(tokens: readonly Token[], from: number): [string[], number] {
  const parts: string[] = [];
  let j = from;
  for (;;) {
    const token = tokens[j];
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted')) return [parts, j];
    parts.push(token.text.toLowerCase());
    j += 1;
    if (!(tokens[j]?.kind === 'punct' && tokens[j]!.text === '.')) return [parts, j];
    j += 1;
  }
}

/** Whether the reference at `from` (after FROM, JOIN, a FROM list's comma…) is one the console may read. */
function tableRefusal(tokens: readonly Token[], from: number, readable: ReadonlySet<string>, ctes: ReadonlySet<string>): Refusal | null {
  let j = from;
  if (tokens[j]?.kind === 'word' && tokens[j]!.text === 'lateral') j += 1;
  const token = tokens[j];
  if (!token) return null;
  if (token.kind === 'punct' && token.text === '(') return null;
  if (token.kind === 'word' && STATEMENTS.has(token.text)) return null;
  if (token.kind === 'string' || token.kind === 'number' || token.kind === 'punct') return { code: 'table', word: token.kind === 'string' ? `'${token.text}'` : token.text };
  const [parts, next] = dottedName(tokens, j);
  // DuckDB's prefix alias: in `FROM alias: reference` the reference comes after the colon
  const colon = tokens[next]?.kind === 'punct' && tokens[next]!.text === ':' && !(tokens[next + 1]?.kind === 'punct' && tokens[next + 1]!.text === ':');
  if (colon) return parts.length === 1 ? tableRefusal(tokens, next + 1, readable, ctes) : { code: 'table', word: parts.join('.') };
  const name = parts[parts.length - 1]!;
  const shown = parts.join('.');
  const call = tokens[next]?.kind === 'punct' && tokens[next]!.text === '(';
  if (call) {
    if (FILE_FUNCTION.test(name)) return { code: 'file_function', word: name };
    return parts.length === 1 && TABLE_FUNCTIONS.has(name) ? null : { code: 'table', word: shown };
  }
  if (parts.length === 2 && CATALOG_SCHEMAS.has(parts[0]!)) return null;
  if (parts.length === 1 && ctes.has(name)) return null;
  if (readable.has(name) && parts.slice(0, -1).every((q) => TABLE_QUALIFIERS.has(q))) return null;
  return { code: 'table', word: shown };
}

function statementRefusal(tokens: readonly Token[], readable: ReadonlySet<string>): Refusal | null {
  let first = 0;
  while (tokens[first]?.kind === 'punct' && tokens[first]!.text === '(') first += 1;
  const head = tokens[first];
  if (head?.kind === 'word' && head.text === 'explain') {
    first += tokens[first + 1]?.kind === 'word' && tokens[first + 1]!.text === 'analyze' ? 2 : 1;
    while (tokens[first]?.kind === 'punct' && tokens[first]!.text === '(') first += 1;
  }
  const opening = tokens[first];
  if (!opening || opening.kind !== 'word' || !STATEMENTS.has(opening.text) || opening.text === 'explain') {
    return { code: 'statement', word: opening ? opening.text : '' };
  }

  const ctes = cteNames(tokens);
  /** Per parenthesis depth: whether its FROM list is open (a comma there starts a table reference). */
  const fromList: boolean[] = [false];
  /** Per parenthesis depth: the word before its opening parenthesis. */
  const opener: (string | null)[] = [null];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (token.kind === 'punct') {
      if (token.text === '(') {
        fromList.push(false);
        const qualified = tokens[i - 2]?.kind === 'punct' && tokens[i - 2]!.text === '.';
        opener.push(previous?.kind === 'word' && !qualified ? previous.text : null);
      } else if (token.text === ')' && fromList.length > 1) {
        fromList.pop();
        opener.pop();
      } else if (token.text === ',' && fromList[fromList.length - 1]) {
        const refusal = tableRefusal(tokens, i + 1, readable, ctes);
        if (refusal) return refusal;
      }
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'quoted') continue;
    const calls = next?.kind === 'punct' && next.text === '(';
    if (calls && FILE_FUNCTION.test(token.text.toLowerCase())) return { code: 'file_function', word: token.text.toLowerCase() };
    // after a dot a keyword is a name (c.where, r.order): it neither ends a FROM list nor starts a statement
    if (token.kind !== 'word' || (previous?.kind === 'punct' && previous.text === '.')) continue;
    const word = token.text;
    if (word === 'analyze' && previous?.kind === 'word' && previous.text === 'explain') continue;
    if (REFUSED_KEYWORDS.has(word)) return { code: 'keyword', word };
    const depth = fromList.length - 1;
    if (FROM_LIST_END.has(word)) fromList[depth] = false;
    if (!TABLE_POSITION.has(word)) continue;
    if (word === 'from') {
      const beforeDistinct = tokens[i - 2];
      const distinctFrom = previous?.kind === 'word' && previous.text === 'distinct' && beforeDistinct?.kind === 'word' && (beforeDistinct.text === 'is' || beforeDistinct.text === 'not');
      if (distinctFrom || FROM_INSIDE_CALL.has(opener[depth] ?? '')) continue;
      fromList[depth] = true;
    }
    const after = tokens[i + 2];
    const listing = next?.kind === 'word' && (next.text === 'tables' || next.text === 'databases' || (next.text === 'all' && after?.kind === 'word' && after.text === 'tables'));
    if (word === 'show' && listing) continue;
    const refusal = tableRefusal(tokens, i + 1, readable, ctes);
    if (refusal) return refusal;
  }
  return null;
}

/** Decide whether `sql` may run in the console; `tables` are the ones it may read. */
export function guardStatement(sql: string, tables: readonly string[] = CONSOLE_TABLES): GuardResult {
  if (sql.length > MAX_STATEMENT_LENGTH) return { ok: false, refusal: { code: 'too_long' } };
  let statements: Token[][];
  try {
    statements = lex(sql);
  } catch (error) {
    if (error instanceof Unterminated) return { ok: false, refusal: { code: 'unterminated' } };
    throw error;
  }
  if (statements.length === 0) return { ok: false, refusal: { code: 'empty' } };
  if (statements.length > 1) return { ok: false, refusal: { code: 'several' } };
  const refusal = statementRefusal(statements[0]!, new Set(tables.map((t) => t.toLowerCase())));
  return refusal ? { ok: false, refusal } : { ok: true };
}

/** Why a statement was refused, in the reader's language. */
export function refusalText(refusal: Refusal, lang: Lang, tables: readonly string[] = CONSOLE_TABLES): string {
  const list = tables.join(', ');
  switch (refusal.code) {
    case 'empty':
      return lang === 'zh' ? '没有可运行的语句。' : 'There is no statement to run.';
    case 'too_long':
      return lang === 'zh' ? `语句超过 ${MAX_STATEMENT_LENGTH} 个字符，未运行。` : `The statement is longer than ${MAX_STATEMENT_LENGTH} characters; it was not run.`;
    case 'unterminated':
      return lang === 'zh' ? '语句中有未闭合的引号、注释或 $$ 字符串，无法确定其内容，未运行。' : 'A quote, comment or $$ string is not closed, so what the statement says cannot be told; it was not run.';
    case 'several':
      return lang === 'zh' ? '一次只能运行一条语句（分号分隔了多条）。' : 'Only one statement runs at a time (a semicolon separates several).';
    case 'statement':
      return lang === 'zh'
        ? `只能运行只读查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SUMMARIZE、SHOW、EXPLAIN），不能运行以“${refusal.word}”开头的语句。`
        : `Only read-only queries run here (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN), not a statement starting with “${refusal.word}”.`;
    case 'keyword':
      return lang === 'zh'
        ? `“${refusal.word.toUpperCase()}”会修改数据、读写文件、加载扩展或更改设置，本控制台不允许。`
        : `“${refusal.word.toUpperCase()}” changes data, reads or writes files, loads extensions or changes settings; the console does not allow it.`;
    case 'file_function':
      return lang === 'zh'
        ? `${refusal.word}() 会读取文件、网址或其他数据库，本控制台只能查询已载入的表：${list}。`
        : `${refusal.word}() reads files, URLs or other databases; the console only queries the loaded tables: ${list}.`;
    case 'table':
      return lang === 'zh'
        ? `不能读取“${refusal.word}”：本控制台只能查询已载入的表（${list}），不能读取文件或网址。`
        : `“${refusal.word}” cannot be read: the console only queries the loaded tables (${list}), never a file or URL.`;
  }
}
