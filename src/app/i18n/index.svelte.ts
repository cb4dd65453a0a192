/**
 * Language and labels. Chinese is the default; `?lang=en` switches. Template row and column
 * names come from src/model/template.ts so the app and the parser never disagree on a label.
 */
import { url } from '../state/url.svelte.ts';
import { MESSAGES, type MessageKey } from './messages.ts';
import type { Lang } from '../format.ts';
import { columnDef, rowDef, TABLE_NAMES, T3_GROUPS, T2_GROUPS, TEMPLATE_VERSIONS, type TableId, type TemplateVersion } from '../../model/template.ts';
import { RULES } from '../../model/rules.ts';
import type { AgencyLevel, MetricKey, Platform } from '../../model/report.ts';

export type { Lang };
export type Bilingual = { zh: string; en: string };

class Locale {
  readonly lang: Lang = $derived(url.get('lang') === 'en' ? 'en' : 'zh');

  set(lang: Lang): void {
    url.set({ lang: lang === 'zh' ? null : lang });
  }
}

export const locale = new Locale();

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A UI message in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(MESSAGES[key][locale.lang], vars);
}

/** Pick the current language from an inline pair (for strings one view alone uses). */
export function tr(text: Bilingual, vars?: Record<string, string | number>): string {
  return fill(text[locale.lang], vars);
}

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

const TEMPLATE_NAMES: Record<TemplateVersion, MessageKey> = { '2019': 'template_2019', '2021': 'template_2021' };

/** An agency level's name; a level the parser could not tell is shown as unknown, not left empty. */
export function levelLabel(level: string | null): string {
  if (!level) return locale.lang === 'zh' ? '未识别' : 'unknown';
  return level in LEVEL_NAMES ? LEVEL_NAMES[level as AgencyLevel][locale.lang] : level;
}

export function metricLabel(key: string): string {
  return key in METRIC_NAMES ? METRIC_NAMES[key as MetricKey][locale.lang] : key;
}

export function platformLabel(platform: string | null): string {
  return platform && platform in PLATFORM_NAMES ? PLATFORM_NAMES[platform as Platform][locale.lang] : (platform ?? '');
}

export function templateLabel(template: string | null): string {
  return template && (TEMPLATE_VERSIONS as readonly string[]).includes(template) ? t(TEMPLATE_NAMES[template as TemplateVersion]) : (template ?? '');
}

export function tableLabel(table: TableId): string {
  return TABLE_NAMES[table][locale.lang];
}

export function rowLabel(table: TableId, row: string): string {
  return rowDef(table, row)?.[locale.lang] ?? row;
}

/** Column label; table 2's columns differ by template, so give it when known. */
export function colLabel(table: TableId, col: string, template: TemplateVersion = '2021'): string {
  const def = columnDef(template, table, col) ?? columnDef(template === '2021' ? '2019' : '2021', table, col);
  return def?.[locale.lang] ?? col;
}

export function groupLabel(table: TableId, group: string): string {
  const names = table === 't3' ? T3_GROUPS : T2_GROUPS;
  return names[group]?.[locale.lang] ?? group;
}

export function ruleLabel(rule: string): string {
  return RULES[rule]?.[locale.lang] ?? rule;
}
