import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { VIEW_QUERIES, FIRST_PAINT_MAX_BYTES, firstPaintAnswers } from './first-paint.ts';
import { VIEWS } from './registry.ts';
import { filterOptionsSql } from '../queries/filters.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('first paint', () => {
  it('covers exactly the routes the registry says draw before DuckDB', () => {
    expect(Object.keys(VIEW_QUERIES).sort()).toEqual(VIEWS.filter((v) => v.firstPaint).map((v) => v.route).sort());
  });

  it('answers every route’s default queries with the filter bar’s, and leaves out an answer too large to ship', async () => {
    for (const route of Object.keys(VIEW_QUERIES)) {
      const { answers, left } = await firstPaintAnswers(route, db.query);
      expect(left, route).toEqual([]);
      expect(answers.length, route).toBeGreaterThan(1);
      expect(answers.map(([sql]) => sql)).toContain(filterOptionsSql());
      // a query without ORDER BY may list its rows in any order: compare them as sets
      const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
      for (const [sql, rows] of answers) expect(sorted(rows), sql).toEqual(sorted(await db.query(sql)));
    }
    const huge = Array.from({ length: FIRST_PAINT_MAX_BYTES / 10 }, (_, i) => ({ row: i }));
    const { answers, left } = await firstPaintAnswers('overview', async <T>(sql: string) => (sql === filterOptionsSql() ? huge : await db.query(sql)) as T[]);
    expect(left).toEqual([filterOptionsSql()]);
    expect(answers.map(([sql]) => sql)).not.toContain(filterOptionsSql());
  });
});
