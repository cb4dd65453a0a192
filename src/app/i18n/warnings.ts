/**
 * The parser's warnings (English sentences naming cells by key, docs/contract.md) in the reader's
 * language: each known sentence has its Chinese wording, and every cell key (`t3.granted.total`)
 * becomes the names the report prints. A sentence not in the list keeps its English, keys named.
 */
import type { Lang } from '../format.ts';
import type { TableId } from '../../model/templates/index.ts';
import { colName, rowName, tableName } from './labels.ts';

const KEY = /\b(t[234])(?:\.([a-z][a-z0-9_]*))?(?:\.([a-z][a-z0-9_]*))?\b/gu;

/** `t3.granted.total` → 表三 · 予以公开 · 总计 (or the English names). */
export function cellKeyText(table: string, row: string | undefined, col: string | undefined, lang: Lang): string {
  const id = table as TableId;
  return [tableName(id, lang), row && rowName(id, row, lang), col && colName(id, col, lang)].filter(Boolean).join(' · ');
}

const namedKeys = (text: string, lang: Lang) => text.replace(KEY, (_, t: string, r?: string, c?: string) => cellKeyText(t, r, c, lang));

const rowOf = (table: string, row: string, lang: Lang) => rowName(table as TableId, row, lang);

type Groups = Record<string, string>;
interface Known { pattern: RegExp; zh: (g: Groups) => string }

