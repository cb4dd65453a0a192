import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { agencySearchSql, type AgencyMatch } from './agencies.ts';
import { NO_FILTERS, reportWhere } from './filters.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

const search = (text: string, where = reportWhere(NO_FILTERS)) => db.query<AgencyMatch>(agencySearchSql(text, where)!);

describe('agencySearchSql', () => {
  it('finds agencies by part of the name, with their latest report', async () => {
    const rows = await search('教育');
    expect(rows.map((r) => r.agency)).toEqual(['示例省甲市教育局']);
    expect(rows[0]).toMatchObject({ reports: 3, latest_year: 2022, latest_id: 'a2022' });
  });

  it('needs every word, in the name or the region, and finds nothing for a name that is not there', async () => {
    expect((await search('乙市 人民政府')).map((r) => r.agency)).toEqual(['示例省乙县人民政府']);
    expect(await search('不存在的机关')).toEqual([]);
  });

  it('puts the exact name first, keeps to the filter, and has nothing to search for in blanks', async () => {
    const all = await search('示例省');
    expect(all.length).toBeGreaterThan(1);
    expect((await search('示例省甲市教育局'))[0]?.agency).toBe('示例省甲市教育局');
    expect(await search('教育', `${reportWhere(NO_FILTERS)} AND r.year = 1999`)).toEqual([]);
    expect(agencySearchSql('   ', 'TRUE')).toBeNull();
    expect(agencySearchSql("x' OR 1=1 --", 'TRUE')).toContain("'x'' or 1=1 --'");
  });
});
