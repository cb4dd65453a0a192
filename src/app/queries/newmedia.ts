/**
 * SQL for the new-media view: narrative metrics `newmedia_followers` (a stock: followers at the
 * report's cut-off) and `newmedia_posts` (a flow: posts in the year), per platform and account.
 */
import { whereOrAll } from './detail.ts';
import { listLimit, listTotalColumn } from './list-head.ts';
import { BY_YEAR_AND_LEVEL, REPORT_ROW_COLUMNS } from './filters.ts';

export interface NewMediaAccountRow {
  report_id: string;
  agency: string | null;
  year: number | null;
  synthetic: boolean;
  platform: string;
  account: string | null;
  followers: number | null;
  posts: number | null;
  /** The only posts figure stated is a running total (累计, 截至…), not the year's. */
  posts_cumulative: boolean;
  /** The report said 余/约/超过… beside one of the figures. */
  approx: boolean;
  evidence: string;
  /**
   * Followers ÷ the median of the same account's other years (null without other years). At
   * ×10 or ÷10 the view flags the figure: a stray digit or unit makes a platform spike.
   */
  followers_jump: number | null;
}

/** A followers figure this many times above or below its account's other years is flagged. */
/** What the view ranks and sums: followers (关注用户) or posts (发布信息). */
export type NewMediaMeasure = 'followers' | 'posts';

export const JUMP_FACTOR = 10;
const isJumpSql = (ratio: string) => `(${ratio} >= ${JUMP_FACTOR} OR ${ratio} <= ${1 / JUMP_FACTOR})`;

export const REPORT_ACCOUNTS_TABLE = 'report_accounts';

/**
 * Creates `report_accounts`: one row per report and account, with the report's columns
 * (REPORT_ROW_COLUMNS) and its followers' jump against the account's other years. Neither
 * depends on what a filter chooses (an account's history is all its years, whatever is
 * selected), so both are derived once (derived.ts).
 */
export function reportAccountsTableSql(): string {
  return `CREATE OR REPLACE TABLE ${REPORT_ACCOUNTS_TABLE} AS
WITH acc AS (
  SELECT m.report_id, coalesce(m.platform, 'other') AS platform, m.account,
    max(m.value) FILTER (WHERE m."key" = 'newmedia_followers') AS followers,
    -- a year's posts when the report states them; a running total (累计, 截至…) only when it states nothing else
    coalesce(max(m.value) FILTER (WHERE m."key" = 'newmedia_posts' AND coalesce(m.period_kind, 'annual') = 'annual'),
      max(m.value) FILTER (WHERE m."key" = 'newmedia_posts')) AS posts,
    count(*) FILTER (WHERE m."key" = 'newmedia_posts') > 0
      AND count(*) FILTER (WHERE m."key" = 'newmedia_posts' AND coalesce(m.period_kind, 'annual') = 'annual') = 0 AS posts_cumulative,
    bool_or(coalesce(m.approx, false)) AS approx,
    string_agg(m.evidence, ' / ' ORDER BY m."key") AS evidence
  FROM metrics m
  WHERE m."key" IN ('newmedia_followers', 'newmedia_posts')
  GROUP BY m.report_id, coalesce(m.platform, 'other'), m.account),
history AS (
  SELECT r.agency, coalesce(m.platform, 'other') AS platform, m.account, r.year, max(m.value) AS followers
  FROM metrics m JOIN reports r ON r.id = m.report_id
  WHERE m."key" = 'newmedia_followers' AND r.year IS NOT NULL AND m.value > 0
  GROUP BY 1, 2, 3, 4)
SELECT acc.*, ${REPORT_ROW_COLUMNS.map((c) => `r.${c}`).join(', ')},
  CASE WHEN acc.followers > 0 THEN acc.followers / nullif((SELECT median(h.followers) FROM history h
    WHERE h.agency = r.agency AND h.platform = acc.platform AND h.account IS NOT DISTINCT FROM acc.account AND h.year <> r.year), 0) END AS followers_jump
FROM acc JOIN reports r ON r.id = acc.report_id
${BY_YEAR_AND_LEVEL}`;
}

