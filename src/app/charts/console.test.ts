import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../db/database.ts';
import { drawChart } from '../../testing/chart-svg.ts';
import { CHART_MAX_ROWS, consoleChart, consoleChartOption, isYearColumn } from './console.ts';

type Series = { type: string; name: string; data: (number | null)[] }[];
const number = (name: string) => ({ name, type: 'Float64', kind: 'number' as const });
const text = (name: string) => ({ name, type: 'Utf8', kind: 'text' as const });

describe('consoleChart', () => {
  it('draws a year column as a line, the first numeric column by default or the one asked for', () => {
    const table: ResultTable = { columns: [number('年度'), number('年报数'), number('新收申请')], rows: [[2022, 3, 120], [2023, 4, null]] };
    expect(consoleChart(table)).toEqual({ label: 0, year: null, value: 1, values: [1, 2], shape: 'line' });
    expect(consoleChart(table, '新收申请')?.value).toBe(2);
    expect(consoleChart(table, 'no such column')?.value).toBe(1);
    const option = consoleChartOption(table, consoleChart(table, '新收申请')!, 'zh');
    const series = option.series as Series;
    expect(series[0]).toMatchObject({ type: 'line', name: '新收申请', data: [120, null] });
    expect(drawChart(option).texts.map((t) => t.text)).toEqual(expect.arrayContaining(['2022', '2023']));
  });

  it('draws text labels as bars, cut at CHART_MAX_ROWS', () => {
    const rows = Array.from({ length: CHART_MAX_ROWS + 5 }, (_, i) => [`示例省第${i}局`, i, 'x']);
    const table: ResultTable = { columns: [text('机关'), number('n'), text('note')], rows };
    const chart = consoleChart(table)!;
    expect(chart).toEqual({ label: 0, year: null, value: 1, values: [1], shape: 'bar' });
    const option = consoleChartOption(table, chart, 'en');
    expect((option.series as Series)[0]!.data).toHaveLength(CHART_MAX_ROWS);
    expect(drawChart(option, { height: 900 }).texts.map((t) => t.text)).toContain('示例省第0局');
  });

  it('an agency over several years: bars labelled with agency and year; a time line is drawn in year order', () => {
    const table: ResultTable = { columns: [text('机关'), number('年度'), number('纠错率')], rows: [['示例省公安厅', 2025, 20], ['示例省公安厅', 2021, 0]] };
    const chart = consoleChart(table)!;
    expect(chart).toEqual({ label: 0, year: 1, value: 2, values: [2], shape: 'bar' });
    expect((consoleChartOption(table, chart, 'zh').yAxis as { data: string[] }).data).toEqual(['示例省公安厅 2025', '示例省公安厅 2021']);
    const unordered: ResultTable = { columns: [number('year'), number('n')], rows: [[2024, 2], [2022, 1]] };
    const line = consoleChartOption(unordered, consoleChart(unordered)!, 'en');
    expect((line.xAxis as { data: string[] }).data).toEqual(['2022', '2024']);
    expect((line.series as Series)[0]!.data).toEqual([1, 2]);
  });

  it('a numeric column that is not years is not a label; nothing to draw gives null', () => {
    expect(consoleChart({ columns: [number('id'), number('v')], rows: [[1, 2]] })).toBeNull();
    expect(consoleChart({ columns: [text('agency')], rows: [['a']] })).toBeNull();
    expect(consoleChart({ columns: [text('agency'), number('v')], rows: [] })).toBeNull();
    expect(consoleChart({ columns: [number('year'), number('v')], rows: [[20231, 2]] })).toBeNull();
  });
});

describe('isYearColumn', () => {
  it('needs a year-like name and year values', () => {
    const table: ResultTable = { columns: [number('年度'), number('year_total'), number('n')], rows: [[2023, 5000, 2023], [null, 12, 2024]] };
    expect([0, 1, 2].map((i) => isYearColumn(table, i))).toEqual([true, false, false]);
  });
});
