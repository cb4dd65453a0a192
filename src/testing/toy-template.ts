/**
 * A third template version that does not exist, written the way a real new version would be
 * added (one file under src/model/templates/): a table 2 of its own with a new row, table 3
 * printed only in the three-row layout of （六）, table 4 as before. Tests register it beside
 * the real versions to prove parser, rules and labels need nothing else.
 */
import { TABLE_4, applicationRules, atLeast, col, table2, table3 } from '../model/templates/common.ts';
import type { Template } from '../model/templates/types.ts';

const ART20_1 = ['released', 'lapsed', 'in_force'] as const;

export const TOY_TEMPLATE: Template = {
  id: 'toy2026',
  zh: '2026版（示例）',
  en: '2026 (example)',
  source: '示例〔2026〕1号',
  firstYear: 2026,
  signatures: [/本年新发布件数/, /本年失效件数/, /有效总件数/, /公共数据开放/, /开放数据集数量/],
  otherRows: ['split'],
  tables: (otherRows) => [
    table2(
      [
        col('released', '本年新发布件数', 'Released this year'),
        col('lapsed', '本年失效件数', 'Lapsed this year'),
        col('in_force', '有效总件数', 'In force'),
        col('datasets', '开放数据集数量', 'Open datasets'),
      ],
      [
        { key: 'regulations', zh: '规章', en: 'Rules (规章)', cols: ART20_1, group: 'art20_1', pattern: /规章(?!和)/g },
        { key: 'normative_documents', zh: '行政规范性文件', en: 'Normative documents', cols: ART20_1, group: 'art20_1', pattern: /规范性文件/g },
        { key: 'public_data', zh: '公共数据开放', en: 'Public data', cols: ['datasets'], group: 'open_data', pattern: /公共数据开放/g },
      ],
    ),
    table3(otherRows),
    TABLE_4,
  ],
  rules: (otherRows) => [
    ...applicationRules(otherRows),
    atLeast('t2.valid_ge_issued', 't2', 'regulations', 'in_force', 'released'),
    atLeast('t2.valid_ge_issued', 't2', 'normative_documents', 'in_force', 'released'),
  ],
};
