import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { reviewCellsSql, reviewReportsSql, reviewTrendSql, type ReviewCellRow, type ReviewReportRow, type ReviewTrendRow } from './review.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('reviewCellsSql', () => {
  it('sums table 4 and counts the reports that left a cell blank or missing', async () => {
    const rows = await db.query<ReviewCellRow>(reviewCellsSql('TRUE'));
    expect(rows.find((r) => r.row === 'review' && r.col === 'total')).toEqual({ row: 'review', col: 'total', value: 11, n_reported: 4, n_empty: 2 });
    expect(rows.find((r) => r.row === 'lit_after_review' && r.col === 'other')?.value).toBe(1);
  });
});

describe('reviewReportsSql', () => {
  it('computes the correction rate over closed cases and sums both kinds of lawsuit', async () => {
    const rows = await db.query<ReviewReportRow>(reviewReportsSql('TRUE'));
    const by = (id: string) => rows.find((r) => r.id === id)!;
    expect(by('a2020').review_correction_rate).toBeCloseTo(1 / 3, 10);
    expect(by('a2020').lit_total).toBe(1);
    expect(by('a2022').review_correction_rate).toBe(1);
    expect(by('b2020')).toMatchObject({ review_total: 0, review_correction_rate: null, lit_total: 1, lit_other: 1 });
    expect(by('b2022')).toMatchObject({ review_total: null, review_correction_rate: null });
  });
});

describe('reviewTrendSql', () => {
  it('pools the correction rate per year', async () => {
    const rows = await db.query<ReviewTrendRow>(reviewTrendSql(`r.agency = '示例省甲市教育局'`));
    expect(rows.map((r) => [r.year, r.review_total, r.review_corrected, r.review_closed])).toEqual([[2020, 4, 1, 3], [2021, 6, 2, 6], [2022, 1, 1, 1]]);
    expect(rows[0].review_correction_rate).toBeCloseTo(1 / 3, 10);
  });
});
