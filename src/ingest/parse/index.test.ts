/**
 * The pipeline on invented reports (fictional agencies, made-up figures) in the shapes the
 * readers produce: table rows from HTML, one-line crawler text with run-together figures,
 * reports whose tables are images.
 */
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../model/templates/index.ts';
import type { Cell, ParsedReport } from '../../model/report.ts';
import type { SourceDocument, SourceLine } from '../document.ts';
import { readTextDocument } from '../readers/text.ts';
import { parseDocument } from './index.ts';

const source = { file: 'fixture', sha256: 'fixture', format: 'html' as const };
const row = (...cells: string[]): SourceLine => ({ cells, inTable: true });
const para = (text: string): SourceLine => ({ cells: [text] });
const zeros = (n: number) => Array.from({ length: n }, () => '0');
const cellsOf = (report: ParsedReport) => new Map<string, Cell>(report.cells.map((c) => [cellKey(c), c]));

/** A 2021-template report as an HTML reader gives it: one line per <tr>, rowspan labels once. */
function tableReport(): SourceDocument {
  return {
    format: 'html',
    lines: [
      para('示例省甲市教育局2022年政府信息公开工作年度报告'),
      para('一、总体情况'),
      para('2022年，示例省甲市教育局主动公开政府信息312条。'),
      para('二、主动公开政府信息情况'),
      row('第二十条第（一）项'),
      row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
      row('规章', '/', '/', '/'),
      row('行政规范性文件', '4', '1', '37'),
      row('第二十条第（五）项'),
      row('信息内容', '本年处理决定数量'),
      row('行政许可', '1,205'),
      row('第二十条第（六）项'),
      row('信息内容', '本年处理决定数量'),
      row('行政处罚', '16'),
      row('行政强制', ''),
      row('第二十条第（八）项'),
      row('信息内容', '本年收费金额（单位：万元）'),
      row('行政事业性收费', '12.5'),
      para('三、收到和处理政府信息公开申请情况'),
      row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'),
      row('自然人', '法人或其他组织', '总计'),
      row('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'),
      row('一、本年新收政府信息公开申请数量', '9', '2', '0', '0', '0', '1', '12'),
      row('二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1'),
      row('三、本年度办理结果', '（一）予以公开', '5', '1', '0', '0', '0', '0', '6'),
      row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2', '0', '0', '0', '0', '0', '2'),
      row('（三）不予公开', '1.属于国家秘密', ...zeros(7)),
      row('2.其他法律行政法规禁止公开', ...zeros(7)),
      row('3.危及“三安全一稳定”', ...zeros(7)),
      row('4.保护第三方合法权益', ...zeros(7)),
      row('5.属于三类内部事务信息', ...zeros(7)),
      row('6.属于四类过程性信息', '1', '0', '0', '0', '0', '0', '1', ''),
      row('7.属于行政执法案卷', ...zeros(7)),
      row('8.属于行政查询事项', ...zeros(7)),
      row('（四）无法提供', '1.本机关不掌握相关政府信息', '1', '1', '0', '0', '0', '0', '2'),
      row('2.没有现成信息需要另行制作', ...zeros(7)),
      row('3.补正后申请内容仍不明确', ...zeros(7)),
      row('（五）不予处理', '1.信访举报投诉类申请', ...zeros(7)),
      row('2.重复申请', ...zeros(7)),
      row('3.要求提供公开出版物', ...zeros(7)),
      row('4.无正当理由大量反复申请', ...zeros(7)),
      row('5.要求行政机关确认或重新出具已获取信息', ...zeros(7)),
      row('（六）其他处理', '', '1', '0', '0', '0', '0', '0', '1'),
      row('（七）总计', '10', '2', '0', '0', '0', '0', '12'),
      row('四、结转下年度继续办理', '2', '0', '0', '0', '0', '1', '3'),
      para('四、政府信息公开行政复议、行政诉讼情况'),
      row('行政复议', '行政诉讼'),
      row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'),
      row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
      row('1', '0', '0', '1', '2', '0', '0', '0', '0', '0', '', '', '', '', ''),
      para('五、存在的主要问题及改进情况'),
      para('信息更新不够及时。'),
      para('六、其他需要报告的事项'),
      para('本年度未收取信息处理费。'),
    ],
  };
}

