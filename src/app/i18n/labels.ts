/**
 * The label catalogue: every name the app shows for a key of the model (template, table, row,
 * column, group, rule, level, metric, platform), in both languages, as pure functions of the
 * language. Chart builders call these directly; views go through i18n/index.svelte.ts, which
 * supplies the current language. Template names and labels come from src/model/templates/.
 */
import { T2_GROUPS, T3_GROUPS, TABLE_NAMES, TEMPLATES, anyColumnDef, columnDef, rowDef, templateOf, type TableId, type Template, type TemplateId } from '../../model/templates/index.ts';
import { RULES } from '../../model/rules.ts';
import type { AgencyLevel, MetricKey, Platform } from '../../model/report.ts';
import type { Lang } from '../format.ts';

export type Bilingual = { zh: string; en: string };

export const LEVEL_NAMES: Record<AgencyLevel, Bilingual> = {
  central: { zh: '国务院部门', en: 'Central ministry' },
  central_branch: { zh: '垂直管理机构', en: 'Central branch office' },
  provincial_gov: { zh: '省级政府', en: 'Provincial government' },
  provincial_dept: { zh: '省级部门', en: 'Provincial department' },
  prefecture_gov: { zh: '市级政府', en: 'Prefecture government' },
  prefecture_dept: { zh: '市级部门', en: 'Prefecture department' },
  county_gov: { zh: '县级政府', en: 'County government' },
  county_dept: { zh: '县级部门', en: 'County department' },
  township: { zh: '乡镇街道', en: 'Township / subdistrict' },
  zone: { zh: '开发区等', en: 'Development zone' },
};

export const METRIC_NAMES: Record<MetricKey, Bilingual> = {
  proactive_items_total: { zh: '主动公开信息', en: 'Items proactively disclosed' },
  portal_posts: { zh: '门户网站发布信息', en: 'Portal posts' },
  policy_docs_published: { zh: '公开政策文件', en: 'Policy documents published' },
  policy_interpretations: { zh: '政策解读', en: 'Policy interpretations' },
  press_conferences: { zh: '新闻发布会', en: 'Press conferences' },
  gazette_issues: { zh: '政府公报期数', en: 'Gazette issues' },
  newmedia_followers: { zh: '新媒体关注用户', en: 'New-media followers' },
  newmedia_posts: { zh: '新媒体发布信息', en: 'New-media posts' },
  inquiries_answered: { zh: '答复咨询', en: 'Inquiries answered' },
  complaints: { zh: '投诉', en: 'Complaints' },
  suggestions: { zh: '建议', en: 'Suggestions' },
  open_day_events: { zh: '政府开放日活动', en: 'Open-day events' },
  procurement_amount: { zh: '采购金额（叙述）', en: 'Procurement amount (narrative)' },
  info_processing_fee: { zh: '信息处理费', en: 'Information processing fees' },
};

export const PLATFORM_NAMES: Record<Platform, Bilingual> = {
  wechat: { zh: '微信', en: 'WeChat' },
  weibo: { zh: '微博', en: 'Weibo' },
  app: { zh: '客户端', en: 'App' },
  douyin: { zh: '抖音', en: 'Douyin' },
  toutiao: { zh: '头条号', en: 'Toutiao' },
  video_channel: { zh: '视频号', en: 'WeChat Channels' },
  other: { zh: '其他', en: 'Other' },
};


const UNKNOWN: Bilingual = { zh: '未识别', en: 'unknown' };

/** An agency level's name; a level the parser could not tell is shown as unknown, not left empty. */
export function levelName(level: string | null, lang: Lang): string {
  if (!level) return UNKNOWN[lang];
  return level in LEVEL_NAMES ? LEVEL_NAMES[level as AgencyLevel][lang] : level;
}

export function metricName(key: string, lang: Lang): string {
  return key in METRIC_NAMES ? METRIC_NAMES[key as MetricKey][lang] : key;
}

export function platformName(platform: string | null, lang: Lang): string {
  return platform && platform in PLATFORM_NAMES ? PLATFORM_NAMES[platform as Platform][lang] : (platform ?? '');
}

/** A template version's name; an id the registry does not know is shown as it is. */
export function templateName(template: string | null, lang: Lang, templates: readonly Template[] = TEMPLATES): string {
  return templateOf(template, templates)?.[lang] ?? template ?? '';
}

export function tableName(table: TableId, lang: Lang): string {
  return TABLE_NAMES[table][lang];
}

export function rowName(table: TableId, row: string, lang: Lang, templates: readonly Template[] = TEMPLATES): string {
  return rowDef(table, row, templates)?.[lang] ?? row;
}

/** A column's name; table 2's columns differ by template, so give the template when known. */
export function colName(table: TableId, col: string, lang: Lang, template?: TemplateId | null, templates: readonly Template[] = TEMPLATES): string {
  const known = templateOf(template, templates);
  const def = (known && columnDef(known, table, col)) ?? anyColumnDef(table, col, templates);
  return def?.[lang] ?? col;
}

/** A column's name standing alone (a chart axis, a menu): its short name where it has one. */
export function colShortName(table: TableId, col: string, lang: Lang, template?: TemplateId | null, templates: readonly Template[] = TEMPLATES): string {
  const known = templateOf(template, templates);
  const def = (known && columnDef(known, table, col)) ?? anyColumnDef(table, col, templates);
  return (def?.short ?? def)?.[lang] ?? col;
}

export function groupName(table: TableId, group: string, lang: Lang): string {
  const names = table === 't3' ? T3_GROUPS : T2_GROUPS;
  return names[group]?.[lang] ?? group;
}

export function ruleName(rule: string, lang: Lang): string {
  return RULES[rule]?.[lang] ?? rule;
}

/** English for the units reports print; a counter word (件, 条, 篇…) says nothing in English and is left out. */
const UNIT_EN: Record<string, string> = { 元: 'yuan', 万元: '10k yuan', 亿元: '100m yuan', 人: 'people', 名: 'people', 人次: 'person-times', 户: 'households', '%': '%' };

/** A printed unit in the reader's language: as printed in zh; in en, its meaning or nothing. */
export function unitName(unit: string | null | undefined, lang: Lang): string {
  if (!unit) return '';
  return lang === 'zh' ? unit : (UNIT_EN[unit] ?? '');
}
