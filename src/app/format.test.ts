import { describe, expect, it } from 'vitest';
import { formatChange, formatCompact, formatNumber, formatPercent, formatValue, formatWanYuan, formatWanYuanRounded } from './format.ts';

describe('format', () => {
  it('uses 万/亿 in Chinese and K/M in English for compact figures', () => {
    expect(formatCompact(123456, 'zh')).toBe('12.35万');
    expect(formatCompact(345678901, 'zh')).toBe('3.46亿');
    expect(formatCompact(123456, 'en')).toBe('123.46K');
    expect(formatCompact(9999, 'zh')).toBe('9,999');
  });

  it('prints blank, missing and not applicable as words, never as 0', () => {
    expect(formatNumber(null, 'zh', 'blank')).toBe('空白');
    expect(formatNumber(undefined, 'zh')).toBe('缺失');
    expect(formatPercent(null, 'en')).toBe('n/a');
    expect(formatValue(null, 'wan_yuan', 'zh', 'na')).toBe('不适用');
    expect(formatNumber(0, 'zh')).toBe('0');
  });

  it('keeps money in 万元 and shows large sums in 亿元', () => {
    expect(formatWanYuan(668.7004, 'zh')).toBe('668.7004万元');
    expect(formatWanYuan(96171.6, 'zh')).toBe('9.6172亿元');
    expect(formatWanYuan(25.1, 'en')).toBe('¥251K');
  });

  it('rounds money for reading where the exact figure is a hover away', () => {
    expect(formatWanYuanRounded(610635.2, 'zh')).toBe('61.06亿元');
    expect(formatWanYuanRounded(9663.3826, 'zh')).toBe('9,663万元');
    expect(formatWanYuanRounded(98.4361, 'zh')).toBe('98.4万元');
    expect(formatWanYuanRounded(0.1525, 'zh')).toBe('0.15万元');
    expect(formatWanYuanRounded(null, 'zh', 'na')).toBe(formatWanYuan(null, 'zh', 'na'));
  });

  it('formats rates and signed changes', () => {
    expect(formatPercent(0.30606, 'zh')).toBe('30.6%');
    expect(formatChange(0.293, 'en')).toBe('+29.3%');
    expect(formatChange(-0.04, 'zh')).toBe('-4.0%');
    expect(formatChange(Number.POSITIVE_INFINITY, 'zh')).toBe('不适用');
  });
});
