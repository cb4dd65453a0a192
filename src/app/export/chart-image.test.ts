import { describe, expect, it } from 'vitest';
import { composeChartSvg, wrapText } from './chart-image.ts';

const CHART = '<svg width="400" height="200" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200"/></svg>';

describe('composeChartSvg', () => {
  it('frames the chart with its title, filters, unit and source, escaped, naming CJK fonts', () => {
    const { svg, width, height } = composeChartSvg(CHART, 400, 200, { title: '复议 <与> 诉讼', subtitle: '全部年报', unit: '单位：件', source: '数据来源：年报 & Gongkai' });
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(200 + 60);
    expect(svg).toContain(`viewBox="0 0 400 ${height}"`);
    expect(svg).toContain('复议 &#60;与&#62; 诉讼');
    expect(svg).toContain('全部年报 · 单位：件');
    expect(svg).toContain('数据来源：年报 &#38; Gongkai');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).toMatch(/<svg x="0" y="[\d.]+" width="400" height="200"/);
  });
});

describe('wrapText', () => {
  it('breaks CJK text anywhere and Latin text between words, within the width', () => {
    expect(wrapText('一二三四五六', 48, 12)).toEqual(['一二三四', '五六']);
    expect(wrapText('Source: annual reports of each body', 100, 12)).toEqual(['Source: annual', 'reports of', 'each body']);
    expect(wrapText('', 100, 12)).toEqual([]);
  });
});
