import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { procurementFiguresSql, procurementReportsSql, procurementTopSql, procurementTrendSql, type ProcurementFiguresRow, type ProcurementReportRow, type ProcurementTrendRow } from './procurement.ts';

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

describe('procurementFiguresSql and procurementTopSql', () => {
  it('sum the listed reports’ figures, a sum over no figure staying null, and rank by amount', async () => {
    const [all] = await db.query<ProcurementFiguresRow>(procurementFiguresSql('TRUE'));
    expect(all).toMatchObject({ n_applicable: 2, n_with_amount: 2, table_projects: 398, narrative_amount: 788.7 });
    expect(all!.table_amount).toBeCloseTo(8048.98959, 5);
    const [later] = await db.query<ProcurementFiguresRow>(procurementFiguresSql('r.year >= 2021'));
    expect(later).toEqual({ n_applicable: 0, n_with_amount: 0, table_amount: null, table_projects: null, narrative_amount: 120 });
    expect((await db.query<ProcurementReportRow>(procurementTopSql('TRUE', 15))).map((r) => r.id)).toEqual(['b2020', 'a2020']);
    expect((await db.query<ProcurementReportRow>(procurementTopSql('TRUE', 1))).map((r) => r.id)).toEqual(['b2020']);
  });
});
