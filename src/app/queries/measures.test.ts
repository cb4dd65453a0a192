import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { aggregateSql, measureById, MEASURES, perReportSql, type MeasureRow } from './measures.ts';
import { NO_FILTERS, reportWhere } from './filters.ts';

let db: FixtureDb;
beforeAll(async () => {
  db = await openFixtureDb(FIXTURE_REPORTS);
});
afterAll(() => db.close());

const all = reportWhere(NO_FILTERS);
const byId = (rows: MeasureRow[]) => new Map(rows.map((r) => [r.id, r]));

describe('perReportSql', () => {
  it('computes counts and rates from the printed cells', async () => {
    const rows = byId(await db.query<MeasureRow>(perReportSql(MEASURES, all)));
    const a = rows.get('a2020')!;
    expect(a.applications).toBe(12);
    expect(a.disclosure_rate).toBeCloseTo(7 / 12, 10);
    expect(a.disclosure_rate__num).toBe(7);
    expect(a.disclosure_rate__den).toBe(12);
    expect(a.not_held_share).toBeCloseTo(3 / 12, 10);
    expect(a.review_correction_rate).toBeCloseTo(1 / 3, 10);
    expect(a.lawsuits).toBe(1);
    expect(a.procurement_t2).toBeCloseTo(668.7, 6);
    expect(a.newmedia_followers).toBe(14090);
    expect(rows.get('a2021')!.newmedia_followers).toBe(46000);
  });

  it('keeps blank, missing and not-applicable apart and never turns them into 0', async () => {
    const rows = byId(await db.query<MeasureRow>(perReportSql(MEASURES, all)));
    const c = rows.get('c2021')!;
    expect(c.applications).toBeNull();
    expect(c.applications__state).toBe('blank');
    expect(c.review_cases).toBeNull();
    expect(c.review_cases__state).toBe('missing');
    expect(c.newmedia_followers__state).toBe('missing');
    const b = rows.get('b2022')!;
    expect(b.review_correction_rate__state).toBe('blank');
    expect(b.procurement_t2).toBeNull();
    expect(b.procurement_t2__state).toBe('na');
    expect(rows.get('a2020')!.fee_amount__state).toBe('na');
    expect(rows.get('a2022')!.fee_amount).toBe(1.5);
    // a rate over zero closed cases is not defined
    expect(rows.get('b2020')!.review_correction_rate__state).toBe('na');
  });

  it('applies the report filter', async () => {
    const rows = await db.query<MeasureRow>(perReportSql([measureById('applications')], reportWhere({ ...NO_FILTERS, region: '示例省/乙市' })));
    expect(rows.map((r) => r.id).sort()).toEqual(['b2020', 'b2022']);
  });

  it('holds one report_measures row per report and refuses a measure the table lacks', async () => {
    const [{ reports, measured }] = await db.query<{ reports: number; measured: number }>(
      'SELECT (SELECT count(*) FROM reports)::INTEGER AS reports, (SELECT count(*) FROM report_measures)::INTEGER AS measured');
    expect(measured).toBe(reports);
    const adHoc = { ...measureById('granted'), id: 'granted_again' };
    expect(() => perReportSql([adHoc], all)).toThrow(/granted_again: not in MEASURES/);
  });
});

describe('aggregateSql', () => {
  it('sums counts and divides sums for rates, over reports that gave both operands', async () => {
    const measures = ['applications', 'disclosure_rate', 'procurement_t2'].map(measureById);
    const rows = await db.query<Record<string, number>>(aggregateSql(measures, all, [{ sql: 'year', as: 'year' }]));
    const y2021 = rows.find((r) => r.year === 2021)!;
    // c2021's new_received total is blank: left out, not counted as 0
    expect(y2021.applications).toBe(20);
    expect(y2021.applications__reports).toBe(1);
    expect(y2021.disclosure_rate).toBeCloseTo((15 + 3) / (19 + 4), 10);
    expect(y2021.procurement_t2).toBeNull();
    expect(y2021.procurement_t2__na).toBe(2);
    const y2020 = rows.find((r) => r.year === 2020)!;
    expect(y2020.procurement_t2).toBeCloseTo(668.7 + 7380.28959, 6);
    expect(y2020.reports).toBe(2);
  });

  it('returns one row with no grouping', async () => {
    const rows = await db.query<Record<string, number>>(aggregateSql([measureById('granted')], all, []));
    expect(rows).toHaveLength(1);
    expect(rows[0].granted).toBe(6 + 12 + 20 + 5 + 4 + 3);
  });
});
