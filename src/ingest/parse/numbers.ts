/**
 * Numbers as printed in report prose: "14565", "１２３", "1,234", "4.5万", "5500 余", "约300",
 * "三场", "二十五". Everything here is pure and knows nothing about metrics.
 */

export interface ProseNumber {
  value: number;
  /** 余/多/近/约/超过/逾… printed beside the number. */
  approx: boolean;
  /** The matched text, as printed. */
  raw: string;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A Chinese numeral ("十二", "二十五", "一百零三", "两千", "三万五千") as a number; null when the
 * text is not one. Digit strings written with 〇 ("二〇二〇") read digit by digit; "三四" is "three
 * or four", not 34, so it is refused.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return null;
  if (/^[零〇一二三四五六七八九]{2,}$/.test(text)) {
    if (!/[零〇]/.test(text)) return null;
    return Number([...text].map((ch) => CHINESE_DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === '零' || ch === '〇') continue;
    if (ch in CHINESE_DIGITS) {
      if (digit !== null) return null;
      digit = CHINESE_DIGITS[ch];
    } else if (ch in CHINESE_SMALL_UNITS) {
      section += (digit ?? 1) * CHINESE_SMALL_UNITS[ch];
      digit = null;
    } else {
      const unit = CHINESE_BIG_UNITS[ch];
      total = (total + section + (digit ?? 0)) * unit;
      if (total === 0) return null;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

const APPROX_BEFORE = ['超过', '约', '近', '逾', '超'];
const APPROX_AFTER = ['余', '多'];

/**
 * One printed number, approximation markers and multiplier included. A space may separate
 * digit groups only before a group of exactly three digits ("14 565"): PDF extraction splits
 * numbers that way, and anything looser would glue neighbouring figures together.
 */
export const NUMBER_SOURCE =
  '(?:超过|约|近|逾|超)?\\s*' +
  '(?:[0-9０-９]+(?:(?:[,，]|\\s)[0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?' +
  '|[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*)' +
  '\\s*(?:万|亿)?\\s*(?:余|多)?';

const NUMBER_WHOLE = new RegExp(`^${NUMBER_SOURCE}$`);

/** Parses a whole token such as "4.5万", "5500 余", "约300", "1,234", "十二"; null otherwise. */
export function parseProseNumber(token: string): ProseNumber | null {
  const raw = token.trim();
  if (!raw || !NUMBER_WHOLE.test(raw)) return null;
  let rest = raw;
  let approx = false;
  for (const marker of APPROX_BEFORE) {
    if (rest.startsWith(marker)) {
      approx = true;
      rest = rest.slice(marker.length).trim();
      break;
    }
  }
  for (const marker of APPROX_AFTER) {
    if (rest.endsWith(marker)) {
      approx = true;
      rest = rest.slice(0, -marker.length).trim();
      break;
    }
  }
  let multiplier = 1;
  const last = rest.at(-1);
  if (last === '万' || last === '亿') {
    const body = rest.slice(0, -1).trim();
    // "三万" is a Chinese numeral on its own; "4.5万" is digits times a multiplier.
    if (/[0-9０-９]/.test(body)) {
      multiplier = last === '万' ? 1e4 : 1e8;
      rest = body;
    }
  }
  const value = /[0-9０-９]/.test(rest) ? parseDigits(rest) : parseChineseNumeral(rest);
  if (value === null) return null;
  return { value: roundMultiplied(value * multiplier), approx, raw };
}

function parseDigits(text: string): number | null {
  const ascii = text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(ascii)) return null;
  // Beyond 15 significant digits a double no longer holds the printed figure exactly.
  if (ascii.replace('.', '').replace(/^0+/, '').length > 15) return null;
  return Number(ascii);
}

/** 4.5 × 10⁴ is 45000.000000000004 in floating point; the printed figure had no such noise. */
function roundMultiplied(value: number): number {
  return Number(value.toPrecision(15));
}

export interface NumberWithUnit extends ProseNumber {
  unit: string;
  /** Offsets of the number (unit included) in the searched text. */
  start: number;
  end: number;
}

export const UNIT_SOURCE = '(?:万元|亿元|元|人次|条|篇|件|份|个|期|场|次|起|人|名|户|项)';

/**
 * Every number followed by one of the report units (条 篇 件 个 期 场 次 人 名 户 项 元 万元).
 * A Chinese numeral counts only when a unit follows it, so "一是" and "十九大" are not numbers.
 */
const NUMBER_WITH_UNIT = new RegExp(`(${NUMBER_SOURCE})\\s*(${UNIT_SOURCE})`, 'g');

export function findNumbersWithUnits(text: string): NumberWithUnit[] {
  const found: NumberWithUnit[] = [];
  // exec on the one pattern: matchAll copies it on every call, and this runs for every clause
  NUMBER_WITH_UNIT.lastIndex = 0;
  for (let match = NUMBER_WITH_UNIT.exec(text); match; match = NUMBER_WITH_UNIT.exec(text)) {
    const parsed = parseProseNumber(match[1]);
    if (!parsed) continue;
    const leading = match[0].length - match[0].trimStart().length;
    found.push({
      value: parsed.value,
      approx: parsed.approx,
      raw: parsed.raw,
      unit: match[2],
      start: match.index + leading,
      end: match.index + match[0].length,
    });
  }
  return found;
}

/** Money in 万元: "668.7004万元" → 668.7004, "73802895.90元" → 7380.28959, "1.2亿元" → 12000. */
export function toWanYuan(value: number, unit: string): number | null {
  if (unit === '万元') return value;
  if (unit === '元') return roundMultiplied(value / 1e4);
  if (unit === '亿元') return roundMultiplied(value * 1e4);
  return null;
}
