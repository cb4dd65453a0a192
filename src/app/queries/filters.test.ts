import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { filterOptionsSql, filtersFromParams, filtersToParams, NO_FILTERS, reportWhere, type FilterOptionRow, type Filters } from './filters.ts';

let db: FixtureDb;
beforeAll(async () => {
  db = await openFixtureDb(FIXTURE_REPORTS);
});
afterAll(() => db.close());

const ids = async (filters: Filters) => (await db.query<{ id: string }>(`SELECT r.id FROM reports r WHERE ${reportWhere(filters)} ORDER BY r.id`)).map((r) => r.id);

describe('reportWhere', () => {
  it('keeps only bodies\' own reports without filters', () => {
    expect(reportWhere(NO_FILTERS)).toBe('r.is_aggregate IS NOT TRUE');
  });

  it('filters by region path, level, template and years', async () => {
    expect(await ids({ ...NO_FILTERS, region: '示例省/乙市' })).toEqual(['b2020', 'b2022']);
    expect(await ids({ ...NO_FILTERS, region: '示例省' })).toHaveLength(6);
    expect(await ids({ ...NO_FILTERS, levels: ['county_gov', 'county_dept'] })).toEqual(['b2020', 'b2022', 'c2021']);
    expect(await ids({ ...NO_FILTERS, template: '2019' })).toEqual(['a2020', 'b2020']);
    expect(await ids({ ...NO_FILTERS, yearFrom: 2021, yearTo: 2021 })).toEqual(['a2021', 'c2021']);
  });

  it('never puts a region-wide report beside the bodies inside it, and shows region-wide reports one level at a time', async () => {
    const withAggregates = await openFixtureDb([
      ...FIXTURE_REPORTS,
      { id: 'p2021', agency: '示例省人民政府', level: 'provincial_gov', province: '示例省', city: null, year: 2021, template: '2021', is_aggregate: true },
      { id: 'q2021', agency: '示例省甲市人民政府', level: 'prefecture_gov', province: '示例省', city: '甲市', year: 2021, template: '2021', is_aggregate: true },
    ]);
    try {
      const idsIn = async (filters: Filters) => (await withAggregates.query<{ id: string }>(`SELECT r.id FROM reports r WHERE ${reportWhere(filters)} ORDER BY r.id`)).map((r) => r.id);
      expect(await idsIn(NO_FILTERS)).toEqual(['a2020', 'a2021', 'a2022', 'b2020', 'b2022', 'c2021']);
      expect(await idsIn({ ...NO_FILTERS, scope: 'regions' })).toEqual(['p2021']);
      expect(await idsIn({ ...NO_FILTERS, scope: 'regions', levels: ['prefecture_gov'] })).toEqual(['q2021']);
    } finally {
      withAggregates.close();
    }
  });

  it('quotes values so a name cannot break the SQL', async () => {
    expect(await ids({ ...NO_FILTERS, region: "示例省'; DROP TABLE reports; --" })).toEqual([]);
  });
});

describe('filters in the URL', () => {
  it('round-trips and leaves defaults out', () => {
    const filters: Filters = { region: '示例省/甲市', levels: ['county_gov'], template: '2021', yearFrom: 2020, yearTo: null, scope: 'regions' };
    const params = Object.fromEntries(Object.entries(filtersToParams(filters)).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(params).toEqual({ region: '示例省/甲市', level: 'county_gov', tpl: '2021', from: '2020', scope: 'regions' });
    expect(filtersFromParams(params)).toEqual(filters);
    expect(Object.values(filtersToParams(NO_FILTERS)).every((v) => v === null)).toBe(true);
  });

  it('ignores values that are not valid', () => {
    expect(filtersFromParams({ level: 'mayor,county_gov', tpl: '2030', from: 'x', scope: 'other' })).toEqual({ ...NO_FILTERS, levels: ['county_gov'] });
  });
});

describe('filterOptionsSql', () => {
  it('offers provinces, cities, levels, years, templates and scopes with counts', async () => {
    const rows = await db.query<FilterOptionRow>(filterOptionsSql());
    const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value).sort();
    expect(of('region')).toEqual(['示例省', '示例省/丙市', '示例省/乙市', '示例省/甲市']);
    expect(of('year')).toEqual(['2020', '2021', '2022']);
    expect(of('scope')).toEqual(['bodies']);
  });
});
