import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { OTHER_ROWS } from '../../model/templates/index.ts';
import { cellTotalsSql } from './cell-totals.ts';
import { datedReportWhere, NO_FILTERS, regionPathSql, reportWhere, SELECTION_COLUMNS, type Filters } from './filters.ts';
import { aggregateSql, MEASURES, selectionAggregateSql, splitTotal } from './measures.ts';
import { failedRulesSql } from './overview.ts';
import { qualityByRuleSql, qualityIssueCountSql, qualityIssuesSql } from './quality.ts';

// Region-wide reports beside the fixture's bodies, with figures of their own, so the
// groups differ in every selection column.
const REPORTS = [
  ...FIXTURE_REPORTS,
  { id: 'p2021', agency: '示例省人民政府', level: 'provincial_gov', province: '示例省', city: null, year: 2021, template: '2021' as const, is_aggregate: true,
    // two of the three （六） rows blank: one report, counted once among the blanks
    values: { 't3.new_received.natural_person': 70, 't3.new_received.total': 69, 't3.other_no_correction.total': null, 't3.other_other.total': null, 't4.review.total': null,
      // a rate whose numerator is printed and denominator blank: no value, and none of its numerator summed
      't3.granted.total': 5, 't3.outcome_total.total': null } },
  // in p2021's group: its rate's operands are summed beside p2021's
  { id: 'p2021b', agency: '示例省人民政府（第二份）', level: 'provincial_gov', province: '示例省', city: null, year: 2021, template: '2021' as const, is_aggregate: true,
    values: { 't3.granted.total': 3, 't3.outcome_total.total': 6 } },
  { id: 'q2021', agency: '示例省甲市人民政府', level: 'prefecture_gov', province: '示例省', city: '甲市', year: 2021, template: '2021' as const, is_aggregate: true,
    values: { 't3.granted.total': 9, 't4.lit_direct.total': 2 } },
];

const SELECTIONS: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, region: '示例省' },
  { ...NO_FILTERS, region: '示例省/甲市' },
  { ...NO_FILTERS, region: '示例省/乙市' },
  { ...NO_FILTERS, levels: ['county_gov', 'county_dept'] },
  { ...NO_FILTERS, template: '2019' },
  { ...NO_FILTERS, yearFrom: 2021, yearTo: 2021 },
  { ...NO_FILTERS, scope: 'regions' },
  { ...NO_FILTERS, scope: 'regions', levels: ['prefecture_gov'] },
  { ...NO_FILTERS, region: '示例省/丁市' },
];

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(REPORTS); });
afterAll(() => db.close());

const asSet = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
const FOLDED = [...OTHER_ROWS.combined, ...OTHER_ROWS.split].map((r) => `'${r}'`).join(', ');

