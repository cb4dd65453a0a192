import { describe, expect, it } from 'vitest';
import type { ChartOption } from './echarts.ts';
import { drawChart } from '../../testing/chart-svg.ts';
import { outcomeGroups, outcomesBarOption, outcomesFlowOption, outcomeTrendOption } from './outcomes.ts';
import type { OutcomeCellRow } from '../queries/outcomes.ts';

const render = (option: ChartOption): string => drawChart(option, { width: 640, height: 400 }).svg;

const cell = (row: string, col: string, value: number | null): OutcomeCellRow => ({ row, col, value, n_reported: value === null ? 0 : 1, n_empty: value === null ? 1 : 0 });
const CELLS: OutcomeCellRow[] = [
  cell('new_received', 'natural_person', 10), cell('new_received', 'total', 12), cell('carried_over_in', 'total', 1),
  cell('granted', 'natural_person', 6), cell('granted', 'total', 6),
  cell('partially_granted', 'commercial_enterprise', 1), cell('partially_granted', 'total', 1),
  cell('denied_state_secret', 'total', 0), cell('denied_third_party', 'total', 2),
  cell('unable_not_held', 'natural_person', 4), cell('unable_not_held', 'total', 4),
  cell('other_handling', 'natural_person', null), cell('other_handling', 'total', null),
  cell('outcome_total', 'total', 13), cell('carried_over_out', 'total', 0),
];

type Series = { name: string; data: (number | null)[] }[];

describe('outcomeGroups', () => {
  it('sums outcome rows into their groups and keeps a group nobody printed as null', () => {
    const groups = outcomeGroups(CELLS);
    const get = (col: string, group: string) => groups.find((g) => g.col === col && g.group === group)?.value;
    expect(get('total', 'denied')).toBe(2);
    expect(get('total', 'other')).toBeNull();
    expect(get('natural_person', 'unable')).toBe(4);
    expect(get('legal_service_org', 'granted')).toBeNull();
  });
});

describe('outcomesBarOption', () => {
  it('stacks the six groups per applicant type, counts or shares', () => {
    const counts = outcomesBarOption(CELLS, { lang: 'zh', percent: false });
    const series = counts.series as Series;
    expect(series.map((s) => s.name)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    expect(series[0].data[0]).toBe(6);
    expect(series[5].data[0]).toBeNull();
    const shares = outcomesBarOption(CELLS, { lang: 'en', percent: true }).series as Series;
    expect(shares[0].data[0]).toBeCloseTo(0.6, 10);
    expect(shares[3].data[0]).toBeCloseTo(0.4, 10);
    expect(shares[0].name).toBe('Granted');
  });

  it('renders with the applicant types on the axis', () => {
    const svg = render(outcomesBarOption(CELLS, { lang: 'zh', percent: false }));
    expect(svg).toContain('自然人');
    expect(svg).toContain('商业企业');
  });
});

describe('outcomesFlowOption', () => {
  it('links inflows to the hub and the hub to non-empty outcomes only', () => {
    const option = outcomesFlowOption(CELLS, { lang: 'en', col: 'total' });
    const [sankey] = option.series as { links: { source: string; target: string; value: number }[] }[];
    expect(sankey.links).toEqual([
      { source: 'New this year', target: 'To be handled', value: 12 },
      { source: 'Carried in', target: 'To be handled', value: 1 },
      { source: 'To be handled', target: 'Granted', value: 6 },
      { source: 'To be handled', target: 'Partially granted', value: 1 },
      { source: 'To be handled', target: 'Denied', value: 2 },
      { source: 'To be handled', target: 'Unable to provide', value: 4 },
    ]);
    expect(render(option)).toContain('Unable to provide');
  });
});

describe('outcomeTrendOption', () => {
  it('puts applications on bars and the rate on a second axis, null years stay gaps', () => {
    const option = outcomeTrendOption([
      { year: 2020, reports: 2, applications: 17, disclosure_rate: 12 / 17 },
      { year: 2021, reports: 1, applications: null, disclosure_rate: null },
    ], { lang: 'zh' });
    const series = option.series as Series;
    expect(series[0].data).toEqual([17, null]);
    expect(series[1].data[1]).toBeNull();
    expect(render(option)).toContain('2021');
  });
});
