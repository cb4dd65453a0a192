/**
 * The SQL console's example queries: what a reader would first ask of the data, written as
 * they would be by hand, over each body's own reports (region-wide reports counted apart, as the
 * views do). Column names are in the reader's language so the table, chart and CSV read well;
 * the headline figure comes first after the labels, since the quick chart draws the first number.
 */
import type { Lang } from '../format.ts';

export interface ConsoleExample {
  id: string;
  title: Record<Lang, string>;
  sql: Record<Lang, string>;
}

function bilingual(id: string, title: Record<Lang, string>, build: (name: (zh: string, en: string) => string) => string): ConsoleExample {
  return { id, title, sql: { zh: build((zh) => zh).trim(), en: build((_, en) => en).trim() } };
}

export const CONSOLE_EXAMPLES: readonly ConsoleExample[] = [
  bilingual('applications_by_year', { zh: '各年度新收申请与公开率', en: 'Applications and disclosure rate by year' }, (n) => `
SELECT r.year AS ${n('年度', 'year')},
  sum(m.applications) AS ${n('新收申请', 'applications')},
  round(100 * sum(m.disclosure_rate__num) FILTER (WHERE m.disclosure_rate IS NOT NULL)
    / sum(m.disclosure_rate__den) FILTER (WHERE m.disclosure_rate IS NOT NULL), 1) AS ${n('公开率_百分比', 'disclosure_rate_pct')},
  count(*) AS ${n('年报数', 'reports')}
FROM reports r
JOIN report_measures m ON m.report_id = r.id AND m.template IS NOT DISTINCT FROM r.template
WHERE r.year IS NOT NULL AND r.is_aggregate IS NOT TRUE
GROUP BY r.year
ORDER BY r.year`),
  bilingual('review_correction', { zh: '复议纠错率最高的机关（已审结≥5件）', en: 'Highest review correction rates (≥ 5 closed cases)' }, (n) => `
SELECT r.agency AS ${n('机关', 'agency')},
  r.year AS ${n('年度', 'year')},
  round(100 * m.review_correction_rate, 1) AS ${n('纠错率_百分比', 'correction_rate_pct')},
  m.review_corrected AS ${n('结果纠正', 'corrected')},
  m.review_correction_rate__den AS ${n('已审结', 'closed_n')}
FROM reports r
JOIN report_measures m ON m.report_id = r.id AND m.template IS NOT DISTINCT FROM r.template
WHERE r.is_aggregate IS NOT TRUE AND m.review_correction_rate__den >= 5
ORDER BY m.review_correction_rate DESC, m.review_correction_rate__den DESC
LIMIT 20`),
  bilingual('failed_checks', { zh: '各勾稽规则的不符次数', en: 'Failed arithmetic checks by rule' }, (n) => `
SELECT c.rule AS ${n('规则', 'rule')},
  c.severity AS ${n('性质', 'severity')},
  count(*) AS ${n('不符次数', 'failures')},
  count(DISTINCT c.report_id) AS ${n('年报数', 'reports')}
FROM checks c
JOIN reports r ON r.id = c.report_id
WHERE c.status = 'fail' AND r.is_aggregate IS NOT TRUE
GROUP BY c.rule, c.severity
ORDER BY ${n('不符次数', 'failures')} DESC`),
  bilingual('lawsuits_by_level', { zh: '各层级的行政诉讼', en: 'Lawsuits by level of government' }, (n) => `
SELECT coalesce(r.level, '?') AS ${n('层级', 'level')},
  sum(m.lawsuits) AS ${n('行政诉讼', 'lawsuits')},
  round(100 * sum(m.litigation_correction_rate__num) FILTER (WHERE m.litigation_correction_rate IS NOT NULL)
    / sum(m.litigation_correction_rate__den) FILTER (WHERE m.litigation_correction_rate IS NOT NULL), 1) AS ${n('诉讼纠错率_百分比', 'litigation_correction_pct')},
  count(*) AS ${n('年报数', 'reports')}
FROM reports r
JOIN report_measures m ON m.report_id = r.id AND m.template IS NOT DISTINCT FROM r.template
WHERE r.year IS NOT NULL AND r.is_aggregate IS NOT TRUE
GROUP BY ALL
ORDER BY ${n('行政诉讼', 'lawsuits')} DESC NULLS LAST`),
  bilingual('newmedia_platforms', { zh: '新媒体账号数与关注用户（按平台）', en: 'New-media accounts and followers by platform' }, (n) => `
SELECT coalesce(x.platform, '?') AS ${n('平台', 'platform')},
  sum(x.value) AS ${n('关注用户', 'followers')},
  count(DISTINCT x.report_id || '/' || coalesce(x.account, '')) AS ${n('账号', 'accounts')}
FROM metrics x
JOIN reports r ON r.id = x.report_id
WHERE x.key = 'newmedia_followers' AND r.is_aggregate IS NOT TRUE
GROUP BY ALL
ORDER BY ${n('关注用户', 'followers')} DESC`),
  bilingual('reports_by_template', { zh: '各年度、各模板的年报数', en: 'Reports per year and template' }, (n) => `
FROM reports
SELECT year AS ${n('年度', 'year')}, template AS ${n('模板', 'template')}, count(*) AS ${n('年报数', 'reports')}
GROUP BY ALL
ORDER BY ALL`),
];
