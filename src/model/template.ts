/**
 * The national annual-report template (国办公开办函〔2019〕60号 trial format and
 * 〔2021〕30号 revision): every table, row and column under the keys of contract.md.
 */

export type TemplateVersion = '2019' | '2021';
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = ['2019', '2021'];

export type TableId = 't2' | 't3' | 't4';

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  /** Money columns hold 万元 in `value`; the printed unit stays in `raw`. */
  unit?: '万元';
  /** A signed delta (本年增/减) rather than a count. */
  signed?: boolean;
}

export interface RowDef {
  key: string;
  zh: string;
  en: string;
  /** Column keys this row has, in printed order. */
  cols: readonly string[];
  /** Table-2 block (第二十条第（N）项) or table-3 outcome group the row belongs to. */
  group?: string;
}

export interface TableDef {
  id: TableId;
  zh: string;
  en: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

const col = (key: string, zh: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ key, zh, en, ...extra });

// ---- Table 2 ---------------------------------------------------------------

const T2_COLUMNS_2019: ColumnDef[] = [
  col('new_made', '本年新制作数量', 'New this year (made)'),
  col('new_published', '本年新公开数量', 'New this year (published)'),
  col('total_published', '对外公开总数量', 'Total published'),
  col('prev_year_items', '上一年项目数量', 'Items last year'),
  col('items_change', '本年增/减', 'Change this year', { signed: true }),
  col('decisions', '处理决定数量', 'Decisions'),
  col('procurement_projects', '采购项目数量', 'Procurement projects'),
  col('procurement_amount', '采购总金额', 'Procurement amount', { unit: '万元' }),
];

const T2_COLUMNS_2021: ColumnDef[] = [
  col('issued', '本年制发件数', 'Issued this year'),
  col('repealed', '本年废止件数', 'Repealed this year'),
  col('currently_valid', '现行有效件数', 'Currently valid'),
  col('decisions', '本年处理决定数量', 'Decisions this year'),
  col('fee_amount', '本年收费金额', 'Fees collected', { unit: '万元' }),
];

const ART20_1_2019 = ['new_made', 'new_published', 'total_published'] as const;
const ITEMS_2019 = ['prev_year_items', 'items_change', 'decisions'] as const;

