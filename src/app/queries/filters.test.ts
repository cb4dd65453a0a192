import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from './view-fixture.ts';
import { filterOptionsSql, filtersFromParams, filtersToParams, NO_FILTERS, reportWhere, type FilterOptionRow, type Filters } from './filters.ts';

let db: FixtureDb;
beforeAll(async () => {
  db = await openFixtureDb(FIXTURE_REPORTS);
});
afterAll(() => db.close());

const ids = async (filters: Filters) => (await db.query<{ id: string }>(`SELECT r.id FROM reports r WHERE ${reportWhere(filters)} ORDER BY r.id`)).map((r) => r.id);

describe('reportWhere', () => {
  it('is TRUE without filters', () => {
    expect(reportWhere(NO_FILTERS)).toBe('TRUE');
  });

  it('filters by region path, level, template, years and source', async () => {
    expect(await ids({ ...NO_FILTERS, region: '示例省/乙市' })).toEqual(['b2020', 'b2022']);
    expect(await ids({ ...NO_FILTERS, region: '示例省' })).toHaveLength(6);
    expect(await ids({ ...NO_FILTERS, levels: ['county_gov', 'county_dept'] })).toEqual(['b2020', 'b2022', 'c2021']);
    expect(await ids({ ...NO_FILTERS, template: '2019' })).toEqual(['a2020', 'b2020']);
    expect(await ids({ ...NO_FILTERS, yearFrom: 2021, yearTo: 2021 })).toEqual(['a2021', 'c2021']);
    expect(await ids({ ...NO_FILTERS, source: 'real' })).toEqual(['c2021']);
  });

  it('quotes values so a name cannot break the SQL', async () => {
    expect(await ids({ ...NO_FILTERS, region: "示例省'; DROP TABLE reports; --" })).toEqual([]);
  });
});

describe('filters in the URL', () => {
  it('round-trips and leaves defaults out', () => {
    const filters: Filters = { region: '示例省/甲市', levels: ['county_gov'], template: '2021', yearFrom: 2020, yearTo: null, source: 'synthetic' };
    const params = Object.fromEntries(Object.entries(filtersToParams(filters)).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(params).toEqual({ region: '示例省/甲市', level: 'county_gov', tpl: '2021', from: '2020', src: 'synthetic' });
    expect(filtersFromParams(params)).toEqual(filters);
    expect(Object.values(filtersToParams(NO_FILTERS)).every((v) => v === null)).toBe(true);
  });

  it('ignores values that are not valid', () => {
    expect(filtersFromParams({ level: 'mayor,county_gov', tpl: '2030', from: 'x', src: 'other' })).toEqual({ ...NO_FILTERS, levels: ['county_gov'] });
  });
});

describe('filterOptionsSql', () => {
  it('offers provinces, cities, levels, years, templates and sources with counts', async () => {
    const rows = await db.query<FilterOptionRow>(filterOptionsSql());
    const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value).sort();
    expect(of('region')).toEqual(['示例省', '示例省/丙市', '示例省/乙市', '示例省/甲市']);
    expect(of('year')).toEqual(['2020', '2021', '2022']);
    expect(of('source')).toEqual(['real', 'synthetic']);
  });
});
