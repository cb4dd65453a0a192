/**
 * Every filtered view draws its default state from the answers `npm run data` precomputed
 * (first-paint/<route>.json), before DuckDB-wasm is up, and draws exactly what DuckDB draws.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goTo, startBrowser, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { VIEWS } from '../../src/app/views/registry.ts';

const FIRST_PAINT_ROUTES = VIEWS.filter((v) => v.firstPaint).map((v) => v.route);
/** DuckDB's wasm is asked for and never answered: the engine stays loading for the page's whole life. */
const holdDuckDb = async (page: Page) => { await page.route(/duckdb-(eh|mvp)[^/]*\.wasm/, () => new Promise<void>(() => {})); };

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});

/** Wait until the route's view is mounted and every chart on it has drawn, with no query asked of DuckDB left unanswered but the ones that wait for it. */
async function chartsDrawn(page: Page, route: string): Promise<void> {
  await page.locator(`[data-route="${route}"]`).waitFor({ state: 'attached' });
  const undrawn = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('main [data-chart]')].filter((c) => !(Number(c.dataset.draws ?? 0) > 0)).map((c) => c.dataset.chart));
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll<HTMLElement>('main [data-chart]')];
    return charts.length > 0 && charts.every((c) => Number(c.dataset.draws ?? 0) > 0);
  }, undefined, { timeout: 20_000, polling: 50 }).catch(async () => {
    throw new Error(`${route}: charts not drawn without DuckDB: ${JSON.stringify(await undrawn())}`);
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** What a reader sees of the view's charts and figures: every chart's drawn text, and the view's text without its report lists. */
async function drawn(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const chart of document.querySelectorAll<HTMLElement>('main [data-chart]')) {
      out[`chart ${chart.dataset.chart}`] = [...chart.querySelectorAll('svg text')].map((t) => t.textContent).join('|');
    }
    const view = document.querySelector('.view-host')!.cloneNode(true) as HTMLElement;
    for (const node of view.querySelectorAll('.table-wrap, [role=status], [data-chart], button, select')) node.remove();
    out.text = view.textContent!.replace(/\s+/g, ' ').trim();
    return out;
  });
}

describe('first paint', () => {
  it('every filtered view draws its charts and figures before DuckDB-wasm is up, the same as DuckDB then draws them', async () => {
    const early = new Map<string, Record<string, string>>();
    const before: AppPage = await browser.open('#/overview', { before: holdDuckDb });
    try {
      for (const route of FIRST_PAINT_ROUTES) {
        const started = Date.now();
        if (route !== 'overview') await before.page.evaluate((r) => { location.hash = `#/${r}?ds=demo`; }, route);
        await chartsDrawn(before.page, route);
        expect(await before.page.locator('.shell').getAttribute('data-db'), `${route}: DuckDB must still be loading`).toBe('loading');
        expect(await before.page.locator('[data-waiting]').count(), `${route}: no waiting card`).toBe(0);
        const main = VIEWS.find((v) => v.route === route)!.mainCharts;
        expect(await before.page.locator(main.map((c) => `[data-chart="${c}"]`).join(', ')).count(), `${route}: its main chart`).toBeGreaterThan(0);
        expect(Date.now() - started, `${route}: drawn without DuckDB`).toBeLessThan(30_000);
        early.set(route, await drawn(before.page));
      }
      expect(before.consoleErrors).toEqual([]);
    } finally {
      await before.close();
    }

    // the same views with no precomputed answer at all: every figure from DuckDB-wasm
    const live = await browser.open('#/overview', { before: async (page) => { await page.route(/\/first-paint\//, (r) => r.fulfill({ status: 404, body: '' })); } });
    try {
      await waitForIdle(live.page);
      for (const route of FIRST_PAINT_ROUTES) {
        await goTo(live.page, `#/${route}`);
        expect(await drawn(live.page), route).toEqual(early.get(route));
      }
    } finally {
      await live.close();
    }
  });

  it('what the view drew from precomputed answers runs once in DuckDB-wasm once the page is idle, so the first filter change is not its first run', async () => {
    const app = await browser.open('#/outcomes');
    try {
      await waitForIdle(app.page);
      const file = app.requests.find((u) => /\/first-paint\/outcomes\.json$/.test(u));
      expect(file, 'the precomputed answers were fetched').toBeDefined();
      const answered = ((await (await fetch(file!)).json()) as { answers: [string, unknown[]][] }).answers.map(([sql]) => sql);
      expect(answered.length).toBeGreaterThan(0);
      await app.page.waitForFunction((count) => performance.getEntriesByName('gongkai:warmed').length >= count, answered.length, { timeout: 60_000 });
      const warmed = await app.page.evaluate(() => performance.getEntriesByName('gongkai:warmed').map((m) => (m as PerformanceMark).detail as string));
      expect([...warmed].sort()).toEqual([...answered].sort());
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('answers computed from another manifest are not used: the view says it waits for the data', async () => {
    const app = await browser.open('#/outcomes', {
      before: async (page) => {
        await holdDuckDb(page);
        await page.route(/\/first-paint\/outcomes\.json/, async (route) => {
          const response = await route.fetch();
          const file = (await response.json()) as { manifest: string };
          await route.fulfill({ response, json: { ...file, manifest: `${file.manifest} ` } });
        });
      },
    });
    try {
      await app.page.locator('[data-waiting="outcomes"]').waitFor();
      expect(await app.page.locator('main [data-chart]').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