const T2_ROWS_2019: RowDef[] = [
  { key: 'regulations', zh: '规章', en: 'Rules (规章)', cols: ART20_1_2019, group: 'art20_1' },
  { key: 'normative_documents', zh: '规范性文件', en: 'Normative documents', cols: ART20_1_2019, group: 'art20_1' },
  { key: 'admin_licensing', zh: '行政许可', en: 'Administrative licensing', cols: ITEMS_2019, group: 'art20_5' },
  { key: 'other_external_services', zh: '其他对外管理服务事项', en: 'Other external services', cols: ITEMS_2019, group: 'art20_5' },
  { key: 'admin_penalty', zh: '行政处罚', en: 'Administrative penalties', cols: ITEMS_2019, group: 'art20_6' },
  { key: 'admin_coercion', zh: '行政强制', en: 'Administrative coercion', cols: ITEMS_2019, group: 'art20_6' },
  { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', cols: ['prev_year_items', 'items_change'], group: 'art20_8' },
  { key: 'centralized_procurement', zh: '政府集中采购', en: 'Centralised procurement', cols: ['procurement_projects', 'procurement_amount'], group: 'art20_9' },
];

const ART20_1_2021 = ['issued', 'repealed', 'currently_valid'] as const;

const T2_ROWS_2021: RowDef[] = [
  { key: 'regulations', zh: '规章', en: 'Rules (规章)', cols: ART20_1_2021, group: 'art20_1' },
  { key: 'normative_documents', zh: '行政规范性文件', en: 'Normative documents', cols: ART20_1_2021, group: 'art20_1' },
  { key: 'admin_licensing', zh: '行政许可', en: 'Administrative licensing', cols: ['decisions'], group: 'art20_5' },
  { key: 'admin_penalty', zh: '行政处罚', en: 'Administrative penalties', cols: ['decisions'], group: 'art20_6' },
  { key: 'admin_coercion', zh: '行政强制', en: 'Administrative coercion', cols: ['decisions'], group: 'art20_6' },
  { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', cols: ['fee_amount'], group: 'art20_8' },
];

export const T2_GROUPS: Record<string, { zh: string; en: string }> = {
  art20_1: { zh: '第二十条第（一）项', en: 'Art. 20 (1) rules and normative documents' },
  art20_5: { zh: '第二十条第（五）项', en: 'Art. 20 (5) licensing and services' },
  art20_6: { zh: '第二十条第（六）项', en: 'Art. 20 (6) penalties and coercion' },
  art20_8: { zh: '第二十条第（八）项', en: 'Art. 20 (8) fees' },
  art20_9: { zh: '第二十条第（九）项', en: 'Art. 20 (9) centralised procurement' },
};

// ---- Table 3 ---------------------------------------------------------------

export const ORG_COLS = ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'] as const;
export const T3_COL_KEYS = ['natural_person', ...ORG_COLS, 'total'] as const;

const T3_COLUMNS: ColumnDef[] = [
  col('natural_person', '自然人', 'Natural persons'),
  col('commercial_enterprise', '商业企业', 'Commercial enterprises'),
  col('research_institution', '科研机构', 'Research institutions'),
  col('social_welfare_org', '社会公益组织', 'Social-welfare organisations'),
  col('legal_service_org', '法律服务机构', 'Legal-service organisations'),
  col('other_org', '其他', 'Other organisations'),
  col('total', '总计', 'Total'),
];

const t3 = (key: string, zh: string, en: string, group?: string): RowDef => ({ key, zh, en, cols: T3_COL_KEYS, group });

const T3_HEAD: RowDef[] = [
  t3('new_received', '一、本年新收政府信息公开申请数量', 'New applications received'),
  t3('carried_over_in', '二、上年结转政府信息公开申请数量', 'Carried over from last year'),
  t3('granted', '（一）予以公开', 'Granted', 'granted'),
  t3('partially_granted', '（二）部分公开', 'Partially granted', 'partially_granted'),
  t3('denied_state_secret', '1.属于国家秘密', 'Denied: state secret', 'denied'),
  t3('denied_prohibited_by_law', '2.其他法律行政法规禁止公开', 'Denied: prohibited by law', 'denied'),
  t3('denied_security_stability', '3.危及“三安全一稳定”', 'Denied: security and stability', 'denied'),
  t3('denied_third_party', '4.保护第三方合法权益', 'Denied: third-party rights', 'denied'),
  t3('denied_internal_affairs', '5.属于三类内部事务信息', 'Denied: internal affairs', 'denied'),
  t3('denied_process_info', '6.属于四类过程性信息', 'Denied: process information', 'denied'),
  t3('denied_enforcement_file', '7.属于行政执法案卷', 'Denied: enforcement file', 'denied'),
  t3('denied_admin_query', '8.属于行政查询事项', 'Denied: administrative query', 'denied'),
  t3('unable_not_held', '1.本机关不掌握相关政府信息', 'Unable: not held', 'unable'),
  t3('unable_needs_creation', '2.没有现成信息需要另行制作', 'Unable: would need creating', 'unable'),
  t3('unable_unclear', '3.补正后申请内容仍不明确', 'Unable: unclear after correction', 'unable'),
  t3('np_petition_complaint', '1.信访举报投诉类申请', 'Not processed: petition or complaint', 'not_processed'),
  t3('np_repeat', '2.重复申请', 'Not processed: repeat', 'not_processed'),
  t3('np_publication', '3.要求提供公开出版物', 'Not processed: publication', 'not_processed'),
  t3('np_mass_repeat', '4.无正当理由大量反复申请', 'Not processed: mass repeat', 'not_processed'),
  t3('np_confirm_reissue', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: confirm or reissue', 'not_processed'),
];
const T3_TAIL: RowDef[] = [
  t3('outcome_total', '（七）总计', 'Outcomes total'),
  t3('carried_over_out', '四、结转下年度继续办理', 'Carried over to next year'),
];
const OTHER_HANDLING = t3('other_handling', '（六）其他处理', 'Other handling', 'other');
const OTHER_SPLIT_2021: RowDef[] = [
  t3('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Other: no correction supplied', 'other'),
  t3('other_fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Other: fee unpaid', 'other'),
  t3('other_other', '3.其他', 'Other: other', 'other'),
];

export const T3_GROUPS: Record<string, { zh: string; en: string }> = {
  granted: { zh: '予以公开', en: 'Granted' },
  partially_granted: { zh: '部分公开', en: 'Partially granted' },
  denied: { zh: '不予公开', en: 'Denied' },
  unable: { zh: '无法提供', en: 'Unable to provide' },
  not_processed: { zh: '不予处理', en: 'Not processed' },
  other: { zh: '其他处理', en: 'Other handling' },
};

// ---- Table 4 ---------------------------------------------------------------

export const T4_COL_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const T4_COLUMNS: ColumnDef[] = [
  col('upheld', '结果维持', 'Upheld'),
  col('corrected', '结果纠正', 'Corrected'),
  col('other', '其他结果', 'Other result'),
  col('pending', '尚未审结', 'Pending'),
  col('total', '总计', 'Total'),
];
const T4_ROWS: RowDef[] = [
  { key: 'review', zh: '行政复议', en: 'Administrative review', cols: T4_COL_KEYS },
  { key: 'lit_direct', zh: '未经复议直接起诉', en: 'Lawsuits without prior review', cols: T4_COL_KEYS },
  { key: 'lit_after_review', zh: '复议后起诉', en: 'Lawsuits after review', cols: T4_COL_KEYS },
];

// ---- Assembly --------------------------------------------------------------

export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  t2: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
  t3: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
  t4: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation' },
};

/**
 * `t3OtherRows` lets a 2021-template report that still prints （六）其他处理 as one row
 * (seen in real reports) be described without pretending its three sub-rows exist.
 */
export function tables(template: TemplateVersion, t3OtherRows: 'combined' | 'split' = template === '2019' ? 'combined' : 'split'): TableDef[] {
  const other = t3OtherRows === 'combined' ? [OTHER_HANDLING] : OTHER_SPLIT_2021;
  return [
    { id: 't2', ...TABLE_NAMES.t2, columns: template === '2019' ? T2_COLUMNS_2019 : T2_COLUMNS_2021, rows: template === '2019' ? T2_ROWS_2019 : T2_ROWS_2021 },
    { id: 't3', ...TABLE_NAMES.t3, columns: T3_COLUMNS, rows: [...T3_HEAD, ...other, ...T3_TAIL] },
    { id: 't4', ...TABLE_NAMES.t4, columns: T4_COLUMNS, rows: T4_ROWS },
  ];
}

export function tableDef(template: TemplateVersion, id: TableId, t3OtherRows?: 'combined' | 'split'): TableDef {
  return tables(template, t3OtherRows).find((t) => t.id === id)!;
}

export interface CellRef { table: TableId; row: string; col: string }

export const cellKey = (c: CellRef): string => `${c.table}.${c.row}.${c.col}`;

export function parseCellKey(key: string): CellRef {
  const [table, row, col] = key.split('.');
  return { table: table as TableId, row, col };
}

/** Every cell the template prints, in reading order. */
export function templateCells(template: TemplateVersion, t3OtherRows?: 'combined' | 'split'): CellRef[] {
  return tables(template, t3OtherRows).flatMap((t) => t.rows.flatMap((r) => r.cols.map((c) => ({ table: t.id, row: r.key, col: c }))));
}

export function columnDef(template: TemplateVersion, table: TableId, colKey: string): ColumnDef | undefined {
  return tableDef(template, table).columns.find((c) => c.key === colKey);
}

/** Every row key either template version knows, for label lookups in the app. */
export function rowDef(table: TableId, rowKey: string): RowDef | undefined {
  for (const v of TEMPLATE_VERSIONS) {
    for (const mode of ['combined', 'split'] as const) {
      const r = tableDef(v, table, mode).rows.find((x) => x.key === rowKey);
      if (r) return r;
    }
  }
  return undefined;
}

export const OUTCOME_ROWS_COMMON = T3_HEAD.slice(2).map((r) => r.key);
export const OTHER_SPLIT_ROWS = OTHER_SPLIT_2021.map((r) => r.key);
