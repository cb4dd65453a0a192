/** The revision of 国办公开办函〔2021〕30号, prescribed from the 2021 reports on. */
import { TABLE_4, applicationRules, atLeast, col, notNegative, table2, table3 } from './common.ts';
import type { RowDef, Template } from './types.ts';

const ART20_1 = ['issued', 'repealed', 'currently_valid'] as const;

const TABLE_2 = table2(
  [
    col('issued', '本年制发件数', 'Issued this year'),
    col('repealed', '本年废止件数', 'Repealed this year'),
    col('currently_valid', '现行有效件数', 'Currently valid'),
    col('decisions', '本年处理决定数量', 'Decisions this year'),
    col('fee_amount', '本年收费金额', 'Fees collected', { unit: '万元' }),
  ],
  [
    { key: 'regulations', zh: '规章', en: 'Rules (规章)', cols: ART20_1, group: 'art20_1', pattern: /规章(?!和)/g },
    { key: 'normative_documents', zh: '行政规范性文件', en: 'Normative documents', cols: ART20_1, group: 'art20_1', pattern: /规范性文件/g },
    { key: 'admin_licensing', zh: '行政许可', en: 'Administrative licensing', cols: ['decisions'], group: 'art20_5', pattern: /行政许可/g },
    { key: 'admin_penalty', zh: '行政处罚', en: 'Administrative penalties', cols: ['decisions'], group: 'art20_6', pattern: /行政处罚/g },
    { key: 'admin_coercion', zh: '行政强制', en: 'Administrative coercion', cols: ['decisions'], group: 'art20_6', pattern: /行政强制/g },
    { key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', cols: ['fee_amount'], group: 'art20_8', pattern: /行政事业性收费/g },
  ] satisfies RowDef[],
);

export const TEMPLATE_2021: Template = {
  id: '2021',
  zh: '2021版',
  en: '2021 revision',
  source: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  signatures: [/本年制发件数/, /本年废止件数/, /现行有效件/, /本年处理决定数/, /本年收费金额/, /逾期未按收费通知/],
  // Some reports still print （六）其他处理 as one row (洪泽区 2023 and 2024).
  otherRows: ['split', 'combined'],
  otherRowsWording: /逾期不补正|收费通知/,
  tables: (otherRows) => [TABLE_2, table3(otherRows), TABLE_4],
  rules: (otherRows) => [
    ...applicationRules(otherRows),
    atLeast('t2.valid_ge_issued', 't2', 'regulations', 'currently_valid', 'issued'),
    atLeast('t2.valid_ge_issued', 't2', 'normative_documents', 'currently_valid', 'issued'),
    notNegative('t2.amount_non_negative', 't2', 'admin_fees', 'fee_amount'),
  ],
  note: {
    zh: '2021版模板：第（五）项只剩行政许可，第（八）项为收费金额，第（九）项政府集中采购已删去。',
    en: '2021 template: item (5) keeps only licensing, item (8) is an amount, item (9) procurement was dropped.',
  },
};
