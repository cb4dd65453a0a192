import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { qualityByRuleSql, qualityIssueCountSql, qualityIssuesSql, qualityStatesSql, type QualityIssueRow, type QualityRuleRow, type QualityStatesRow } from './quality.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('qualityIssuesSql', () => {
  it('lists failures before uncertain results, with the cells each rule read', async () => {
    const rows = await db.query<QualityIssueRow>(qualityIssuesSql('TRUE'));
    expect(rows.map((r) => [r.report_id, r.rule, r.row ?? r.col, r.status])).toEqual([
      ['c2021', 't3.outcome_sum', 'total', 'fail'],
      ['c2021', 't3.row_total', 'outcome_total', 'fail'],
      ['b2022', 't4.total', 'review', 'uncertain'],
      ['c2021', 't3.balance', 'total', 'uncertain'],
      ['c2021', 't3.row_total', 'new_received', 'uncertain'],
      ['c2021', 't4.total', 'review', 'uncertain'],
    ]);
    expect(rows[0]).toMatchObject({ left: 4, right: 3 });
    expect(rows[0].cells?.split(',')).toContain('t3.outcome_total.total');
  });

  it('filters by rule, status and severity, pages, and counts', async () => {
    const o = { status: 'uncertain' as const, rule: 't4.total' };
    expect((await db.query<QualityIssueRow>(qualityIssuesSql('TRUE', o))).map((r) => r.report_id)).toEqual(['b2022', 'c2021']);
    expect((await db.query<QualityIssueRow>(qualityIssuesSql('TRUE', { ...o, limit: 1, offset: 1 }))).map((r) => r.report_id)).toEqual(['c2021']);
    expect(await db.query(qualityIssueCountSql('TRUE', o))).toEqual([{ n: 2 }]);
    expect(await db.query(qualityIssueCountSql('TRUE', { severity: 'soft' }))).toEqual([{ n: 0 }]);
  });

  it('quotes a rule name instead of splicing it into the SQL', async () => {
    expect(await db.query(qualityIssueCountSql('TRUE', { rule: "x' OR '1'='1" }))).toEqual([{ n: 0 }]);
  });
});

describe('qualityByRuleSql and qualityStatesSql', () => {
  it('count issues per rule and cell states over the selection', async () => {
    const byRule = await db.query<QualityRuleRow>(qualityByRuleSql('TRUE'));
    expect(byRule.find((r) => r.rule === 't4.total')).toMatchObject({ status: 'uncertain', n_checks: 2, n_reports: 2 });
    const [states] = await db.query<QualityStatesRow>(qualityStatesSql(`r.year = 2022`));
    expect(states).toMatchObject({ n_reports: 2, n_inferred: 1, n_reports_failing: 0 });
    expect(states.n_blank).toBe(5);
  });
});
