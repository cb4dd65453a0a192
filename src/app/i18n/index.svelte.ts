/**
 * Language and labels. Chinese is the default; `?lang=en` switches. Labels of
 * the model's keys come from the catalogue in labels.ts, in the current language.
 */
import { url } from '../state/url.svelte.ts';
import { APP_PARAMS, change } from '../state/params.ts';
import { MESSAGES, type MessageKey } from './messages.ts';
import type { Lang } from '../format.ts';
import { colName, colShortName, groupName, levelName, metricName, platformName, ruleName, rowName, tableName, templateName, type Bilingual } from './labels.ts';
import type { TableId, TemplateId } from '../../model/templates/index.ts';

export type { Lang, Bilingual };
export { LEVEL_NAMES, METRIC_NAMES, PLATFORM_NAMES } from './labels.ts';

class Locale {
  readonly lang: Lang = $derived(url.read(APP_PARAMS.lang));

  set(lang: Lang): void {
    url.write(change(APP_PARAMS.lang, lang));
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

export const levelLabel = (level: string | null): string => levelName(level, locale.lang);
export const metricLabel = (key: string): string => metricName(key, locale.lang);
export const platformLabel = (platform: string | null): string => platformName(platform, locale.lang);
export const templateLabel = (template: string | null): string => templateName(template, locale.lang);
export const tableLabel = (table: TableId): string => tableName(table, locale.lang);
export const rowLabel = (table: TableId, row: string): string => rowName(table, row, locale.lang);
export const colLabel = (table: TableId, col: string, template?: TemplateId | null): string => colName(table, col, locale.lang, template);
export const colShortLabel = (table: TableId, col: string): string => colShortName(table, col, locale.lang);
export const groupLabel = (table: TableId, group: string): string => groupName(table, group, locale.lang);
export const ruleLabel = (rule: string): string => ruleName(rule, locale.lang);
