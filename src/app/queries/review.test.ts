import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { REVIEW_RANK_MEASURES, reviewCellsSql, reviewReportsSql, reviewTopSql, reviewUnrankedSql, reviewYearsSql, type ReviewCellRow, type ReviewReportRow, type ReviewTrendRow } from './review.ts';
import { datedReportWhere, NO_FILTERS } from './filters.ts';
import { splitTotal } from './measures.ts';
import { reviewRankOption } from '../charts/review.ts';

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
    expect(by('a2020')).toMatchObject({ lawsuits: 1, review_correction_rate__den: 3, review_correction_rate__state: 'value' });
    expect(by('a2022').review_correction_rate).toBe(1);
    // no closed case: the rate is not applicable, not 0
    expect(by('b2020')).toMatchObject({ review_cases: 0, review_correction_rate: null, review_correction_rate__state: 'na', lawsuits: 1 });
    expect(by('b2022')).toMatchObject({ review_cases: null, review_correction_rate: null });
  });
});

const reviewYears = async (where: string) => splitTotal(await db.query<ReviewTrendRow>(reviewYearsSql(where)), ['year']);

describe('reviewYearsSql', () => {
  it('pools the correction rate per year', async () => {
    const rows = (await reviewYears(datedReportWhere({ ...NO_FILTERS, levels: ['prefecture_dept'] }))).groups!;
    expect(rows.map((r) => [r.year, r.review_cases])).toEqual([[2020, 4], [2021, 6], [2022, 1]]);
    expect(rows[0].review_correction_rate).toBeCloseTo(1 / 3, 10);
  });

  it('gives the selection the figures the years add up to, in a row of its own: each measure over the reports that give it', async () => {
    const dated = datedReportWhere(NO_FILTERS);
    const { groups: years, total } = await reviewYears(dated);
    const all = total as Record<string, number>;
    expect(all.review_cases).toBe(years!.reduce((s, y) => s + (y.review_cases ?? 0), 0));
    expect(all.lawsuits).toBe(years!.reduce((s, y) => s + (y.lawsuits ?? 0), 0));
    const reports = await db.query<ReviewReportRow>(reviewReportsSql(dated));
    const closed = reports.filter((r) => r.review_correction_rate__state === 'value');
    expect(all.review_correction_rate).toBeCloseTo(closed.reduce((s, r) => s + r.review_corrected!, 0) / closed.reduce((s, r) => s + r.review_correction_rate__den!, 0), 12);
  });
});

describe('reviewTopSql and reviewUnrankedSql', () => {
  it('rank in the database what the chart would rank from every report, and count the rest', async () => {
    const reports = await db.query<ReviewReportRow>(reviewReportsSql('TRUE'));
    for (const measure of REVIEW_RANK_MEASURES) {
      for (const minClosed of [1, 3]) {
        const option = reviewRankOption(reports, { lang: 'zh', measure, minClosed, limit: 3 });
        const charted = (option.series as { data: { id: string }[] }[])[0]!.data.map((d) => d.id);
        const top = await db.query<ReviewReportRow>(reviewTopSql('TRUE', measure, minClosed, 3));
        expect(top.map((r) => r.id), `${measure} ≥${minClosed}`).toEqual(charted);
      }
      const [unranked] = await db.query<{ n: number }>(reviewUnrankedSql('TRUE', measure));
      expect(unranked!.n).toBe(reports.filter((r) => r[measure] === null).length);
    }
  });
});
