import { describe, expect, it } from 'vitest';
import { exportFileName, filtersInWords, sourceLine } from './caption.ts';
import { NO_FILTERS } from '../queries/filters.ts';

describe('filtersInWords', () => {
  it('says "all reports" when nothing is chosen, in both languages', () => {
    expect(filtersInWords(NO_FILTERS, 'zh')).toBe('全部年报');
    expect(filtersInWords(NO_FILTERS, 'en')).toBe('All reports');
  });

  it('names region, levels, template, years and whose reports', () => {
    const chosen = { ...NO_FILTERS, region: '示例省/甲市', levels: ['county_dept' as const], template: '2021' as const, yearFrom: 2020, yearTo: 2023 };
    const zh = filtersInWords(chosen, 'zh');
    expect(zh).toMatch(/^示例省 \/ 甲市 · .+ · .+ · 2020–2023年 · 各机关本级年报$/);
    expect(filtersInWords({ ...NO_FILTERS, yearFrom: 2022, yearTo: 2022 }, 'en')).toBe("2022 · Each body's own report");
    expect(filtersInWords({ ...NO_FILTERS, yearFrom: 2021 }, 'zh')).toBe('2021年起 · 各机关本级年报');
    expect(filtersInWords({ ...NO_FILTERS, scope: 'regions' }, 'en')).toBe('Region-wide government reports');
  });
});

describe('sourceLine', () => {
  it('names the reports as the source, and says demo data is invented', () => {
    expect(sourceLine(false, 'zh')).toBe('数据来源：各单位政府信息公开工作年度报告；Gongkai 整理');
    expect(sourceLine(true, 'zh')).toContain('虚构');
    expect(sourceLine(true, 'en')).toContain('fictional');
  });
});

describe('exportFileName', () => {
  it('carries what, the filters and a demo mark, with no character a file system refuses', () => {
    expect(exportFileName({ invented: false, what: 'review-results', filters: '示例省 / 甲市 · 2020–2023年', extension: 'csv' }))
      .toBe('gongkai_review-results_示例省_甲市_2020-2023年.csv');
    const demo = exportFileName({ invented: true, what: 'a:b', filters: '', extension: '2x.png' });
    expect(demo).toBe('DEMO-invented_gongkai_a_b.2x.png');
    expect(exportFileName({ invented: false, what: 'x', filters: 'y'.repeat(400), extension: 'csv' }).length).toBeLessThanOrEqual(164);
  });
});
