/**
 * What the versions of the national template (国办公开办函〔2019〕60号 and its 〔2021〕30号
 * revision) print alike: table 3's applicants and outcome rows, table 4, and their arithmetic.
 * Each version's own file (v2019.ts, v2021.ts) assembles its tables from these parts.
 */
import { cellKey, type Bilingual, type ColumnDef, type OtherRows, type RowDef, type RuleInstance, type TableDef, type TableId } from './types.ts';

export const col = (key: string, zh: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key, zh, en, ...extra });

export const TABLE_NAMES: Record<TableId, Bilingual> = {
  t2: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
  t3: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
  t4: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation' },
};

export const T2_GROUPS: Record<string, Bilingual> = {
  art20_1: { zh: '第二十条第（一）项', en: 'Art. 20 (1) rules and normative documents' },
  art20_5: { zh: '第二十条第（五）项', en: 'Art. 20 (5) licensing and services' },
  art20_6: { zh: '第二十条第（六）项', en: 'Art. 20 (6) penalties and coercion' },
  art20_8: { zh: '第二十条第（八）项', en: 'Art. 20 (8) fees' },
  art20_9: { zh: '第二十条第（九）项', en: 'Art. 20 (9) centralised procurement' },
};

export const table2 = (columns: readonly ColumnDef[], rows: readonly RowDef[]): TableDef =>
  ({ id: 't2', ...TABLE_NAMES.t2, columns, rows, layout: 'rows', rowTotal: false });

// ---- Table 3 ---------------------------------------------------------------

export const ORG_COLS = ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'] as const;
export const T3_COL_KEYS = ['natural_person', ...ORG_COLS, 'total'] as const;

const T3_COLUMNS: ColumnDef[] = [
  col('natural_person', '自然人', 'Natural persons'),
  col('commercial_enterprise', '商业企业', 'Commercial enterprises', { short: { zh: '商业企业', en: 'Businesses' } }),
  col('research_institution', '科研机构', 'Research institutions', { short: { zh: '科研机构', en: 'Research bodies' } }),
  col('social_welfare_org', '社会公益组织', 'Social-welfare organisations', { short: { zh: '社会公益组织', en: 'Social-welfare orgs' } }),
  col('legal_service_org', '法律服务机构', 'Legal-service organisations', { short: { zh: '法律服务机构', en: 'Legal-service orgs' } }),
  col('other_org', '其他', 'Other organisations', { short: { zh: '其他组织', en: 'Other orgs' } }),
  col('total', '总计', 'Total'),
];

const t3 = (key: string, zh: string, en: string, pattern: RegExp, group?: string): RowDef => ({ key, zh, en, cols: T3_COL_KEYS, group, pattern });

