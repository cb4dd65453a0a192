import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { procurementReportsSql, procurementTrendSql, type ProcurementReportRow, type ProcurementTrendRow } from './procurement.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('procurementReportsSql', () => {
  it('lists 2019-template reports with their table figures and any report with a narrative amount', async () => {
    const rows = await db.query<ProcurementReportRow>(procurementReportsSql('TRUE'));
    expect(rows.map((r) => r.id)).toEqual(['b2022', 'b2020', 'a2020']);
    expect(rows[1]).toMatchObject({ applicable: true, projects: 395, amount_raw: '73802895.90元', amount_state: 'number' });
    expect(rows[1].amount).toBeCloseTo(7380.28959, 6);
    expect(rows[0]).toMatchObject({ applicable: false, projects: null, amount: null, narrative_amount: 120 });
    expect(rows[2]).toMatchObject({ amount: 668.7, narrative_amount: 668.7 });
  });
});

describe('procurementTrendSql', () => {
  it('gives null table amounts, not 0, for years whose reports use the 2021 template', async () => {
    const rows = await db.query<ProcurementTrendRow>(procurementTrendSql('TRUE'));
    expect(rows.map((r) => [r.year, r.n_reports, r.n_applicable, r.projects, r.amount === null ? null : Math.round(r.amount * 1e5) / 1e5])).toEqual([
      [2020, 2, 2, 398, 8048.98959], [2021, 2, 0, null, null], [2022, 2, 0, null, null],
    ]);
    expect(rows[2]).toMatchObject({ narrative_amount: 120, n_with_narrative: 1 });
  });
});
