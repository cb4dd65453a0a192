/** The trial format of 国办公开办函〔2019〕60号, prescribed for the 2019 and 2020 reports. */
import { TABLE_4, applicationRules, atLeast, col, notNegative, table2, table3 } from './common.ts';
import type { RowDef, Template } from './types.ts';

const ART20_1 = ['new_made', 'new_published', 'total_published'] as const;
const ITEMS = ['prev_year_items', 'items_change', 'decisions'] as const;

const TABLE_2 = table2(
  [
    col('new_made', '本年新制作数量', 'New this year (made)'),
    col('new_published', '本年新公开数量', 'New this year (published)'),
    col('total_published', '对外公开总数量', 'Total published'),
    col('prev_year_items', '上一年项目数量', 'Items last year'),
    col('items_change', '本年增/减', 'Change this year', { signed: true }),
    col('decisions', '处理决定数量', 'Decisions'),
    col('procurement_projects', '采购项目数量', 'Procurement projects'),
    col('procurement_amount', '采购总金额', 'Procurement amount', { unit: '万元' }),
  ],
  [
    { key: 'regulations', zh: '规章', en: 'Rules (规章)', cols: ART20_1, group: 'art20_1', pattern: /规章(?!和)/g },
    { key: 'normative_documents', zh: '规范性文件', en: 'Normative documents', cols: ART20_1, group: 'art20_1', pattern: /规范性文件/g },
    { key: 'admin_licensing', zh: '行政许可', en: 'Administrative licensing', cols: ITEMS, group: 'art20_5', pattern: /行政许可/g },
    { key: 'other_external_services', zh: '其他对外管理服务事项', en: 'Other external services', cols: ITEMS, group: 'art20_5', pattern: /其他对外管理服务/g },
    { key: 'admin_penalty', zh: '行政处罚', en: 'Administrative penalties', cols: ITEMS, group: 'art20_6', pattern: /行政处罚/g },
    { key: 'admin_coercion', zh: '行政强制', en: 'Administrative coercion', cols: ITEMS, group: 'art20_6', pattern: /行政强制/g },
    { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', cols: ['prev_year_items', 'items_change'], group: 'art20_8', pattern: /行政事业性收费/g },
    { key: 'centralized_procurement', zh: '政府集中采购', en: 'Centralised procurement', cols: ['procurement_projects', 'procurement_amount'], group: 'art20_9', pattern: /政府集中采购/g },
  ] satisfies RowDef[],
);

export const TEMPLATE_2019: Template = {
  id: '2019',
  zh: '2019版（试行）',
  en: '2019 (trial)',
  source: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  signatures: [/本年新制作/, /本年新公开/, /对外公开总数/, /上一年项目数/, /本年增\/?减?/, /第二十条第\(九\)项/, /采购项目数/, /采购总金额/],
  otherRows: ['combined'],
  tables: (otherRows) => [TABLE_2, table3(otherRows), TABLE_4],
  rules: (otherRows) => [
    ...applicationRules(otherRows),
    atLeast('t2.total_ge_new', 't2', 'regulations', 'total_published', 'new_published'),
    atLeast('t2.total_ge_new', 't2', 'normative_documents', 'total_published', 'new_published'),
    notNegative('t2.amount_non_negative', 't2', 'centralized_procurement', 'procurement_amount'),
  ],
};
