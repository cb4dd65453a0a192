import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { reportCellsSql, reportChecksSql, reportMetricsSql, reportSql, siblingReportsSql } from './detail.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('report detail SQL', () => {
  it('reads one report with its cells, metrics and checks', async () => {
    const [report] = await db.query<{ agency: string; template: string }>(reportSql('b2022'));
    expect(report).toMatchObject({ agency: '示例省乙县人民政府', template: '2021' });
    const cells = await db.query<{ row: string; col: string; value: number | null; state: string }>(reportCellsSql('b2022'));
    expect(cells.find((c) => c.row === 'granted' && c.col === 'total')).toMatchObject({ value: 4, state: 'inferred' });
    expect(cells.some((c) => c.row === 'other_no_correction')).toBe(false);
    expect((await db.query(reportMetricsSql('b2022'))).map((m) => (m as { key: string }).key)).toEqual(['procurement_amount']);
  });

  it('orders checks failures first', async () => {
    const checks = await db.query<{ status: string }>(reportChecksSql('c2021'));
    expect(checks.slice(0, 2).map((c) => c.status)).toEqual(['fail', 'fail']);
    expect(checks.at(-1)?.status).toBe('pass');
  });

  it('finds the agency\'s other years and nothing for an unknown id', async () => {
    expect((await db.query<{ id: string }>(siblingReportsSql('a2021'))).map((r) => r.id)).toEqual(['a2020', 'a2021', 'a2022']);
    expect(await db.query(reportSql("nope' OR '1'='1"))).toEqual([]);
  });
});
