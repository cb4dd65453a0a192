/**
 * Print a demo report the way real reports reach us: text extracted from a PDF (tab-separated,
 * one cell per line, space-aligned) or crawled with its cells run together, and Word-exported
 * HTML with rowspan/colspan. Every rendering carries the same figures and the same sentences.
 */
import { T2_GROUPS, T3_COL_KEYS, T3_GROUPS, TABLE_HEADINGS, T4_COL_KEYS, columnDef, tableDef, templateById, type TableId, type Template } from '../model/templates/index.ts';
import type { Cell, Metric, MetricKey } from '../model/report.ts';
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import type { DemoReport } from './generate.ts';
import { CellIndex } from './cell-index.ts';
import { Random } from './random.ts';

export type Rendering = 'text-tab' | 'text-lines' | 'text-layout' | 'text-runtogether' | 'html';
export const RENDERINGS: readonly Rendering[] = ['text-tab', 'text-lines', 'text-layout', 'text-runtogether', 'html'];

export interface RenderedReport {
  extension: '.txt' | '.html';
  content: string;
}

interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** A figure of the template; its text depends on how the rendering prints blanks. */
  cell?: Cell;
}

type Block =
  | { kind: 'title' | 'marker' | 'heading' | 'paragraph'; text: string }
  | { kind: 'table'; rows: GridCell[][] };

