/**
 * One measure, one value: every view that shows a shared measure (measures.ts) shows the same
 * figure for the same selection, and that figure is the measure computed independently here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, nativeQuery, openAppPage, type AppPage, type Browser } from './harness.ts';
import { figure, pooled } from './views-helpers.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  expect(app.consoleErrors).toEqual([]);
  await browser?.close();
});


/** Each shared measure: its operands, and the views (besides Overview and Trends) whose cards show it. */
const SHARED = [
  { id: 'applications', num: ['t3.new_received.total'], den: [], card: 'outcomes' },
  { id: 'disclosure_rate', num: ['t3.granted.total', 't3.partially_granted.total'], den: ['t3.outcome_total.total'], card: 'outcomes' },
  { id: 'not_held_share', num: ['t3.unable_not_held.total'], den: ['t3.outcome_total.total'], card: 'outcomes' },
  { id: 'review_cases', num: ['t4.review.total'], den: [], card: 'review' },
  { id: 'review_correction_rate', num: ['t4.review.corrected'], den: ['t4.review.upheld', 't4.review.corrected', 't4.review.other'], card: 'review' },
  { id: 'lawsuits', num: ['t4.lit_direct.total', 't4.lit_after_review.total'], den: [], card: 'review' },
] as const;

const valueOf = (raw: string | null) => (raw === null || raw === '' ? null : Number(raw));

describe('a shared measure', () => {
  it.each(SHARED)('$id: the same figure on Overview, Trends and its own view, for one year and over all years', async (m) => {
    const [{ year }] = await nativeQuery<{ year: number }>('SELECT max(year) AS year FROM reports');
    const expected = await pooled(m.num, m.den, `r.year = ${year}`);
    const value = m.den.length > 0 ? expected.num! / expected.den! : expected.num;

    // each view is read until it has drawn its figure (a view may first show the precomputed Overview, then its own)
    const settle = { timeout: 20_000, interval: 200 };
    const overview = await goTo(app.page, '#/overview');
    await expect.poll(async () => valueOf(await overview.locator(`[data-headline=${m.id}]`).getAttribute('data-value')), settle).toBeCloseTo(value!, 10);

    const trends = await goTo(app.page, `#/trends?group=all&metric=${m.id}`);
    const byYear = new Map<number, number | null>();
    const readTrends = async () => {
      byYear.clear();
      for (const cell of await trends.locator('[data-testid=trend-table] td[data-year]').all()) {
        byYear.set(Number(await cell.getAttribute('data-year')), valueOf(await cell.getAttribute('data-value')));
      }
      return byYear.get(year) ?? null;
    };
    await expect.poll(readTrends, settle).toBeCloseTo(value!, 10);

    const card = await goTo(app.page, `#/${m.card}?from=${year}&to=${year}`);
    await expect.poll(() => figure(card, m.id), settle).toBeCloseTo(value!, 10);

    // over all years, a count's card is the sum of the years Trends shows
    if (m.den.length === 0) {
      const all = await goTo(app.page, `#/${m.card}`);
      await expect.poll(() => figure(all, m.id), settle).toBe([...byYear.values()].reduce<number>((s, v) => s + (v ?? 0), 0));
    }
  }, 240_000);

  it('procurement_t2: Procurement\'s table-2 amount is the sum of the years Trends shows, and the measure computed here', async () => {
    const trends = await goTo(app.page, '#/trends?group=all&metric=procurement_t2');
    let sum = 0;
    for (const cell of await trends.locator('[data-testid=trend-table] td[data-year]').all()) sum += valueOf(await cell.getAttribute('data-value')) ?? 0;
    const onCard = await figure(await goTo(app.page, '#/procurement'), 'table_amount');
    expect(onCard).toBeCloseTo(sum, 6);
    expect(onCard).toBeCloseTo((await pooled(['t2.centralized_procurement.procurement_amount'], [], `r.template = '2019'`)).num!, 6);
  }, 120_000);

  it('per report: Compare\'s ranking table and the view\'s report table give each report the same figure', async () => {
    const [{ year }] = await nativeQuery<{ year: number }>('SELECT max(year) AS year FROM reports');
    for (const [id, view, table] of [['review_correction_rate', 'review', 'review-reports'], ['disclosure_rate', 'outcomes', 'outcome-reports']] as const) {
      const inCompare = await cellValues(await goTo(app.page, `#/compare?metric=${id}&year=${year}`), 'compare-table', id);
      const inView = await cellValues(await goTo(app.page, `#/${view}?from=${year}&to=${year}`), table, id);
      const shared = [...inCompare.keys()].filter((report) => inView.has(report));
      expect(shared.length).toBeGreaterThan(0);
      for (const report of shared) expect([report, inView.get(report)]).toEqual([report, inCompare.get(report)]);
    }
  }, 240_000);
});

async function cellValues(page: import('playwright-core').Page, testid: string, measure: string): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const row of await page.locator(`[data-testid=${testid}] tbody tr[data-report]`).all()) {
    out.set((await row.getAttribute('data-report'))!, await row.locator(`td[data-measure=${measure}]`).getAttribute('data-value'));
  }
  return out;
}
