import { describe, expect, it } from 'vitest';
import { NO_FILTERS, regionPathSql, reportWhere } from './filters.ts';
import { provinceGrain, totalsTable } from './grain.ts';

describe('totalsTable', () => {
  it('reads the province grain unless a condition or group names a region below the province', () => {
    expect(totalsTable('cell_totals', reportWhere(NO_FILTERS))).toBe(provinceGrain('cell_totals'));
    expect(totalsTable('cell_totals', reportWhere({ ...NO_FILTERS, region: '示例省', levels: ['county_gov'], yearFrom: 2020 }))).toBe('cell_totals_province');
    expect(totalsTable('cell_totals', reportWhere({ ...NO_FILTERS, region: '示例省/甲市' }))).toBe('cell_totals');
    expect(totalsTable('measure_totals', 'TRUE', regionPathSql(1))).toBe('measure_totals_province');
    expect(totalsTable('measure_totals', 'TRUE', regionPathSql(3))).toBe('measure_totals');
  });

  it('does not take a region named like a column for the column', () => {
    expect(totalsTable('cell_totals', reportWhere({ ...NO_FILTERS, region: "county's city" }))).toBe('cell_totals_province');
  });
});