export function reportTitle(report: DemoReport): string {
  return `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
}

export function renderReport(report: DemoReport, rendering: Rendering): RenderedReport {
  const blocks = reportBlocks(report);
  switch (rendering) {
    case 'html':
      return { extension: '.html', content: renderHtml(blocks, reportTitle(report)) };
    case 'text-tab':
      return { extension: '.txt', content: renderText(blocks, tabRow, false) };
    case 'text-lines':
      return { extension: '.txt', content: renderText(blocks, (row) => row.map((c) => wrapLabel(cellText(c, '/'))).join('\n'), true) };
    case 'text-layout':
      return { extension: '.txt', content: renderLayout(blocks) };
    case 'text-runtogether':
      return { extension: '.txt', content: renderText(blocks, (row) => row.map((c) => cellText(c, '/')).join(''), false) };
  }
}

// ---- The document, independent of how it is printed -------------------------

const SECTION_HEADINGS = [
  ['一、总体情况'],
  ['二、主动公开政府信息情况'],
  ['三、收到和处理政府信息公开申请情况'],
  ['四、政府信息公开行政复议、行政诉讼情况', '四、申请行政复议、提起行政诉讼情况'],
  ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
  ['六、其他需要报告的事项'],
];

const SUBSECTIONS = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'] as const;
type Subsection = (typeof SUBSECTIONS)[number] | '其他';

const METRIC_PLACE: Record<MetricKey, Subsection> = {
  proactive_items_total: '主动公开', policy_docs_published: '主动公开', policy_interpretations: '主动公开',
  press_conferences: '主动公开', gazette_issues: '主动公开', portal_posts: '政府信息公开平台建设',
  newmedia_followers: '政府信息公开平台建设', newmedia_posts: '政府信息公开平台建设',
  inquiries_answered: '政府信息公开平台建设', complaints: '政府信息公开平台建设', suggestions: '政府信息公开平台建设',
  open_day_events: '监督保障', procurement_amount: '主动公开', info_processing_fee: '其他',
};

const FILLER: Record<Subsection, string[]> = {
  主动公开: ['坚持以公开为常态、不公开为例外，围绕中心工作及时公开重点领域信息', '严格落实公文类信息公开属性源头认定制度，做到应公开尽公开'],
  依申请公开: ['进一步规范依申请公开的受理、审查、答复等环节，确保依法按时答复', '畅通网上、信函、当面等申请渠道，答复文书统一规范'],
  政府信息管理: ['落实信息发布审查制度，坚持先审后发，杜绝泄密和不当公开', '定期对已公开政策文件进行清理，及时更新主动公开目录'],
  政府信息公开平台建设: ['持续优化政府信息公开专栏，提升栏目更新质量', '加强政务新媒体日常管理，做到及时更新、规范表述'],
  监督保障: ['将政务公开工作纳入年度考核，加强日常监督检查', '组织政务公开业务培训，提升工作人员能力水平'],
  其他: [],
};

function sentence(text: string): string {
  return /[。！？]$/.test(text) ? text : `${text}。`;
}

/** Sentences of one subsection, each metric sentence printed once even when it carries several metrics. */
function metricSentences(metrics: Metric[], place: Subsection): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of metrics) {
    if (METRIC_PLACE[m.key] !== place || seen.has(m.evidence)) continue;
    seen.add(m.evidence);
    out.push(sentence(m.evidence));
  }
  return out;
}


function applicationSentence(report: DemoReport, cells: CellIndex<Cell>): string {
  const valueOf = (row: string, col: string) => cells.get('t3', row, col)?.value ?? null;
  const received = valueOf('new_received', 'total');
  const carriedIn = valueOf('carried_over_in', 'total');
  const handled = valueOf('outcome_total', 'total');
  const carriedOut = valueOf('carried_over_out', 'total');
  if (received === null || carriedIn === null || handled === null || carriedOut === null) return '依法依规办理政府信息公开申请，具体情况见下表。';
  if (received + carriedIn === 0) return `${report.year}年未收到政府信息公开申请。`;
  return `${report.year}年共新收政府信息公开申请${received}件，上年结转${carriedIn}件，本年度办结${handled}件，结转下年度继续办理${carriedOut}件。`;
}

function reportBlocks(report: DemoReport): Block[] {
  const random = Random.derive(0, 'narrative', report.agency.name!, report.year);
  const cells = CellIndex.of(report.cells);
  const heading = (i: number) => ({ kind: 'heading' as const, text: random.pick(SECTION_HEADINGS[i]) });
  const inlineSubheads = random.chance(0.4);
  const blocks: Block[] = [
    { kind: 'title', text: reportTitle(report) },
    { kind: 'marker', text: SYNTHETIC_MARKER },
    { kind: 'paragraph', text: `本报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制，所列数据的统计期限为${report.year}年1月1日至${report.year}年12月31日。` },
    heading(0),
    { kind: 'paragraph', text: `${report.year}年，${report.agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，各项工作有序推进。` },
  ];
  SUBSECTIONS.forEach((name, i) => {
    const sentences = [sentence(random.pick(FILLER[name]))];
    if (name === '依申请公开') sentences.push(applicationSentence(report, cells));
    sentences.push(...metricSentences(report.metrics, name));
    const numbered = `（${'一二三四五'[i]}）${name}`;
    if (inlineSubheads) blocks.push({ kind: 'paragraph', text: `${name}方面：${sentences.join('')}` });
    else blocks.push({ kind: 'paragraph', text: numbered }, { kind: 'paragraph', text: sentences.join('') });
  });
  blocks.push(heading(1), { kind: 'table', rows: table2Rows(report, cells) });
  blocks.push(heading(2), { kind: 'table', rows: table3Rows(report, cells) });
  blocks.push(heading(3), { kind: 'table', rows: table4Rows(report, cells) });
  blocks.push(heading(4), {
    kind: 'paragraph',
    text: random.pick([
      '一是公开内容的全面性和及时性仍需提高；二是政策解读形式较为单一。下一步将加强统筹，丰富解读形式，提升公开质量。',
      '工作人员业务能力有待加强，部分栏目更新不够及时。下一步将加强培训，健全常态化检查机制。',
    ]),
  });
  const closing = metricSentences(report.metrics, '其他');
  blocks.push(heading(5), { kind: 'paragraph', text: closing.length > 0 ? closing.join('') : '无其他需要报告的事项。' });
  return blocks;
}

function figure(cells: CellIndex<Cell>, table: TableId, row: string, col: string): GridCell {
  const cell = cells.get(table, row, col);
  if (!cell) throw new Error(`demo report lacks ${table}.${row}.${col}`);
  return { text: cell.raw ?? '', cell };
}

/** Table 2 is printed block by block (第二十条第（N）项), each with its own header, four columns wide. */
function table2Rows(report: DemoReport, cells: CellIndex<Cell>): GridCell[][] {
  const def = tableDef(templateById(report.template), 't2');
  const rows: GridCell[][] = [];
  for (const group of Object.keys(T2_GROUPS)) {
    const groupRows = def.rows.filter((r) => r.group === group);
    if (groupRows.length === 0) continue;
    const cols = groupRows[0].cols;
    const lastSpan = 4 - cols.length;
    const spanLast = (items: GridCell[]) => items.map((c, i) => (i === items.length - 1 && lastSpan > 1 ? { ...c, colspan: lastSpan } : c));
    rows.push([{ text: T2_GROUPS[group].zh, colspan: 4 }]);
    rows.push([{ text: '信息内容' }, ...spanLast(cols.map((c) => ({ text: t2Header(templateById(report.template), c) })))]);
    for (const r of groupRows) rows.push([{ text: r.zh }, ...spanLast(cols.map((c) => figure(cells, 't2', r.key, c)))]);
  }
  return rows;
}

function t2Header(template: Template, col: string): string {
  const def = columnDef(template, 't2', col)!;
  return col === 'fee_amount' ? `${def.zh}（单位：万元）` : def.zh;
}

const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T3_FULL_LABELS: Record<string, string> = { partially_granted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' };

function table3Rows(report: DemoReport, cells: CellIndex<Cell>): GridCell[][] {
  const def = tableDef(templateById(report.template), 't3');
  const values = (row: string) => T3_COL_KEYS.map((c) => figure(cells, 't3', row, c));
  const rows: GridCell[][] = [
    [{ text: T3_CORNER, rowspan: 3, colspan: 3 }, { text: TABLE_HEADINGS.applicants.zh, colspan: 7 }],
    [{ text: def.columns[0].zh, rowspan: 2 }, { text: TABLE_HEADINGS.organisations.zh, colspan: 5 }, { text: def.columns[6].zh, rowspan: 2 }],
    def.columns.slice(1, 6).map((c) => ({ text: c.zh })),
  ];
  const outcomeSpan = def.rows.filter((r) => r.group !== undefined).length + 1;
  let previousGroup: string | undefined;
  for (const r of def.rows) {
    const labels: GridCell[] = [];
    if (r.key === 'granted') labels.push({ text: TABLE_HEADINGS.outcomes.zh, rowspan: outcomeSpan });
    const groupSize = def.rows.filter((x) => x.group === r.group).length;
    if (r.group === undefined || groupSize === 1) {
      // 一、二、四 span all three label columns; （一）（二）（六）（七） sit under 三、本年度办理结果.
      labels.push({ text: T3_FULL_LABELS[r.key] ?? r.zh, colspan: r.group === undefined && r.key !== 'outcome_total' ? 3 : 2 });
    } else {
      if (r.group !== previousGroup) labels.push({ text: T3_GROUPS[r.group].heading!.zh, rowspan: groupSize });
      labels.push({ text: r.zh });
    }
    previousGroup = r.group;
    rows.push([...labels, ...values(r.key)]);
  }
  return rows;
}

function table4Rows(report: DemoReport, cells: CellIndex<Cell>): GridCell[][] {
  const def = tableDef(templateById(report.template), 't4');
  const colLabels = def.columns.map((c) => ({ text: c.zh }));
  return [
    [{ text: def.rows[0].zh, colspan: 5 }, { text: TABLE_HEADINGS.litigation.zh, colspan: 10 }],
    [...colLabels.map((c) => ({ ...c, rowspan: 2 })), { text: def.rows[1].zh, colspan: 5 }, { text: def.rows[2].zh, colspan: 5 }],
    [...colLabels, ...colLabels],
    def.rows.flatMap((r) => T4_COL_KEYS.map((c) => figure(cells, 't4', r.key, c))),
  ];
}

// ---- Printing ------------------------------------------------------------------

/** A figure's printed text; a blank printed as nothing becomes `emptyGlyph` where nothing would vanish. */
function cellText(c: GridCell, emptyGlyph: string): string {
  if (!c.cell) return c.text;
  if (c.cell.state === 'blank') return c.cell.raw === '' || c.cell.raw === null ? emptyGlyph : c.cell.raw;
  return c.text;
}

/**
 * Text extracted from a PDF keeps a merged cell's empty fields after it (`申请人情况` then six
 * tabs), and an empty field opening a line may be a lost figure (table 4 of the Wuzhong
 * sample): only a blank between two printed fields prints empty; at a line's ends it prints `-`.
 */
function tabRow(row: GridCell[]): string {
  const fields = row.map((c, i) => cellText(c, i === 0 || i === row.length - 1 ? '-' : ''));
  return fields.join('\t') + '\t'.repeat((row[row.length - 1].colspan ?? 1) - 1);
}

function wrapLabel(text: string): string {
  const width = 16;
  if ([...text].length <= width || /^[\d.+\-/万元]+$/.test(text)) return text;
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

function wrapParagraph(text: string, width: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.+\-%]+|[\s\S]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (displayWidth(line) + displayWidth(token) > width && line !== '') {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  if (line) lines.push(line);
  return lines;
}

function renderText(blocks: Block[], printRow: (row: GridCell[]) => string, wrapParagraphs: boolean): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') out.push(...block.rows.map(printRow));
    else if (block.kind === 'paragraph' && wrapParagraphs) out.push(...wrapParagraph(block.text, 76));
    else out.push(block.text);
  }
  return out.join('\n') + '\n';
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** pdftotext -layout: labels on the left, figures right-aligned in columns, at least two spaces apart. */
function renderLayout(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') {
      out.push(block.kind === 'title' ? `        ${block.text}` : block.text);
      continue;
    }
    const labelsOf = (row: GridCell[]) => row.filter((c) => !c.cell).map((c) => c.text);
    const dataRows = block.rows.filter((row) => row.some((c) => c.cell));
    const labelWidth = Math.max(0, ...dataRows.map((row) => displayWidth(labelsOf(row).join('  ')))) + 4;
    const figureWidth = Math.max(6, ...dataRows.flatMap((row) => row.filter((c) => c.cell).map((c) => displayWidth(cellText(c, '-'))))) + 4;
    for (const row of block.rows) {
      const labels = labelsOf(row).join('  ');
      if (!row.some((c) => c.cell)) {
        out.push(row.length === 1 ? labels : ' '.repeat(Math.min(labelWidth, 12)) + row.map((c) => c.text).join('    '));
        continue;
      }
      const figures = row.filter((c) => c.cell).map((c) => padStart(cellText(c, '-'), figureWidth)).join('');
      out.push(labels ? padEnd(labels, labelWidth) + figures : figures.trimStart());
    }
  }
  return out.join('\n') + '\n';
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Word splits long header labels over several paragraphs inside one cell. */
const SPLIT_HEADERS: Record<string, string[]> = {
  社会公益组织: ['社会公益', '组织'],
  法律服务机构: ['法律服务', '机构'],
  商业企业: ['商业', '企业'],
};

function htmlCell(c: GridCell, index: number): string {
  const attrs = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
  const para = (inner: string) => `<p class="MsoNormal" align="center"><span>${inner}</span></p>`;
  let body: string;
  if (c.cell && c.cell.state === 'blank' && !c.cell.raw) body = index % 2 === 0 ? para('&nbsp;') : '';
  else if (!c.cell && SPLIT_HEADERS[c.text]) body = SPLIT_HEADERS[c.text].map((part) => para(escapeHtml(part))).join('');
  else body = para(escapeHtml(cellText(c, '')));
  return `<td${attrs} valign="center">${body}</td>`;
}

function renderHtml(blocks: Block[], title: string): string {
  const body: string[] = [];
  let cellIndex = 0;
  for (const block of blocks) {
    if (block.kind === 'table') {
      const rows = block.rows.map((row) => `<tr>${row.map((c) => htmlCell(c, cellIndex++)).join('')}</tr>`);
      body.push(`<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tbody>\n${rows.join('\n')}\n</tbody></table>`);
      continue;
    }
    const text = escapeHtml(block.text);
    if (block.kind === 'title') body.push(`<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:16pt">${text}</span></b></p>`);
    else if (block.kind === 'marker') body.push(`<p class="MsoNormal" align="center"><span>${text}</span></p>`);
    else if (block.kind === 'heading') body.push(`<p class="MsoNormal"><b><span style="font-family:黑体">${text}</span></b></p>`);
    else body.push(`<p class="MsoNormal" style="text-indent:32pt"><span>${text}</span></p>`);
  }
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>td{padding:0 5.4pt}</style>',
    '</head><body><div class="article-content">',
    ...body,
    '</div></body></html>',
    '',
  ].join('\n');
}