describe('parseDocument on table rows', () => {
  const report = parseDocument(tableReport(), source);
  const cells = cellsOf(report);

  it('detects the 2021 template from the table-2 headers', () => {
    expect(report.template).toBe('2021');
  });

  it('keeps printed blanks as blank, never 0', () => {
    expect(cells.get('t2.regulations.issued')).toMatchObject({ state: 'blank', value: null, raw: '/' });
    expect(cells.get('t2.admin_coercion.decisions')).toMatchObject({ state: 'blank', value: null, raw: '' });
    expect(cells.get('t4.lit_after_review.total')).toMatchObject({ state: 'blank', value: null });
  });

  it('leaves a figure no number can hold exactly missing, with a warning, and no rule passes on it', () => {
    const doc = tableReport();
    const huge = (text: string) => doc.lines.map((line) => (line.cells[0] === text ? { ...line, cells: line.cells.map((c, i) => (i === 1 ? '9'.repeat(400) : c)) } : line));
    const overlong = parseDocument({ ...doc, lines: huge('行政事业性收费') }, source);
    const fee = cellsOf(overlong).get('t2.admin_fees.fee_amount');
    expect(fee).toMatchObject({ state: 'missing', value: null });
    expect(overlong.warnings.some((w) => w.startsWith('t2.admin_fees.fee_amount') && w.includes('400 characters'))).toBe(true);
    expect(overlong.checks.filter((c) => c.cells?.includes('t2.admin_fees.fee_amount')).map((c) => c.status)).not.toContain('pass');
    const precise = parseDocument({ ...doc, lines: doc.lines.map((line) => (line.cells[0] === '行政许可' ? { ...line, cells: ['行政许可', '12345678901234567890'] } : line)) }, source);
    expect(cellsOf(precise).get('t2.admin_licensing.decisions')).toMatchObject({ state: 'missing', value: null });
  });

  it('shares table-4 figures printed out of order out by the groups’ totals, declining groups that could trade places', () => {
    const doc = tableReport();
    const at = doc.lines.findIndex((line) => line.cells[0] === '1' && line.cells.length === 15);
    const interleaved = ['5 2 3 1', '4 1 0 1', '11', '3 0 1 0 4', '6'].map((text) => ({ cells: [text] }));
    const report = parseDocument({ ...doc, lines: [...doc.lines.slice(0, at), ...interleaved, ...doc.lines.slice(at + 1)] }, source);
    const t4 = cellsOf(report);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((col) => t4.get(`t4.review.${col}`)?.value)).toEqual([5, 2, 3, 1, 11]);
    for (const row of ['lit_direct', 'lit_after_review']) expect(t4.get(`${'t4'}.${row}.total`)).toMatchObject({ state: 'missing', value: null });
    expect(report.warnings.some((w) => w.startsWith('t4: figures printed out of order'))).toBe(true);
  });

  it('reads figures with thousands separators and the header money unit', () => {
    expect(cells.get('t2.admin_licensing.decisions')).toMatchObject({ value: 1205, raw: '1,205' });
    expect(cells.get('t2.admin_fees.fee_amount')).toMatchObject({ value: 12.5, raw: '12.5' });
    expect(report.warnings.some((w) => w.includes('fee_amount'))).toBe(false);
  });

  it('reads rows whose rowspan labels share the row with their first sub-row', () => {
    expect(cells.get('t3.granted.total')?.value).toBe(6);
    expect(cells.get('t3.denied_state_secret.total')?.value).toBe(0);
    expect(cells.get('t3.denied_process_info.natural_person')?.value).toBe(1);
    expect(cells.get('t3.denied_process_info.total')).toMatchObject({ value: 1, state: 'number' });
    expect(cells.get('t3.unable_not_held.commercial_enterprise')?.value).toBe(1);
    expect(cells.get('t3.carried_over_out.other_org')?.value).toBe(1);
    expect(cells.get('t3.carried_over_out.total')?.value).toBe(3);
  });

  it('records a 2021 report printing （六）其他处理 as one row as other_handling, without inventing sub-rows', () => {
    expect(cells.get('t3.other_handling.natural_person')?.value).toBe(1);
    expect(report.cells.some((c) => c.row.startsWith('other_') && c.row !== 'other_handling')).toBe(false);
    expect(report.checks.find((c) => c.rule === 't3.outcome_sum' && c.col === 'total')).toMatchObject({ status: 'pass', left: 12, right: 12 });
  });

  it('reads table 4 by position and evaluates its totals', () => {
    expect(cells.get('t4.review.pending')?.value).toBe(1);
    expect(report.checks.find((c) => c.rule === 't4.total' && c.row === 'review')?.status).toBe('pass');
    expect(report.checks.find((c) => c.rule === 't4.total' && c.row === 'lit_after_review')?.status).toBe('uncertain');
  });

  it('reports the figures as printed even where the report contradicts itself', () => {
    expect(report.checks.find((c) => c.rule === 't3.balance' && c.col === 'natural_person')).toMatchObject({ status: 'fail', left: 10, right: 12 });
    expect(cells.get('t3.carried_over_out.natural_person')).toMatchObject({ state: 'number', value: 2 });
  });
});

