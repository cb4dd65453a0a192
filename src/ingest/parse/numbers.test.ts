import { describe, expect, it } from 'vitest';
import { findNumbersWithUnits, parseChineseNumeral, parseProseNumber, toWanYuan } from './numbers.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['三', 3], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十五', 25],
    ['一百零三', 103], ['两千', 2000], ['三万五千', 35000], ['二〇二〇', 2020],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('三审')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('万')).toBeNull();
    expect(parseChineseNumeral('三四')).toBeNull();
    expect(parseChineseNumeral('三十四五')).toBeNull();
  });
});

describe('parseProseNumber', () => {
  it.each([
    ['14565', 14565, false],
    ['１２３', 123, false],
    ['1,234', 1234, false],
    ['1，234', 1234, false],
    ['14 565', 14565, false],
    ['668.7004', 668.7004, false],
    ['4.5万', 45000, false],
    ['1.2亿', 120000000, false],
    ['5500 余', 5500, true],
    ['7700余', 7700, true],
    ['300多', 300, true],
    ['约300', 300, true],
    ['近 20', 20, true],
    ['超过1万', 10000, true],
    ['逾百', 100, true],
    ['十二', 12, false],
    ['三万', 30000, false],
  ])('%s → %d (approx %s)', (token, value, approx) => {
    expect(parseProseNumber(token)).toEqual({ value, approx, raw: token });
  });

  it('rejects what is not one number', () => {
    expect(parseProseNumber('abc')).toBeNull();
    expect(parseProseNumber('12 34')).toBeNull();
    expect(parseProseNumber('')).toBeNull();
    expect(parseProseNumber('1.2.3')).toBeNull();
  });

  it('rejects a figure a number cannot hold exactly, rather than rounding it or overflowing', () => {
    expect(parseProseNumber('12345678901234567890')).toBeNull();
    expect(parseProseNumber('9'.repeat(400))).toBeNull();
    expect(parseProseNumber('123456789012345')).toMatchObject({ value: 123456789012345 });
  });
});

describe('findNumbersWithUnits', () => {
  it('finds counts with their printed units in invented prose', () => {
    const text = '示例省甲市教育局召开新闻发布会三场，发布公报两期，全年答复咨询 1,024 件，粉丝量达4.5万人。';
    const found = findNumbersWithUnits(text).map(({ value, unit, approx }) => ({ value, unit, approx }));
    expect(found).toEqual([
      { value: 3, unit: '场', approx: false },
      { value: 2, unit: '期', approx: false },
      { value: 1024, unit: '件', approx: false },
      { value: 45000, unit: '人', approx: false },
    ]);
  });

  it('keeps offsets that point at the number and its unit', () => {
    const text = '共发布信息 5500 余条，其中';
    const [found] = findNumbersWithUnits(text);
    expect(text.slice(found.start, found.end)).toBe('5500 余条');
    expect(found).toMatchObject({ value: 5500, approx: true, unit: '条' });
  });

  it('ignores Chinese numerals without a unit and 人次 stays distinct from 次', () => {
    const found = findNumbersWithUnits('一是加强领导；十九大精神；出席发布会共计25人次');
    expect(found.map((n) => [n.value, n.unit])).toEqual([[25, '人次']]);
  });

  it('does not glue a year to the figure after it', () => {
    const found = findNumbersWithUnits('截至 2020 年 12 月，共 36 条');
    expect(found.map((n) => n.value)).toEqual([36]);
  });
});

describe('toWanYuan', () => {
  it('converts 元 and 亿元 to 万元 and keeps 万元', () => {
    expect(toWanYuan(668.7004, '万元')).toBe(668.7004);
    expect(toWanYuan(73802895.9, '元')).toBe(7380.28959);
    expect(toWanYuan(1.2, '亿元')).toBe(12000);
    expect(toWanYuan(5, '件')).toBeNull();
  });
});
