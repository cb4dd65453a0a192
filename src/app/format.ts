/**
 * Number formatting for the dashboard. Chinese conventions (万/亿) in zh; a value that is not
 * there is shown as what it is — blank, missing or not applicable — never as 0.
 */
export type Lang = 'zh' | 'en';

/** Why a value is absent: printed blank, not found in the report, or not part of its template. */
export type Absence = 'blank' | 'missing' | 'na';

const ABSENCE_TEXT: Record<Lang, Record<Absence, string>> = {
  zh: { blank: '空白', missing: '缺失', na: '不适用' },
  en: { blank: 'blank', missing: 'missing', na: 'n/a' },
};

const locales: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locales[lang], options);
    cache.set(key, nf);
  }
  return nf;
}

export function absenceText(absence: Absence, lang: Lang): string {
  return ABSENCE_TEXT[lang][absence];
}

/** Full figure with grouping: 12,345 (exact, for tables). */
export function formatNumber(value: number | null | undefined, lang: Lang, absence: Absence = 'missing'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return absenceText(absence, lang);
  return numberFormat(lang, { maximumFractionDigits: 4 }).format(value);
}

/** Short figure for axes and headline cards: 1.2万 / 3.4亿 in zh, 12K / 340M in en. */
export function formatCompact(value: number | null | undefined, lang: Lang, absence: Absence = 'missing'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return absenceText(absence, lang);
  if (Math.abs(value) < 10_000) return numberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
}

/** A ratio (0.3061) as a percentage: 30.6%. */
export function formatPercent(ratio: number | null | undefined, lang: Lang, absence: Absence = 'na', digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return absenceText(absence, lang);
  return numberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** Money held in 万元 (the dataset's unit), with its unit. */
export function formatWanYuan(value: number | null | undefined, lang: Lang, absence: Absence = 'missing'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return absenceText(absence, lang);
  if (lang === 'zh') {
    return Math.abs(value) >= 10_000 ? `${formatNumber(value / 10_000, lang)}亿元` : `${formatNumber(value, lang)}万元`;
  }
  return `¥${numberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value * 10_000)}`;
}

/**
 * Money rounded for reading (cards, axes): 61.06亿元, 9,664万元, 98.4万元. The exact figure
 * (formatWanYuan) goes in tables and on hover; the rounding is only ever in what is shown.
 */
export function formatWanYuanRounded(value: number | null | undefined, lang: Lang, absence: Absence = 'missing'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return absenceText(absence, lang);
  if (lang !== 'zh') return formatWanYuan(value, lang, absence);
  const magnitude = Math.abs(value);
  if (magnitude >= 10_000) return `${numberFormat(lang, { maximumFractionDigits: 2 }).format(value / 10_000)}亿元`;
  const digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 2;
  return `${numberFormat(lang, { maximumFractionDigits: digits }).format(value)}万元`;
}

/** Signed change as a percentage, for year-over-year: +12.3% / −4.0%. */
export function formatChange(ratio: number | null | undefined, lang: Lang): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return absenceText('na', lang);
  return numberFormat(lang, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

export type ValueKind = 'count' | 'rate' | 'wan_yuan';

export function formatValue(value: number | null | undefined, kind: ValueKind, lang: Lang, absence: Absence = 'missing', compact = false): string {
  if (kind === 'rate') return formatPercent(value, lang, absence, compact ? 0 : 1);
  if (kind === 'wan_yuan') return formatWanYuan(value, lang, absence);
  return compact ? formatCompact(value, lang, absence) : formatNumber(value, lang, absence);
}
