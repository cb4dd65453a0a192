import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { newMediaAccountsSql, newMediaPlatformsSql, type NewMediaAccountRow, type NewMediaPlatformRow } from './newmedia.ts';

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
});

describe('newMediaPlatformsSql', () => {
  it('sums per platform and year over the accounts that state each figure', async () => {
    const rows = await db.query<NewMediaPlatformRow>(newMediaPlatformsSql('r.year = 2021'));
    expect(rows).toEqual([
      { platform: 'douyin', year: 2021, n_accounts: 1, n_reports: 1, followers: 30000, posts: null, n_with_followers: 1, n_with_posts: 0, n_posts_cumulative: 0 },
      { platform: 'wechat', year: 2021, n_accounts: 1, n_reports: 1, followers: 16000, posts: 200, n_with_followers: 1, n_with_posts: 1, n_posts_cumulative: 0 },
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