/** The part after "<where>: ", in the parser's words, with its Chinese. */
const KNOWN: readonly Known[] = [
  { pattern: /^(?<n>\d+) figures printed for (?<w>\d+) columns; read the (?<which>last|first) \d+$/u, zh: (g) => `印有 ${g.n} 个数字，而该行只有 ${g.w} 列；读取了${g.which === 'last' ? '最后' : '前'} ${g.w} 个` },
  { pattern: /^(?<n>\d+) figures after row (?<row>\w+) not read$/u, zh: (g) => `「${g.row}」行之后的 ${g.n} 个数字未读取` },
  { pattern: /^rows (?<rows>[\w, ]+) share (?<n>\d+) figures for (?<c>\d+) cells; (?<k>\d+) row\(s\) read$/u, zh: (g) => `${g.rows} 这几行共用 ${g.n} 个数字（应有 ${g.c} 个单元格）；读取了 ${g.k} 行` },
  { pattern: /^a line of figures after row (?<row>\w+) matches no template row; not read$/u, zh: (g) => `「${g.row}」行之后有一行数字对应不到模板中的任何一行，未读取` },
  { pattern: /^(?<n>\d+) figures printed for (?<w>\d+) cells; read the first \d+$/u, zh: (g) => `印有 ${g.n} 个数字，而只有 ${g.w} 个单元格；读取了前 ${g.w} 个` },
  { pattern: /^(?<n>\d+) printed fields cannot be read as (?<w>\d+) cells; cells left missing$/u, zh: (g) => `印出的 ${g.n} 项无法对应为 ${g.w} 个单元格；这些单元格记为缺失` },
  { pattern: /^no group total matches its parts when read in printed order \(figures out of order in the text\); (?<why>.*)$/u, zh: (g) => `按印出顺序读取时，没有一组的合计与其分项相符（文本中数字顺序错乱）；${g.why}` },
  { pattern: /^figures printed out of order; shared out by the groups' own totals(?:, (?<open>\d+) group\(s\) still ambiguous and left missing)?$/u, zh: (g) => `数字印出顺序错乱；已按各组自身的合计分配${g.open ? `，仍有 ${g.open} 组无法确定，记为缺失` : ''}` },
  { pattern: /^fewer figures printed than columns; cells left missing unless the table's arithmetic fixes them$/u, zh: () => '印出的数字少于列数；除非本表勾稽关系能确定，否则这些单元格记为缺失' },
  { pattern: /^'(?<shown>.*)' is not a figure this column can hold exactly; cell left missing$/u, zh: (g) => `“${g.shown}”不是该列能准确容纳的数字；单元格记为缺失` },
  { pattern: /^no unit printed for (?<col>.+); read as 万元$/u, zh: (g) => `${g.col}未印单位；按万元读取` },
  { pattern: /^figures lost in the text, inferred from the table's arithmetic: (?<notes>.*)$/u, zh: (g) => `文本中丢失的数字，由本表勾稽关系推算：${g.notes}` },
  { pattern: /^table not found in the text \(an image, or not printed\); no cells read$/u, zh: () => '文本中没有找到该表（可能是图片，或未印出）；未读取任何单元格' },
  { pattern: /^no figures found under the heading \(an image, or not printed\); no cells read$/u, zh: () => '标题下没有找到数字（可能是图片，或未印出）；未读取任何单元格' },
  { pattern: /^the text names no reporting body \(no title, no 本报告由…\/现将… sentence\)$/u, zh: () => '文本中没有写明报告机关（没有标题，也没有“本报告由…/现将…”等语句）' },
  { pattern: /^the text states no report year \(no year in the title, no statistics period\)$/u, zh: () => '文本中没有写明报告年度（标题中没有年份，也没有统计期间）' },
  { pattern: /^cannot tell the level of 「(?<name>.*)」$/u, zh: (g) => `无法判断「${g.name}」的层级` },
  { pattern: /^(?<field>\w+) (?<from>.*) → (?<to>.*) \(agency register\)$/u, zh: (g) => `${g.field}：${g.from} → ${g.to}（依机构登记表更正）` },
  { pattern: /^no table-2 header words of either version were found; no table cells read$/u, zh: () => '没有找到任一版本表二的表头文字；未读取表格单元格' },
  { pattern: /^header words of (?:both|several) versions found equally often \((?<n>\d+)\); no table cells read$/u, zh: (g) => `多个版本的表头文字出现次数相同（各 ${g.n} 次）；未读取表格单元格` },
];

const WHERE_ZH: Record<string, string> = { agency: '机构', year: '年度', 'template not detected': '未识别模板' };
/** A table named by its printed heading (when it was not found, there is no key to give). */
const TABLE_OF_HEADING: Record<string, TableId> = { '二、主动公开政府信息情况': 't2', '三、收到和处理政府信息公开申请情况': 't3', '四、行政复议、行政诉讼情况': 't4' };

/** Row keys inside an English sentence ("after row granted") named as the report prints them. */
function namedRows(text: string, table: string | undefined, lang: Lang): string {
  if (!table) return text;
  return text
    .replace(/\brow ([a-z][a-z0-9_]*)\b/gu, (_, row: string) => `row “${rowOf(table, row, lang)}”`)
    .replace(/^rows ([a-z0-9_, ]+) share/u, (_, rows: string) => `rows ${rows.split(', ').map((r) => `“${rowOf(table, r, lang)}”`).join(', ')} share`);
}

/** One warning in `lang`; in zh, row keys named inside the sentence become row names too. */
export function warningText(warning: string, lang: Lang): string {
  const colon = warning.indexOf(': ');
  if (colon < 0) return namedKeys(warning, lang);
  const where = warning.slice(0, colon);
  const rest = warning.slice(colon + 2);
  const table = /^(t[234])\b/u.exec(where)?.[1];
  const heading = TABLE_OF_HEADING[where];
  const whereText = heading ? tableName(heading, lang) : lang === 'zh' && WHERE_ZH[where] ? WHERE_ZH[where] : namedKeys(where, lang);
  if (lang === 'en') return `${whereText}: ${namedKeys(namedRows(rest, table, lang), lang)}`;
  for (const known of KNOWN) {
    const match = known.pattern.exec(rest);
    if (!match) continue;
    const groups: Groups = { ...match.groups };
    if (table && groups.row) groups.row = rowOf(table, groups.row, lang);
    if (table && groups.rows) groups.rows = groups.rows.split(', ').map((r) => rowOf(table, r, lang)).join('、');
    return `${whereText}：${namedKeys(known.zh(groups), lang)}`;
  }
  return `${whereText}：${namedKeys(rest, lang)}`;
}
