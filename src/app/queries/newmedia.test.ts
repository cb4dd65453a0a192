import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { newMediaAccountsSql, newMediaPlatformsSql, newMediaTopSql, type NewMediaAccountRow, type NewMediaPlatformRow } from './newmedia.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('newMediaAccountsSql', () => {
  it('pairs followers and posts of one account and keeps a figure the report did not give as null', async () => {
    const rows = await db.query<NewMediaAccountRow>(newMediaAccountsSql('TRUE'));
    expect(rows.map((r) => [r.report_id, r.platform, r.followers, r.posts])).toEqual([
      ['a2021', 'douyin', 30000, null], ['a2021', 'wechat', 16000, 200], ['a2020', 'wechat', 14000, 180], ['a2020', 'weibo', 90, 1500],
    ]);
    expect(rows[0].approx).toBe(true);
    expect(rows[1].evidence).toContain('16000');
  });

  it('keeps one year when asked, and ranks that year’s accounts by either figure', async () => {
    expect((await db.query<NewMediaAccountRow>(newMediaAccountsSql('TRUE', 2020))).map((r) => [r.report_id, r.platform])).toEqual([['a2020', 'wechat'], ['a2020', 'weibo']]);
    expect((await db.query<NewMediaAccountRow>(newMediaTopSql('TRUE', 2020, 'followers', 15))).map((r) => r.platform)).toEqual(['wechat', 'weibo']);
    expect((await db.query<NewMediaAccountRow>(newMediaTopSql('TRUE', 2020, 'posts', 1))).map((r) => r.platform)).toEqual(['weibo']);
    expect((await db.query<NewMediaAccountRow>(newMediaTopSql('TRUE', 2021, 'posts', 15))).map((r) => r.platform)).toEqual(['wechat']);
  });
});

describe('newMediaPlatformsSql', () => {
  it('sums per platform and year over the accounts that state each figure', async () => {
    const rows = await db.query<NewMediaPlatformRow>(newMediaPlatformsSql('r.year = 2021'));
    expect(rows).toEqual([
      { platform: 'douyin', year: 2021, n_accounts: 1, n_reports: 1, followers: 30000, posts: null, n_with_followers: 1, n_with_posts: 0, n_posts_cumulative: 0, n_followers_jumps: 0 },
      { platform: 'wechat', year: 2021, n_accounts: 1, n_reports: 1, followers: 16000, posts: 200, n_with_followers: 1, n_with_posts: 1, n_posts_cumulative: 0, n_followers_jumps: 0 },
    ]);
  });
});

describe('posts stated as a running total', () => {
  it('shows the year’s figure when there is one, marks a running total, and keeps it out of the year’s sum', async () => {
    const posts = (account: string, value: number, period_kind: 'annual' | 'cumulative') =>
      ({ key: 'newmedia_posts' as const, value, unit: '条', platform: 'wechat' as const, account, period_kind, evidence: `${account}发布${value}条` });
    const own = await openFixtureDb([{
      id: 'k2024', agency: '示例省癸市文旅局', level: 'prefecture_dept', province: '示例省', city: '癸市', year: 2024, template: '2021',
      metrics: [posts('癸市文旅', 200, 'annual'), posts('癸市文旅', 900, 'cumulative'), posts('癸市旅游', 500, 'cumulative')],
    }]);
    try {
      const accounts = await own.query<NewMediaAccountRow>(newMediaAccountsSql('TRUE'));
      expect(accounts.map((r) => [r.account, r.posts, r.posts_cumulative])).toEqual([['癸市文旅', 200, false], ['癸市旅游', 500, true]]);
      const [platform] = await own.query<NewMediaPlatformRow>(newMediaPlatformsSql('TRUE'));
      expect(platform).toMatchObject({ n_accounts: 2, posts: 200, n_with_posts: 1, n_posts_cumulative: 1 });
    } finally {
      own.close();
    }
  });
});

describe('a followers figure that jumps against its account\'s other years', () => {
  it('gives each figure its ratio to the account\'s other years, and counts the ×10 ones per platform and year', async () => {
    const followers = (value: number) => ({ key: 'newmedia_followers' as const, value, unit: '人', platform: 'wechat' as const, account: '癸市文旅', evidence: `关注${value}人` });
    const year = (y: number, value: number) => ({ id: `k${y}`, agency: '示例省癸市文旅局', level: 'prefecture_dept', province: '示例省', city: '癸市', year: y, template: '2021' as const, metrics: [followers(value)] });
    const own = await openFixtureDb([year(2021, 9000), year(2022, 10000), year(2023, 1_014_000), year(2024, 11000)]);
    try {
      const accounts = await own.query<NewMediaAccountRow>(newMediaAccountsSql('TRUE'));
      const ratio = new Map(accounts.map((r) => [r.year, r.followers_jump]));
      expect(ratio.get(2023)).toBeCloseTo(1_014_000 / 10000, 6);
      expect(ratio.get(2022)! > 0.1 && ratio.get(2022)! < 10).toBe(true);
      // the ratio is against the account's own history, whatever years the filter keeps
      const [only2023] = await own.query<NewMediaAccountRow>(newMediaAccountsSql('r.year = 2023'));
      expect(only2023.followers_jump).toBeCloseTo(101.4, 6);
      const platforms = await own.query<NewMediaPlatformRow>(newMediaPlatformsSql('TRUE'));
      expect(platforms.map((p) => [p.year, p.n_followers_jumps])).toEqual([[2021, 0], [2022, 0], [2023, 1], [2024, 0]]);
    } finally {
      own.close();
    }
  });
});
