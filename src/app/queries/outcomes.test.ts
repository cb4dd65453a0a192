import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { datedReportWhere, NO_FILTERS, reportWhere } from './filters.ts';
import { splitTotal } from './measures.ts';
import { outcomeCellsSql, outcomeReportsSql, outcomeYearsSql, reportOutcomeCellsSql, reportOutcomeFiguresSql, type OutcomeCellRow, type OutcomeReportRow, type OutcomeTrendRow } from './outcomes.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('outcomeCellsSql', () => {
  it('sums each table-3 cell over the selection, leaving blanks out and counting them', async () => {
    const rows = await db.query<OutcomeCellRow>(outcomeCellsSql('TRUE'));
    const cell = (row: string, col: string) => rows.find((r) => r.row === row && r.col === col);
    expect(cell('new_received', 'total')).toEqual({ row: 'new_received', col: 'total', value: 75, n_reported: 5, n_empty: 1 });
    expect(cell('granted', 'natural_person')?.value).toBe(50);
  });

  it('folds the 2021 template\'s three （六） rows and the combined row into other_handling', async () => {
    const rows = await db.query<OutcomeCellRow>(outcomeCellsSql('TRUE'));
    expect(rows.some((r) => r.row.startsWith('other_') && r.row !== 'other_handling')).toBe(false);
    expect(rows.find((r) => r.row === 'other_handling' && r.col === 'total')?.value).toBe(5);
  });

  it('applies the filters', async () => {
    const rows = await db.query<OutcomeCellRow>(outcomeCellsSql(reportWhere({ ...NO_FILTERS, region: '示例省/乙市' })));
    expect(rows.find((r) => r.row === 'new_received' && r.col === 'total')?.value).toBe(13);
  });

  it('gives one report alone as it gives a selection holding only that report', async () => {
    const onlyC2021 = datedReportWhere({ ...NO_FILTERS, levels: ['county_dept'] });
    expect((await db.query<{ id: string }>(`SELECT r.id FROM reports r WHERE ${onlyC2021}`)).map((r) => r.id)).toEqual(['c2021']);
    const asSet = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(asSet(await db.query(reportOutcomeCellsSql('c2021')))).toEqual(asSet(await db.query(outcomeCellsSql(onlyC2021))));
    expect(await db.query(reportOutcomeFiguresSql('c2021'))).toEqual([splitTotal(await db.query(outcomeYearsSql(onlyC2021)), ['year']).total]);
    expect(await db.query(reportOutcomeCellsSql('a2021'))).not.toEqual([]);
  });

  it('gives null, not 0, when every selected report left a cell blank', async () => {
    const rows = await db.query<OutcomeCellRow>(outcomeCellsSql(reportWhere({ ...NO_FILTERS, levels: ['county_dept'] })));
    expect(rows.find((r) => r.row === 'new_received' && r.col === 'total')).toMatchObject({ value: null, n_reported: 0, n_empty: 1 });
  });
});

describe('outcomeReportsSql', () => {
  it('computes the disclosure rate per report from the total column', async () => {
    const rows = await db.query<OutcomeReportRow>(outcomeReportsSql('TRUE'));
    expect(rows.map((r) => r.id)).toEqual(['a2022', 'b2022', 'a2021', 'c2021', 'a2020', 'b2020']);
    const a2021 = rows.find((r) => r.id === 'a2021')!;
    expect(a2021.disclosure_rate).toBeCloseTo(15 / 19, 10);
    expect(a2021.not_held_share).toBeCloseTo(2 / 19, 10);
    const c2021 = rows.find((r) => r.id === 'c2021')!;
    expect(c2021.applications).toBeNull();
    expect(c2021.applications__state).toBe('blank');
    expect(c2021.disclosure_rate).toBeCloseTo(0.75, 10);
    expect(c2021.synthetic).toBe(false);
  });
});

const outcomeYears = async (where: string) => splitTotal(await db.query<OutcomeTrendRow>(outcomeYearsSql(where)), ['year']);

describe('outcomeYearsSql', () => {
  it('pools the rate per year over reports that print both operands', async () => {
    const rows = (await outcomeYears(datedReportWhere(NO_FILTERS))).groups!;
    expect(rows.map((r) => r.year)).toEqual([2020, 2021, 2022]);
    const y2021 = rows[1];
    expect(y2021).toMatchObject({ reports: 2, applications: 20 });
    expect(y2021.disclosure_rate).toBeCloseTo(18 / 23, 10);
    expect(rows[2].disclosure_rate).toBeCloseTo(29 / 37, 10);
  });

  it('gives the selection the figures its years add up to, in a row of its own', async () => {
    const { groups: years, total } = await outcomeYears(datedReportWhere(NO_FILTERS));
    const all = total as Record<string, number>;
    expect(all.applications).toBe(years!.reduce((s, y) => s + (y.applications ?? 0), 0));
    // c2021 printed its new applications blank: left out of the figure and counted as left out
    expect(all.reports - all.applications__reports - all.applications__na).toBe(1);
  });
});
