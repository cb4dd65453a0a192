/**
 * The app reads a dataset's browser database when its browser.json names one built from the
 * served manifest — fetched whole when small, by range requests when large — and otherwise falls
 * back to the Parquet files, with the same figures.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowser, waitForIdle, type AppPage, type Browser } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});

/** Every response from the dataset's folder: path, status and size as sent. */
function dataResponses(app: AppPage): () => { path: string; status: number }[] {
  const seen: { path: string; status: number }[] = [];
  app.page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/data/')) seen.push({ path, status: response.status() });
  });
  return () => seen;
}

const kpis = (app: AppPage) => app.page.locator('[data-kpi]').allTextContents();

describe('the browser database', () => {
  it('is attached, fetched whole when small and read in ranges when large: no Parquet file nor Parquet decoder is fetched, and the figures are those of the Parquet route', async () => {
    const attached = await browser.open('#/overview');
    const attachedSeen = dataResponses(attached);
    const ranged = await browser.open('#/overview', {
      // the same file said to be large: read by ranges
      before: async (page) => {
        await page.route(/\/browser\.json$/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, json: { ...(await response.json()), bytes: 2 ** 40 } });
        });
      },
    });
    const rangedSeen = dataResponses(ranged);
    const fallback = await browser.open('#/overview', {
      // browser.json from another build of the data: the app must not trust it
      before: async (page) => {
        await page.route(/\/browser\.json$/, async (route) => {
          const response = await route.fetch();
          const file = (await response.json()) as { manifest: string };
          await route.fulfill({ response, json: { ...file, manifest: `${file.manifest} ` } });
        });
        // and no first-paint answer either: every figure below comes from the tables DuckDB loaded
        await page.route(/\/first-paint\//, (r) => r.fulfill({ status: 404, body: '' }));
      },
    });
    const fallbackSeen = dataResponses(fallback);
    try {
      await waitForIdle(attached.page);
      await waitForIdle(ranged.page);
      await waitForIdle(fallback.page);
      expect(attachedSeen().filter((r) => r.path.endsWith('.duckdb')).map((r) => r.status)).toEqual([200]);
      expect(attachedSeen().filter((r) => r.path.endsWith('.parquet'))).toEqual([]);
      const ranges = rangedSeen().filter((r) => r.path.endsWith('.duckdb'));
      expect(ranges.length).toBeGreaterThan(1);
      expect(ranges.every((r) => r.status === 206 || r.status === 200)).toBe(true);
      expect(ranges.some((r) => r.status === 206)).toBe(true);
      expect(rangedSeen().filter((r) => r.path.endsWith('.parquet'))).toEqual([]);

      expect(fallbackSeen().filter((r) => r.path.endsWith('.duckdb'))).toEqual([]);
      expect(fallbackSeen().filter((r) => r.path.endsWith('.parquet')).length).toBeGreaterThanOrEqual(4);
      // parquet-wasm's 5 MB decode only the Parquet route's tables
      const parquetWasm = (app: AppPage) => app.requests.filter((url) => /parquet_wasm_bg[^/]*\.wasm$/.test(url));
      expect(parquetWasm(attached)).toEqual([]);
      expect(parquetWasm(ranged)).toEqual([]);
      expect(parquetWasm(fallback)).toHaveLength(1);

      // the headline figures, one route against the other, and again after a filter change
      expect(await kpis(fallback)).toEqual(await kpis(attached));
      expect(await kpis(ranged)).toEqual(await kpis(attached));
      const level = await attached.page.locator('[data-filter=level] option').nth(1).getAttribute('value');
      for (const app of [attached, ranged, fallback]) {
        await app.page.selectOption('[data-filter=level]', level!);
        await app.page.waitForFunction((l) => location.hash.includes(`level=${l}`), level);
        await waitForIdle(app.page);
      }
      expect(await kpis(fallback)).toEqual(await kpis(attached));
      expect(await kpis(ranged)).toEqual(await kpis(attached));
      expect(attached.consoleErrors).toEqual([]);
      expect(ranged.consoleErrors).toEqual([]);
      // but for the 404s this test answers for the first-paint files
      expect(fallback.consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    } finally {
      await attached.close();
      await ranged.close();
      await fallback.close();
    }
  });
});
