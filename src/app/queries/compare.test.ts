import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { agenciesSql, rankAbsentSql, rankSql, rankTopSql, yearsSql, type RankRow } from './compare.ts';
import { agencyTrendSql, groupTrendSql, type TrendRow } from './trends.ts';
import { measureById } from './measures.ts';
import { NO_FILTERS, reportWhere } from './filters.ts';

let db: FixtureDb;
beforeAll(async () => {
  db = await openFixtureDb(FIXTURE_REPORTS);
});
afterAll(() => db.close());
const all = reportWhere(NO_FILTERS);

describe('compare queries', () => {
  it('ranks one year by the measure, absent values last and marked', async () => {
    const rows = await db.query<RankRow>(rankSql(measureById('disclosure_rate'), 2021, all));
    expect(rows.map((r) => r.id)).toEqual(['a2021', 'c2021']);
    expect(rows[0].value).toBeCloseTo(15 / 19, 10);
    expect(rows[0].num).toBe(15);
    expect(rows[0].den).toBe(19);
    expect(rows[1].value).toBeCloseTo(3 / 4, 10);
    const apps = await db.query<RankRow>(rankSql(measureById('applications'), 2021, all));
    expect(apps.at(-1)).toMatchObject({ id: 'c2021', value: null, state: 'blank' });
  });

  it('marks a 2019-only item as not applicable in 2022', async () => {
    const rows = await db.query<RankRow>(rankSql(measureById('procurement_t2'), 2022, all));
    expect(rows.every((r) => r.state === 'na' && r.value === null)).toBe(true);
  });

  it('lists years newest first and the chosen agencies across years', async () => {
    expect((await db.query<{ year: number }>(yearsSql(all))).map((r) => r.year)).toEqual([2022, 2021, 2020]);
    expect(agenciesSql([measureById('granted')], [], all)).toBeNull();
    const rows = await db.query<Record<string, unknown>>(agenciesSql([measureById('granted')], ['示例省乙县人民政府'], all)!);
    expect(rows.map((r) => [r.year, r.granted])).toEqual([[2020, 5], [2022, 4]]);
  });
});

describe('trend queries', () => {
  it('aggregates per group and year, summing only reports that gave a value', async () => {
    const rows = await db.query<TrendRow>(groupTrendSql(measureById('applications'), all, 'level'));
    const county2021 = rows.find((r) => r.series === 'county_dept' && r.year === 2021)!;
    expect(county2021.value).toBeNull();
    expect(county2021.reports).toBe(0);
    const pref = rows.filter((r) => r.series === 'prefecture_dept').map((r) => [r.year, r.value, r.templates]);
    expect(pref).toEqual([[2020, 12, '2019'], [2021, 20, '2021'], [2022, 30, '2021']]);
  });

  it('groups regions one level below the region filter', async () => {
    const rows = await db.query<TrendRow>(groupTrendSql(measureById('granted'), reportWhere({ ...NO_FILTERS, region: '示例省' }), 'region', 1));
    expect([...new Set(rows.map((r) => r.series))].sort()).toEqual(['示例省/丙市', '示例省/乙市', '示例省/甲市']);
  });

  it('keeps not-applicable years as null with their count', async () => {
    const rows = await db.query<TrendRow>(agencyTrendSql(measureById('procurement_t2'), ['示例省甲市教育局'], all)!);
    expect(rows.map((r) => [r.year, r.value === null ? null : Math.round(r.value * 10) / 10, r.na])).toEqual([[2020, 668.7, 0], [2021, null, 1], [2022, null, 1]]);
  });
});

describe('rankTopSql and rankAbsentSql', () => {
  it('give the chart the first values of the ranking and count the reports it leaves out', async () => {
    for (const id of ['applications', 'review_correction_rate']) {
      const measure = measureById(id);
      const all = await db.query<RankRow>(rankSql(measure, 2020, 'TRUE'));
      const top = await db.query<RankRow>(rankTopSql(measure, 2020, 'TRUE', 1));
      expect(top.map((r) => r.id), id).toEqual(all.filter((r) => r.value !== null).slice(0, 1).map((r) => r.id));
      const [absent] = await db.query<{ na: number; empty: number }>(rankAbsentSql(measure, 2020, 'TRUE'));
      expect(absent, id).toEqual({ na: all.filter((r) => r.state === 'na').length, empty: all.filter((r) => r.state === 'blank' || r.state === 'missing').length });
    }
  });
});
