/**
 * Invented reports for the ingest and CLI tests: a fictional agency, a 2021-template report
 * laid out one table cell per tab (as text extracted from a PDF often is), figures that satisfy
 * the template's arithmetic.
 */
import { SYNTHETIC_MARKER } from '../model/dataset.ts';

export interface ExampleReportOptions {
  /** A fictional agency name, e.g. 示例省甲市教育局. */
  agency: string;
  year: number;
  /** Applications from natural persons this year; varies the figures from report to report. */
  applications: number;
  synthetic?: boolean;
}

const T3_ROW_LABELS = [
  '（三）不予公开\t1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
  '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
];

export function exampleReportText(options: ExampleReportOptions): string {
  const n = options.applications;
  const row = (label: string, natural: number, enterprise: number) =>
    `${label}\t${natural}\t${enterprise}\t0\t0\t0\t0\t${natural + enterprise}`;
  const zeros = (label: string) => row(label, 0, 0);
  return [
    `${options.agency}${options.year}年政府信息公开工作年度报告`,
    ...(options.synthetic ? [SYNTHETIC_MARKER] : []),
    '一、总体情况',
    `${options.year}年，${options.agency}认真落实政府信息公开条例，全年主动公开政府信息${20 + n}条，通过门户网站发布信息${10 + n}条。`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    `行政规范性文件\t${n % 5}\t0\t${10 + (n % 5)}`,
    '第二十条第（五）项',
    '信息内容\t本年处理决定数量',
    `行政许可\t${3 * n}`,
    '第二十条第（六）项',
    '信息内容\t本年处理决定数量',
    `行政处罚\t${n}`,
    '行政强制\t0',
    '第二十条第（八）项',
    '信息内容\t本年收费金额（单位：万元）',
    '行政事业性收费\t0',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '自然人\t法人或其他组织\t总计',
    '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    row('一、本年新收政府信息公开申请数量', n, 1),
    zeros('二、上年结转政府信息公开申请数量'),
    row('三、本年度办理结果\t（一）予以公开', n - 1, 1),
    zeros('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ...T3_ROW_LABELS.map(zeros),
    row('（四）无法提供\t1.本机关不掌握相关政府信息', 1, 0),
    zeros('2.没有现成信息需要另行制作'),
    zeros('3.补正后申请内容仍不明确'),
    zeros('（五）不予处理\t1.信访举报投诉类申请'),
    zeros('2.重复申请'),
    zeros('3.要求提供公开出版物'),
    zeros('4.无正当理由大量反复申请'),
    zeros('5.要求行政机关确认或重新出具已获取信息'),
    zeros('（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    zeros('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    zeros('3.其他'),
    row('（七）总计', n, 1),
    zeros('四、结转下年度继续办理'),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    `1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0`,
    '五、存在的主要问题及改进情况',
    '信息公开的及时性仍需提高，下一步将加强培训。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
  ].join('\n');
}