describe('tables pre-aggregated by the selection columns', () => {
  it('are filtered by any filter condition, which reads those columns only', async () => {
    const everything = reportWhere({ region: '示例省/甲市/某县', levels: ['county_gov'], template: '2021', yearFrom: 2020, yearTo: 2022, scope: 'regions' });
    const read = [...everything.matchAll(/\br\.(\w+)/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(SELECTION_COLUMNS));
  });

  it('sum tables 3 and 4 cell by cell as the cells themselves do, for every selection', async () => {
    for (const filters of SELECTIONS) {
      const where = datedReportWhere(filters);
      for (const table of ['t3', 't4'] as const) {
        const row = table === 't3' ? `CASE WHEN c."row" IN (${FOLDED}) THEN 'other_handling' ELSE c."row" END` : 'c."row"';
        const direct = await db.query(`SELECT ${row} AS "row", c.col, sum(c.value)::DOUBLE AS value,
            count(DISTINCT CASE WHEN c.value IS NOT NULL THEN c.report_id END)::INTEGER AS n_reported,
            count(DISTINCT CASE WHEN c.value IS NULL THEN c.report_id END)::INTEGER AS n_empty
          FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = '${table}' AND ${where} GROUP BY 1, 2`);
        const totals = await db.query(cellTotalsSql(table, where));
        expect(asSet(totals), `${table} ${where}`).toEqual(asSet(direct));
        if (filters === NO_FILTERS) expect(totals.length).toBeGreaterThan(10);
      }
    }
  });

  it('count failed and uncertain checks per rule as the checks themselves do, for every selection', async () => {
    for (const filters of SELECTIONS) {
      const where = reportWhere(filters);
      const failed = await db.query(`SELECT c.rule, c.severity, count(DISTINCT c.report_id)::INTEGER AS reports
        FROM checks c JOIN reports r ON r.id = c.report_id WHERE c.status = 'fail' AND ${where} GROUP BY 1, 2`);
      expect(asSet(await db.query(failedRulesSql(where))), where).toEqual(asSet(failed));
      const byRule = await db.query(`SELECT c.rule, c.severity, c.status, count(*)::INTEGER AS n_checks, count(DISTINCT c.report_id)::INTEGER AS n_reports
        FROM checks c JOIN reports r ON r.id = c.report_id WHERE c.status IN ('fail', 'uncertain') AND ${where} GROUP BY 1, 2, 3`);
      expect(asSet(await db.query(qualityByRuleSql(where))), where).toEqual(asSet(byRule));
      for (const options of [{}, { status: 'fail' as const }, { severity: 'soft' as const }, { rule: String(byRule[0]?.rule ?? 'none') }]) {
        const [count] = await db.query<{ n: number }>(qualityIssueCountSql(where, options));
        const expected = byRule.filter((r) => Object.entries(options).every(([k, v]) => r[k] === v)).reduce((n, r) => n + Number(r.n_checks), 0);
        expect(count!.n, `${where} ${JSON.stringify(options)}`).toBe(expected);
      }
    }
    const [all] = await db.query<{ n: number }>(qualityIssueCountSql(reportWhere(NO_FILTERS)));
    expect(all!.n).toBeGreaterThan(0);
  });

  it('list the failed and uncertain checks page by page in the order the checks themselves sort to', async () => {
    let listed = 0;
    for (const filters of SELECTIONS) {
      const where = reportWhere(filters);
      for (const options of [{}, { status: 'uncertain' as const }, { severity: 'hard' as const }]) {
        const conditions = [`c.status IN ('fail', 'uncertain')`, ...Object.entries(options).map(([k, v]) => `c.${k} = '${v}'`)].join(' AND ');
        const direct = await db.query(`SELECT c.report_id, r.agency, r.year, r.template, coalesce(r.synthetic, false) AS synthetic,
            c.rule, c.severity, c."row", c.col, c.status, c."left", c."right", c.cells, c.note
          FROM checks c JOIN reports r ON r.id = c.report_id WHERE ${where} AND ${conditions}
          ORDER BY CASE c.status WHEN 'fail' THEN 0 ELSE 1 END, CASE c.severity WHEN 'hard' THEN 0 ELSE 1 END,
            r.year DESC NULLS LAST, r.agency, c.report_id, c.rule, c."row" NULLS FIRST, c.col NULLS FIRST`);
        for (const offset of [0, 3]) {
          expect(await db.query(qualityIssuesSql(where, { ...options, limit: 4, offset })), `${where} ${JSON.stringify(options)} ${offset}`).toEqual(direct.slice(offset, offset + 4));
        }
        listed += direct.length;
      }
    }
    expect(listed).toBeGreaterThan(20);
  });

  it('give every measure as aggregateSql does from the reports, for every selection and grouping', async () => {
    const groupings = [
      [],
      [{ sql: 'year::INTEGER', as: 'year' }],
      [{ sql: "coalesce(level, '?')", as: 'series' }, { sql: 'year::INTEGER', as: 'year' }],
      [{ sql: `coalesce(${regionPathSql(2, 'r')}, '?')`, as: 'series' }],
    ];
    // amounts summed per group, then across groups, may differ from a sum over reports in the last bits
    const rounded = (rows: Record<string, unknown>[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v])));
    for (const filters of SELECTIONS) {
      const where = datedReportWhere(filters);
      for (const groupBy of groupings) {
        const direct = await db.query(aggregateSql(MEASURES, where, groupBy.map((g) => ({ ...g, sql: g.sql.replaceAll('r.', 'per_report.') }))));
        const totals = await db.query(selectionAggregateSql(MEASURES, where, groupBy));
        expect(rounded(totals), `${where} ${JSON.stringify(groupBy)}`).toEqual(rounded(direct));
      }
    }
  });

  it('with the total row, give the groups and the whole selection as the two statements apart do, an empty selection too', async () => {
    const groupings = [
      [{ sql: 'year::INTEGER', as: 'year' }],
      [{ sql: "coalesce(level, '?')", as: 'series' }, { sql: 'year::INTEGER', as: 'year' }],
    ];
    for (const filters of SELECTIONS) {
      const where = datedReportWhere(filters);
      const [whole] = await db.query(selectionAggregateSql(MEASURES, where, []));
      for (const groupBy of groupings) {
        const fused = splitTotal(await db.query(selectionAggregateSql(MEASURES, where, groupBy, { total: true })), groupBy.map((g) => g.as));
        expect(fused.groups, `${where} ${JSON.stringify(groupBy)}`).toEqual(await db.query(selectionAggregateSql(MEASURES, where, groupBy)));
        expect(fused.total, `${where} ${JSON.stringify(groupBy)}`).toEqual(whole);
      }
    }
  });
});
