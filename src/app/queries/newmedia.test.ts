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
      { platform: 'douyin', year: 2021, n_accounts: 1, n_reports: 1, followers: 30000, posts: null, n_with_followers: 1, n_with_posts: 0 },
      { platform: 'wechat', year: 2021, n_accounts: 1, n_reports: 1, followers: 16000, posts: 200, n_with_followers: 1, n_with_posts: 1 },
    ]);
  });
});
