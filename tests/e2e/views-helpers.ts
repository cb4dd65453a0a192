/** Small helpers shared by the analysis views' e2e tests (outcomes, procurement, new media, review, detail, quality). */
import type { Page } from 'playwright-core';
import { screenshot, waitForIdle, type Browser } from './harness.ts';

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

/** Digits of a formatted figure (12,345 → 12345). */
export const digits = (text: string | null): number => Number((text ?? '').replace(/[^\d.-]/g, ''));

/**
 * Open the view in zh/en at 1280 and 375 px, check nothing overflows the width and nothing
 * errs, and save /tmp/shots/<name>-<lang>-<width>.png. `check` runs on each page.
 */
export async function screenshotsAllSizes(browser: Browser, hash: string, name: string, check?: (page: Page, lang: 'zh' | 'en') => Promise<void>): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    for (const width of [1280, 375]) {
      const sep = hash.includes('?') ? '&' : '?';
      const app = await browser.open(lang === 'en' ? `${hash}${sep}lang=en` : hash, { width });
      await waitForIdle(app.page);
      if (check) await check(app.page, lang);
      const scrollWidth = await app.page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) throw new Error(`${name} ${lang} overflows ${width} px: ${scrollWidth}`);
      await screenshot(app.page, `${name}-${lang}-${width}`);
      if (app.consoleErrors.length > 0) throw new Error(`${name} ${lang} ${width}: console errors ${app.consoleErrors.join('; ')}`);
      if (app.foreignRequests().length > 0) throw new Error(`${name}: requests left the origin: ${app.foreignRequests().join(', ')}`);
      await app.close();
    }
  }
}