/** One-line crawler text: every row's figures run together with no separators. */
const RUN_TOGETHER = [
  '示例省乙县人民政府2020年政府信息公开工作年度报告',
  '一、总体情况 本年度主动公开政府信息860条。二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件4412' +
    '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可120-3415其他对外管理服务事项000' +
    '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制000' +
    '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购5251000元' +
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
    '一、本年新收政府信息公开申请数量11 1 0 0 0 0 12二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开6000006（二）部分公开（区分处理的，只计这一情形，不计其他情形）3000003' +
    '（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000' +
    '（四）无法提供1.本机关不掌握相关政府信息21000032.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000' +
    '（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000' +
    '（六）其他处理0000000（七）总计111000012四、结转下年度继续办理0000000' +
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100120000000000' +
    '五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。',
].join('\n');

describe('parseDocument on run-together figures', () => {
  const report = parseDocument(readTextDocument(RUN_TOGETHER), { ...source, format: 'text' });
  const cells = cellsOf(report);

  it('cuts a run the one way no leading zero allows', () => {
    expect(['new_made', 'new_published', 'total_published'].map((c) => cells.get(`t2.regulations.${c}`)?.value)).toEqual([0, 0, 0]);
    expect(['natural_person', 'total'].map((c) => cells.get(`t3.granted.${c}`)?.value)).toEqual([6, 6]);
    expect(['natural_person', 'commercial_enterprise', 'total'].map((c) => cells.get(`t3.new_received.${c}`)?.value)).toEqual([11, 1, 12]);
  });

  it('declines a run with several readings: missing, null, and a parse.split check', () => {
    for (const col of ['new_made', 'new_published', 'total_published']) expect(cells.get(`t2.normative_documents.${col}`)).toMatchObject({ state: 'missing', value: null });
    expect(report.checks.find((c) => c.rule === 'parse.split' && c.row === 'normative_documents')?.status).toBe('uncertain');
    expect(cells.get('t2.centralized_procurement.procurement_amount')?.state).toBe('missing');
  });

  it('keeps a sign as a cell boundary and settles the cells every reading agrees on', () => {
    // '120-3415': the sign starts 本年增/减, so 120 is certain; -3|415, -34|15, -341|5 remain.
    expect(cells.get('t2.admin_licensing.prev_year_items')).toMatchObject({ state: 'number', value: 120 });
    expect(cells.get('t2.admin_licensing.items_change')?.state).toBe('missing');
    expect(report.checks.find((c) => c.rule === 'parse.split' && c.row === 'admin_licensing')?.cells).toEqual(['t2.admin_licensing.items_change', 't2.admin_licensing.decisions']);
  });

  it('uses the row total to choose among cuts of a table-3 row', () => {
    // '2100003': 2,1,0,0,0,0,3 is the only cut whose total equals its parts.
    expect(['natural_person', 'commercial_enterprise', 'total'].map((c) => cells.get(`t3.unable_not_held.${c}`)?.value)).toEqual([2, 1, 3]);
  });

  it('uses the column identities when a row total alone leaves several cuts', () => {
    // '111000012' cuts as 11,1,0,0,0,0,12 or 1,11,0,0,0,0,12; only the first balances the columns.
    expect(['natural_person', 'commercial_enterprise', 'total'].map((c) => cells.get(`t3.outcome_total.${c}`)?.value)).toEqual([11, 1, 12]);
  });

  it('cuts table 4 by its group totals', () => {
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cells.get(`t4.review.${c}`)?.value)).toEqual([1, 0, 0, 1, 2]);
  });

  it('finds the sections despite table 3 row labels that also start with 一、…四、', () => {
    expect(report.year).toBe(2020);
    expect(report.template).toBe('2019');
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('parseDocument on a report whose tables are images', () => {
  const text = [
    '示例省丙镇人民政府2019年政府信息公开工作年度报告',
    '一、总体情况',
    '本年度主动公开政府信息45条。',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
  const report = parseDocument(readTextDocument(text), { ...source, format: 'text' });

  it('invents no cells and says why', () => {
    expect(report.cells).toEqual([]);
    expect(report.template).toBeNull();
    expect(report.warnings.some((w) => w.includes('template not detected'))).toBe(true);
  });
});

describe('parseDocument on a mirror in Traditional characters', () => {
  const text = [
    '二、主動公開政府信息情況',
    '第二十條第(一)項 | |',
    '信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量 |',
    '規章 | 0 | 0 | 2 |',
    '規範性檔案 | 3 | 3 | 40 |',
    '第二十條第(九)項 | |',
    '信息內容 | 採購項目數量 | 採購總金額 |',
    '政府集中採購 | 2 | 35000元 |',
  ].join('\n');
  const report = parseDocument(readTextDocument(text), { ...source, format: 'text' });
  const cells = cellsOf(report);

  it('reads Traditional labels and converts 元 to 万元, keeping the printed text', () => {
    expect(report.template).toBe('2019');
    expect(cells.get('t2.normative_documents.total_published')?.value).toBe(40);
    expect(cells.get('t2.centralized_procurement.procurement_amount')).toMatchObject({ value: 3.5, raw: '35000元', state: 'number' });
  });
});

describe('parseDocument on blanks in plain text', () => {
  const text = [
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
    '规章\t2\t\t5',
    '规范性文件00/',
    '第二十条第（五）项',
    '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
    '行政许可\t12\t-\t30',
    '\t其他对外管理服务事项\t4\t0\t9',
  ].join('\n');
  const cells = cellsOf(parseDocument(readTextDocument(text), { ...source, format: 'text' }));

  it('reads an empty tab field between figures as a blank cell', () => {
    expect(cells.get('t2.regulations.new_published')).toMatchObject({ state: 'blank', value: null, raw: '' });
    expect(cells.get('t2.regulations.total_published')?.value).toBe(5);
  });

  it('reads a slash among run-together figures as a blank cell, and a lone dash too', () => {
    expect(['new_made', 'new_published'].map((c) => cells.get(`t2.normative_documents.${c}`)?.value)).toEqual([0, 0]);
    expect(cells.get('t2.normative_documents.total_published')).toMatchObject({ state: 'blank', raw: '/' });
    expect(cells.get('t2.admin_licensing.items_change')).toMatchObject({ state: 'blank', raw: '-' });
  });

  it('does not take the indentation of a text line for an empty cell', () => {
    expect(['prev_year_items', 'items_change', 'decisions'].map((c) => cells.get(`t2.other_external_services.${c}`)?.value)).toEqual([4, 0, 9]);
  });
});
