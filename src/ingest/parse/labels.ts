/**
 * What identifies each template row, section heading and template version in the compact view
 * (compact.ts: no whitespace, NFKC brackets, Simplified characters). Row patterns are the
 * distinctive words of a label, not the whole label, because labels arrive broken across cells
 * and lines, with typos ('其他法律行政止公开'), local wordings ('其他法律和行政法规', '行政执法案件')
 * and with figures printed inside them.
 */
import type { TableId, TemplateVersion } from '../../model/template.ts';

export interface RowPattern {
  row: string;
  pattern: RegExp;
}

const T2_2019: RowPattern[] = [
  { row: 'regulations', pattern: /规章(?!和)/g },
  { row: 'normative_documents', pattern: /规范性文件/g },
  { row: 'admin_licensing', pattern: /行政许可/g },
  { row: 'other_external_services', pattern: /其他对外管理服务/g },
  { row: 'admin_penalty', pattern: /行政处罚/g },
  { row: 'admin_coercion', pattern: /行政强制/g },
  { row: 'admin_fees', pattern: /行政事业性收费/g },
  { row: 'centralized_procurement', pattern: /政府集中采购/g },
];

const T2_2021: RowPattern[] = [
  { row: 'regulations', pattern: /规章(?!和)/g },
  { row: 'normative_documents', pattern: /规范性文件/g },
  { row: 'admin_licensing', pattern: /行政许可/g },
  { row: 'admin_penalty', pattern: /行政处罚/g },
  { row: 'admin_coercion', pattern: /行政强制/g },
  { row: 'admin_fees', pattern: /行政事业性收费/g },
];

const T3_HEAD: RowPattern[] = [
  { row: 'new_received', pattern: /本年新收/g },
  { row: 'carried_over_in', pattern: /上年结转/g },
  { row: 'granted', pattern: /予以公开/g },
  { row: 'partially_granted', pattern: /部分公开/g },
  { row: 'denied_state_secret', pattern: /国家秘密/g },
  { row: 'denied_prohibited_by_law', pattern: /其他法律[和及、]?行政/g },
  { row: 'denied_security_stability', pattern: /三安全一稳定|危及.{0,2}三安全/g },
  { row: 'denied_third_party', pattern: /第三方合法权/g },
  { row: 'denied_internal_affairs', pattern: /三类内部事务/g },
  { row: 'denied_process_info', pattern: /四类过程性/g },
  { row: 'denied_enforcement_file', pattern: /行政执法案[卷件]/g },
  { row: 'denied_admin_query', pattern: /行政查询事项/g },
  { row: 'unable_not_held', pattern: /不掌握相关/g },
  { row: 'unable_needs_creation', pattern: /没有现成信息/g },
  { row: 'unable_unclear', pattern: /补正后申请/g },
  { row: 'np_petition_complaint', pattern: /信访举报/g },
  { row: 'np_repeat', pattern: /\d[.、]重复申请/g },
  { row: 'np_publication', pattern: /公开出版物/g },
  { row: 'np_mass_repeat', pattern: /大量反复申请/g },
  { row: 'np_confirm_reissue', pattern: /确认或重新出具/g },
];
const T3_OTHER_COMBINED: RowPattern[] = [{ row: 'other_handling', pattern: /\([六6]\)其他处理/g }];
const T3_OTHER_SPLIT: RowPattern[] = [
  { row: 'other_no_correction', pattern: /逾期不补正/g },
  { row: 'other_fee_unpaid', pattern: /收费通知/g },
  { row: 'other_other', pattern: /3[.、]其他(?!法律)/g },
];
const T3_TAIL: RowPattern[] = [
  { row: 'outcome_total', pattern: /\([七7]\)总计/g },
  { row: 'carried_over_out', pattern: /结转下年度/g },
];

const T4: RowPattern[] = [
  { row: 'review', pattern: /行政复议/g },
  { row: 'lit_direct', pattern: /直接起诉/g },
  { row: 'lit_after_review', pattern: /复议后起诉/g },
];

export function rowPatterns(table: TableId, template: TemplateVersion, otherRows: 'combined' | 'split'): RowPattern[] {
  if (table === 't2') return template === '2019' ? T2_2019 : T2_2021;
  if (table === 't4') return T4;
  return [...T3_HEAD, ...(otherRows === 'combined' ? T3_OTHER_COMBINED : T3_OTHER_SPLIT), ...T3_TAIL];
}

/** A 2021-template table 3 that prints its three 其他处理 sub-rows (found by their wording). */
export function printsSplitOtherRows(compactTable3: string): boolean {
  return /逾期不补正|收费通知/.test(compactTable3);
}

/** Header words that only one template version prints (domain.md §4.3). */
const SIGNATURES: Record<TemplateVersion, RegExp[]> = {
  '2019': [/本年新制作/, /本年新公开/, /对外公开总数/, /上一年项目数/, /本年增\/?减?/, /第二十条第\(九\)项/, /采购项目数/, /采购总金额/],
  '2021': [/本年制发件数/, /本年废止件数/, /现行有效件/, /本年处理决定数/, /本年收费金额/, /逾期未按收费通知/],
};

export function detectTemplate(compactText: string): { template: TemplateVersion | null; hits: Record<TemplateVersion, number> } {
  const hits = {
    '2019': SIGNATURES['2019'].filter((p) => p.test(compactText)).length,
    '2021': SIGNATURES['2021'].filter((p) => p.test(compactText)).length,
  };
  if (hits['2019'] === hits['2021']) return { template: null, hits };
  return { template: hits['2019'] > hits['2021'] ? '2019' : '2021', hits };
}

/**
 * Section headings 一…六. The words after the numeral must follow it without crossing a 、
 * or a digit, so table 3's own 一、本年新收… / 四、结转下年度… never read as headings.
 */
export const SECTION_HEADINGS: RegExp[] = [
  /一[、.][^、\d。]{0,6}?(总体情况|概述|总体概述|概况)/g,
  /二[、.][^、\d。]{0,12}?主动公开/g,
  /三[、.][^、\d。]{0,12}?(收到和处理|依申请)/g,
  /四[、.][^、\d。]{0,16}?(复议|诉讼)/g,
  /五[、.][^、\d。]{0,16}?(存在的?主要问题|存在问题|主要问题|问题和改进|问题及改进)/g,
  /六[、.][^、\d。]{0,8}?(其他需要报告|其他事项|其他需报告)/g,
];