const accountsCte = (where: string) => `acc AS (SELECT * FROM ${REPORT_ACCOUNTS_TABLE} r WHERE ${whereOrAll(where)})`;

const ofYear = (where: string, year: number | null) => (year === null ? where : `(${whereOrAll(where)}) AND r.year = ${Math.trunc(year)}`);

/** One row per account and report (of `year` only, when given; an account's jump still weighs all its years); with `head`, the first rows only (list-head.ts). */
export function newMediaAccountsSql(where: string, year: number | null = null, head: number | null = null): string {
  return `${accountRowsSql(where, year, listTotalColumn(head))}
ORDER BY acc.year DESC NULLS LAST, acc.followers DESC NULLS LAST, acc.agency, acc.platform, acc.account, acc.report_id${listLimit(head)}`;
}

/** newMediaAccountsSql's rows in no order: what the ranking reads (a sort inside a subquery is done, not dropped). */
function accountRowsSql(where: string, year: number | null, extra = ''): string {
  return `WITH ${accountsCte(ofYear(where, year))}
SELECT acc.report_id, acc.agency, acc.year, coalesce(acc.synthetic, false) AS synthetic, acc.platform, acc.account,
  acc.followers, acc.posts, acc.posts_cumulative, acc.approx, acc.evidence, acc.followers_jump${extra}
FROM acc`;
}

export interface NewMediaPlatformRow {
  platform: string;
  year: number | null;
  n_accounts: number;
  n_reports: number;
  followers: number | null;
  posts: number | null;
  n_with_followers: number;
  n_with_posts: number;
  /** Accounts whose only posts figure is a running total: left out of `posts`. */
  n_posts_cumulative: number;
  /** Accounts whose followers jump ×10 against their other years (JUMP_FACTOR): the sum may spike on one figure. */
  n_followers_jumps: number;
}

/**
 * Per platform and year: accounts, summed followers and posts (each over the accounts that state
 * it). A running total of posts is no year's flow and is not added in.
 */
export function newMediaPlatformsSql(where: string): string {
  return `WITH ${accountsCte(where)}
SELECT acc.platform, acc.year, count(*)::INTEGER AS n_accounts, count(DISTINCT acc.report_id)::INTEGER AS n_reports,
  sum(acc.followers)::DOUBLE AS followers, sum(acc.posts) FILTER (WHERE NOT acc.posts_cumulative)::DOUBLE AS posts,
  count(acc.followers)::INTEGER AS n_with_followers, count(acc.posts) FILTER (WHERE NOT acc.posts_cumulative)::INTEGER AS n_with_posts,
  count(*) FILTER (WHERE acc.posts_cumulative)::INTEGER AS n_posts_cumulative,
  count(*) FILTER (WHERE ${isJumpSql('acc.followers_jump')})::INTEGER AS n_followers_jumps
FROM acc
GROUP BY acc.platform, acc.year ORDER BY acc.year, acc.platform`;
}

/** How many accounts the ranking chart shows. */
export const NEWMEDIA_TOP = 15;

/** The `limit` accounts of `year` with the most of `measure` (a running total of posts is not ranked against years' posts). */
export function newMediaTopSql(where: string, year: number, measure: NewMediaMeasure, limit: number): string {
  const column = measure === 'posts' ? 'posts' : 'followers';
  return `SELECT * FROM (${accountRowsSql(where, year)})
WHERE ${column} IS NOT NULL${measure === 'posts' ? ' AND NOT posts_cumulative' : ''}
ORDER BY ${column} DESC, followers DESC NULLS LAST, agency, platform, account, report_id
LIMIT ${Math.trunc(limit)}`;
}
