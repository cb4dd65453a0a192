/**
 * Where tables end and which local row wordings still anchor a row, on invented run-together
 * text (fictional agency, made-up figures) in the shape crawled pages take.
 */
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../model/templates/index.ts';
import { readTextDocument } from '../readers/text.ts';
import { compactView } from './compact.ts';
import { parseDocument } from './index.ts';
import { locateSections } from './sections.ts';

const T4_HEADER = '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

function report2021(t3Rows: string, afterT4: string): string {
  return [
    '示例省丙县民政局2024年政府信息公开工作年度报告',
    '一、总体情况 本年度主动公开政府信息120条。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件101' +
      '第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0' +
      '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
      t3Rows + T4_HEADER + '000000000000000' + afterT4,
  ].join('\n');
}

const ZERO_T3 =
  '一、本年新收政府信息公开申请数量2000002二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000001（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000' +
  '（三）不予公开1.属于国家秘密00000002.其他法律和行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案件10000018.属于行政查询事项0000000' +
  '（四）无法提供1.本机关不掌握相关政府信息00000002.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000' +
  '（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000' +
  '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000' +
  '（七）总计2000002四、结转下年度继续办理0000000';

describe('table 4 region', () => {
  it('ends at the next numbered section even when it is not the usual 五、存在的主要问题', () => {
    const text = report2021(ZERO_T3, '五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况000六、存在的主要问题和改进情况 无。七、其他需要报告的事项 无。');
    const view = compactView(text).text;
    const layout = locateSections(view);
    expect(view.slice(layout.t4!.from, layout.t4!.to)).not.toContain('信息处理费');
    const report = parseDocument(readTextDocument(text), { file: 'fixture', sha256: 'fixture', format: 'text' });
    const t4 = report.cells.filter((c) => c.table === 't4');
    expect(t4).toHaveLength(15);
    expect(t4.every((c) => c.state === 'number' && c.value === 0)).toBe(true);
  });

  it('still runs to 五、存在的主要问题 in the usual layout', () => {
    const text = report2021(ZERO_T3, '五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。');
    const view = compactView(text).text;
    const layout = locateSections(view);
    expect(view.slice(layout.t4!.to)).toMatch(/^五、存在的主要问题/);
  });
});

describe('the last section', () => {
  it('is found under another numeral and wording (七、其他需说明事项), its prose read', () => {
    const text = report2021(ZERO_T3, '五、当前存在的突出问题 无。六、下一步改进举措 略。七、其他需说明事项 全年未产生政府信息公开信息处理费。');
    const view = compactView(text).text;
    const layout = locateSections(view);
    expect(view.slice(layout.headings[5]!.start)).toMatch(/^七、其他需说明事项/);
    const report = parseDocument(readTextDocument(text), { file: 'fixture', sha256: 'fixture', format: 'text' });
    expect(report.metrics.filter((m) => m.key === 'info_processing_fee').map((m) => m.value)).toEqual([0]);
  });
});

describe('table 3 rows under local wordings', () => {
  it('are read', () => {
    const report = parseDocument(readTextDocument(report2021(ZERO_T3, '五、存在的主要问题及改进情况 无。')), { file: 'fixture', sha256: 'fixture', format: 'text' });
    const cells = new Map(report.cells.map((c) => [cellKey(c), c]));
    expect(cells.get('t3.denied_prohibited_by_law.total')).toMatchObject({ state: 'number', value: 0 });
    expect(['natural_person', 'total'].map((c) => cells.get(`t3.denied_enforcement_file.${c}`)?.value)).toEqual([1, 1]);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});