const T3_HEAD: RowDef[] = [
  t3('new_received', '一、本年新收政府信息公开申请数量', 'New applications received', /本年新收/g),
  t3('carried_over_in', '二、上年结转政府信息公开申请数量', 'Carried over from last year', /上年结转/g),
];
/** The outcome rows before （六）其他处理. */
const T3_OUTCOMES: RowDef[] = [
  t3('granted', '（一）予以公开', 'Granted', /予以公开/g, 'granted'),
  t3('partially_granted', '（二）部分公开', 'Partially granted', /部分公开/g, 'partially_granted'),
  t3('denied_state_secret', '1.属于国家秘密', 'Denied: state secret', /国家秘密/g, 'denied'),
  t3('denied_prohibited_by_law', '2.其他法律行政法规禁止公开', 'Denied: prohibited by law', /其他法律[和及、]?行政/g, 'denied'),
  t3('denied_security_stability', '3.危及“三安全一稳定”', 'Denied: security and stability', /三安全一稳定|危及.{0,2}三安全/g, 'denied'),
  t3('denied_third_party', '4.保护第三方合法权益', 'Denied: third-party rights', /第三方合法权/g, 'denied'),
  t3('denied_internal_affairs', '5.属于三类内部事务信息', 'Denied: internal affairs', /三类内部事务/g, 'denied'),
  t3('denied_process_info', '6.属于四类过程性信息', 'Denied: process information', /四类过程性/g, 'denied'),
  t3('denied_enforcement_file', '7.属于行政执法案卷', 'Denied: enforcement file', /行政执法案[卷件]/g, 'denied'),
  t3('denied_admin_query', '8.属于行政查询事项', 'Denied: administrative query', /行政查询事项/g, 'denied'),
  t3('unable_not_held', '1.本机关不掌握相关政府信息', 'Unable: not held', /不掌握相关/g, 'unable'),
  t3('unable_needs_creation', '2.没有现成信息需要另行制作', 'Unable: would need creating', /没有现成信息/g, 'unable'),
  t3('unable_unclear', '3.补正后申请内容仍不明确', 'Unable: unclear after correction', /补正后申请/g, 'unable'),
  t3('np_petition_complaint', '1.信访举报投诉类申请', 'Not processed: petition or complaint', /信访举报/g, 'not_processed'),
  t3('np_repeat', '2.重复申请', 'Not processed: repeat', /\d[.、]重复申请/g, 'not_processed'),
  t3('np_publication', '3.要求提供公开出版物', 'Not processed: publication', /公开出版物/g, 'not_processed'),
  t3('np_mass_repeat', '4.无正当理由大量反复申请', 'Not processed: mass repeat', /大量反复申请/g, 'not_processed'),
  t3('np_confirm_reissue', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: confirm or reissue', /确认或重新出具/g, 'not_processed'),
];
const T3_TAIL: RowDef[] = [
  t3('outcome_total', '（七）总计', 'Outcomes total', /\([七7]\)总计/g),
  t3('carried_over_out', '四、结转下年度继续办理', 'Carried over to next year', /结转下年度/g),
];
const OTHER_COMBINED: RowDef[] = [t3('other_handling', '（六）其他处理', 'Other handling', /\([六6]\)其他处理/g, 'other')];
const OTHER_SPLIT: RowDef[] = [
  t3('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Other: no correction supplied', /逾期不补正/g, 'other'),
  t3('other_fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Other: fee unpaid', /收费通知/g, 'other'),
  t3('other_other', '3.其他', 'Other: other', /3[.、]其他(?!法律)/g, 'other'),
];

/** Table 3's outcome groups; a group of several rows is printed under its numbered heading. */
export const T3_GROUPS: Record<string, Bilingual & { heading?: Bilingual }> = {
  granted: { zh: '予以公开', en: 'Granted' },
  partially_granted: { zh: '部分公开', en: 'Partially granted' },
  denied: { zh: '不予公开', en: 'Denied', heading: { zh: '（三）不予公开', en: '(3) Denied' } },
  unable: { zh: '无法提供', en: 'Unable to provide', heading: { zh: '（四）无法提供', en: '(4) Unable to provide' } },
  not_processed: { zh: '不予处理', en: 'Not processed', heading: { zh: '（五）不予处理', en: '(5) Not processed' } },
  other: { zh: '其他处理', en: 'Other handling', heading: { zh: '（六）其他处理', en: '(6) Other handling' } },
};

/** Words printed over groups of cells in tables 3 and 4: the column groups and the outcome rows. */
export const TABLE_HEADINGS = {
  applicants: { zh: '申请人情况', en: 'Applicants' },
  organisations: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
  outcomes: { zh: '三、本年度办理结果', en: 'Outcomes this year' },
  litigation: { zh: '行政诉讼', en: 'Administrative litigation' },
} satisfies Record<string, Bilingual>;

/** The rows of （六）其他处理 in each layout. */
export const OTHER_ROWS: Record<OtherRows, readonly string[]> = {
  combined: OTHER_COMBINED.map((r) => r.key),
  split: OTHER_SPLIT.map((r) => r.key),
};

export function outcomeRows(otherRows: OtherRows): string[] {
  return [...T3_OUTCOMES.map((r) => r.key), ...OTHER_ROWS[otherRows]];
}

export const table3 = (otherRows: OtherRows): TableDef => ({
  id: 't3', ...TABLE_NAMES.t3, columns: T3_COLUMNS,
  rows: [...T3_HEAD, ...T3_OUTCOMES, ...(otherRows === 'combined' ? OTHER_COMBINED : OTHER_SPLIT), ...T3_TAIL],
  layout: 'rows', rowTotal: true,
});

// ---- Table 4 ---------------------------------------------------------------

export const T4_COL_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export const TABLE_4: TableDef = {
  id: 't4', ...TABLE_NAMES.t4,
  columns: [
    col('upheld', '结果维持', 'Upheld'),
    col('corrected', '结果纠正', 'Corrected'),
    col('other', '其他结果', 'Other result'),
    col('pending', '尚未审结', 'Pending'),
    col('total', '总计', 'Total'),
  ],
  rows: [
    { key: 'review', zh: '行政复议', en: 'Administrative review', cols: T4_COL_KEYS, pattern: /行政复议/g },
    { key: 'lit_direct', zh: '未经复议直接起诉', en: 'Lawsuits without prior review', cols: T4_COL_KEYS, pattern: /直接起诉/g },
    { key: 'lit_after_review', zh: '复议后起诉', en: 'Lawsuits after review', cols: T4_COL_KEYS, pattern: /复议后起诉/g },
  ],
  layout: 'column_groups',
  rowTotal: true,
};

// ---- Arithmetic ------------------------------------------------------------

export const ref = (table: TableId, row: string, col: string): string => cellKey({ table, row, col });

/** The identities of tables 3 and 4: balance, row totals, outcome sum, group totals. */
export function applicationRules(otherRows: OtherRows): RuleInstance[] {
  const out: RuleInstance[] = [];
  for (const c of T3_COL_KEYS) {
    out.push({ rule: 't3.balance', col: c, left: [ref('t3', 'new_received', c), ref('t3', 'carried_over_in', c)], op: 'eq', right: [ref('t3', 'outcome_total', c), ref('t3', 'carried_over_out', c)] });
  }
  for (const r of table3(otherRows).rows) {
    out.push({ rule: 't3.row_total', row: r.key, left: [ref('t3', r.key, 'total')], op: 'eq', right: [ref('t3', r.key, 'natural_person'), ...ORG_COLS.map((o) => ref('t3', r.key, o))] });
  }
  for (const c of T3_COL_KEYS) {
    out.push({ rule: 't3.outcome_sum', col: c, left: [ref('t3', 'outcome_total', c)], op: 'eq', right: outcomeRows(otherRows).map((r) => ref('t3', r, c)) });
  }
  for (const g of TABLE_4.rows) {
    out.push({ rule: 't4.total', row: g.key, left: [ref('t4', g.key, 'total')], op: 'eq', right: T4_COL_KEYS.filter((c) => c !== 'total').map((c) => ref('t4', g.key, c)) });
  }
  return out;
}

/** Σ left ≥ Σ right on two cells of one row. */
export const atLeast = (rule: string, table: TableId, row: string, larger: string, smaller: string): RuleInstance =>
  ({ rule, row, left: [ref(table, row, larger)], op: 'ge', right: [ref(table, row, smaller)] });

export const notNegative = (rule: string, table: TableId, row: string, col: string): RuleInstance =>
  ({ rule, row, col, left: [ref(table, row, col)], op: 'ge', right: [] });
