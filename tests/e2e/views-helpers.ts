/** Small helpers shared by the analysis views' e2e tests (outcomes, procurement, new media, review, detail, quality). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { chartTexts, goTo, nativeQuery, screenshot, waitForIdle, type AppPage } from './harness.ts';

/** The raw number behind a headline figure (`data-value`), null when the view shows it as absent. */
export async function figure(page: Page, id: string): Promise<number | null> {
  const raw = await page.locator(`[data-figure="${id}"]`).getAttribute('data-value');
  return raw === '' || raw === null ? null : Number(raw);
}

export async function draws(page: Page, chart: string): Promise<number> {
  return Number((await page.locator(`[data-chart="${chart}"]`).getAttribute('data-draws')) ?? 0);
}

/** Run `action`, then wait until the app is idle and `chart` has drawn again. */
export async function afterRedraw(page: Page, chart: string, action: () => Promise<unknown>): Promise<void> {
  const before = await draws(page, chart);
  await action();
  await page.waitForFunction(
    ([name, n]) => Number(document.querySelector<HTMLElement>(`[data-chart="${name}"]`)?.dataset.draws ?? 0) > n,
    [chart, before] as const,
    { timeout: 60_000, polling: 50 },
  );
  await waitForIdle(page);
}

/**
 * Independent of the app's SQL, a measure as docs define it: over the dated reports matching
 * `where` that print every operand (and a denominator above 0), Σ of the `num` cells and Σ of
 * the `den` cells. Cells are keys: `t4.review.total`.
 */
export async function pooled(num: readonly string[], den: readonly string[] = [], where = 'TRUE'): Promise<{ num: number | null; den: number | null }> {
  const keys = [...new Set([...num, ...den])];
  const column = (k: string) => `"${k}"`;
  const cells = keys.map((k) => {
    const [table, row, col] = k.split('.');
    return `max(CASE WHEN c."table" = '${table}' AND c."row" = '${row}' AND c.col = '${col}' THEN c.value END) AS ${column(k)}`;
  });
  const sum = (ks: readonly string[]) => ks.map(column).join(' + ');
  const complete = [...keys.map((k) => `${column(k)} IS NOT NULL`), ...(den.length > 0 ? [`${sum(den)} > 0`] : [])].join(' AND ');
  const [r] = await nativeQuery<{ num: number | null; den: number | null }>(
    `WITH per AS (SELECT r.id, ${cells.join(', ')} FROM reports r JOIN cells c ON c.report_id = r.id WHERE r.year IS NOT NULL AND ${where} GROUP BY r.id)
     SELECT sum(${sum(num)}) FILTER (WHERE ${complete}) AS num, ${den.length > 0 ? `sum(${sum(den)}) FILTER (WHERE ${complete})` : 'NULL'} AS den FROM per`,
  );
  return r;
}

/**
 * Click the widest bar of a ranking chart (a path in one of `fills`) and wait until the report
 * page opens. The widest, not the first: a legend swatch or a sliver of a bar is no target, and a
 * click that lands while the chart redraws is tried again.
 */
export async function openReportFromBar(page: Page, chart: string, fills: readonly string[]): Promise<void> {
  const selector = fills.map((fill) => `[data-chart="${chart}"] svg path[fill="${fill}" i]`).join(', ');
  await expect.poll(async () => {
    if (/#\/report\//.test(page.url())) return true;
    await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
    const boxes = await page.locator(selector).evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect()).map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height })));
    const widest = boxes.filter((b) => b.width > 0 && b.height > 0).sort((a, b) => b.width - a.width)[0];
    if (widest) await page.mouse.click(widest.x + widest.width / 2, widest.y + widest.height / 2);
    return /#\/report\//.test(page.url());
  }, { timeout: 30_000, interval: 500 }).toBe(true);
}

/** A chart's texts with its legend, which narrow screens get as an HTML list beside the chart. */
export async function chartAndLegendTexts(page: Page, chart: string): Promise<string[]> {
  const legend = await page.locator(`[data-chart-legend="${chart}"] li`).allTextContents();
  // each entry starts with its marker glyph
  return [...(await chartTexts(page, chart)), ...legend.map((entry) => entry.slice(1))];
}

/** Digits of a formatted figure (12,345 → 12345). */
export const digits = (text: string | null): number => Number((text ?? '').replace(/[^\d.-]/g, ''));

/**
 * Show the view in zh/en at 1280 and 375 px on one open page, check nothing overflows the width
 * and nothing errs, and save /tmp/shots/<name>-<lang>-<width>.png. `check` runs at each size.
 */
export async function screenshotsAllSizes(app: AppPage, hash: string, name: string, check?: (page: Page, lang: 'zh' | 'en') => Promise<void>): Promise<void> {
  const { page } = app;
  for (const lang of ['zh', 'en'] as const) {
    const sep = hash.includes('?') ? '&' : '?';
    await goTo(page, lang === 'en' ? `${hash}${sep}lang=en` : hash);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await waitForIdle(page);
      if (check) await check(page, lang);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) throw new Error(`${name} ${lang} overflows ${width} px: ${scrollWidth}`);
      await screenshot(page, `${name}-${lang}-${width}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  if (app.consoleErrors.length > 0) throw new Error(`${name}: console errors ${app.consoleErrors.join('; ')}`);
  if (app.foreignRequests().length > 0) throw new Error(`${name}: requests left the origin: ${app.foreignRequests().join(', ')}`);
}
