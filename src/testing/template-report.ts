/**
 * The text of an invented report (fictional 示例省 agency) printed in any template's own layout,
 * one table cell per tab, straight from the template's definition: what a test needs to run the
 * parser on a template the demo generator does not know.
 */
import { cellKey, prescribedOtherRows, type TableDef, type Template } from '../model/templates/index.ts';

/** Figures by cell key; cells not given are printed as 0. */
export type CellFigures = Readonly<Record<string, number>>;

const SECTION_TITLES = { t2: '二、主动公开政府信息情况', t3: '三、收到和处理政府信息公开申请情况', t4: '四、政府信息公开行政复议、行政诉讼情况' } as const;

export function templateReportText(template: Template, year: number, figures: CellFigures): string {
  const figure = (table: TableDef, row: string, col: string) => String(figures[cellKey({ table: table.id, row, col })] ?? 0);
  const lines = [`示例省甲市教育局${year}年政府信息公开工作年度报告`, '一、总体情况', `${year}年，全年主动公开政府信息20条。`];
  for (const table of template.tables(prescribedOtherRows(template))) {
    lines.push(SECTION_TITLES[table.id]);
    if (table.layout === 'column_groups') {
      lines.push(table.rows.map((r) => r.zh).join('\t'));
      lines.push(table.rows.flatMap(() => table.columns.map((c) => c.zh)).join('\t'));
      lines.push(table.rows.flatMap((r) => r.cols.map((c) => figure(table, r.key, c))).join('\t'));
      continue;
    }
    let header = '';
    for (const row of table.rows) {
      const rowHeader = ['信息内容', ...row.cols.map((c) => table.columns.find((d) => d.key === c)!.zh)].join('\t');
      if (rowHeader !== header) lines.push((header = rowHeader));
      lines.push([row.zh, ...row.cols.map((c) => figure(table, row.key, c))].join('\t'));
    }
  }
  lines.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。', '');
  return lines.join('\n');
}
