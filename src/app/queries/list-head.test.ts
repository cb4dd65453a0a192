import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPORTS, openFixtureDb, type FixtureDb } from '../../testing/view-fixture.ts';
import { datedReportWhere, NO_FILTERS } from './filters.ts';
import { outcomeReportsSql } from './outcomes.ts';
import { procurementReportsSql } from './procurement.ts';
import { reviewReportsSql } from './review.ts';
import { newMediaAccountsSql } from './newmedia.ts';

let db: FixtureDb;
beforeAll(async () => { db = await openFixtureDb(FIXTURE_REPORTS); });
afterAll(() => db.close());

describe('a list cut to its head', () => {
  it('gives the whole list\'s first rows, in its order, each carrying the whole list\'s length', async () => {
    const where = datedReportWhere(NO_FILTERS);
    const accounts = (w: string, head: number | null) => newMediaAccountsSql(w, null, head);
    for (const list of [outcomeReportsSql, reviewReportsSql, procurementReportsSql, accounts]) {
      const all = await db.query<Record<string, unknown>>(list(where, null));
      expect(all.length).toBeGreaterThan(2);
      const head = await db.query<Record<string, unknown>>(list(where, 2));
      expect(head.map((r) => r.list_total)).toEqual([all.length, all.length]);
      expect(head.map(({ list_total: _, ...row }) => row)).toEqual(all.slice(0, 2));
    }
  });
});
