/**
 * Someone else's dataset is data, never code: with script in every string of a doctored dataset,
 * every view and the report page are opened, every chart is swept with the pointer so its
 * tooltips draw, and nothing runs — the payloads show as text.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, writeDoctoredDist } from './doctored.ts';
import { goTo, openAppPage, type AppPage, type Browser } from './harness.ts';
import { startPreview, type Preview } from './server.ts';

const VIEWS = ['overview', 'compare', 'trends', 'outcomes', 'procurement', 'newmedia', 'review', 'quality'];

let dist: string;
let preview: Preview;
let browser: Browser;
let app: AppPage;
/** Every dialog the page tried to open (a payload's alert would be one). */
const dialogs: string[] = [];
beforeAll(async () => {
  dist = await writeDoctoredDist();
  preview = await startPreview(dist);
  ({ browser, app } = await openAppPage(preview.baseUrl));
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  preview?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Moves the pointer over a grid of points on every chart, so each draws its tooltips. */
async function sweepCharts(app: AppPage): Promise<void> {
  for (const chart of await app.page.locator('[data-chart]').all()) {
    const box = await chart.boundingBox();
    if (!box) continue;
    for (let row = 1; row <= 3; row++) {
      for (let col = 1; col <= 5; col++) await app.page.mouse.move(box.x + (box.width * col) / 6, box.y + (box.height * row) / 4, { steps: 2 });
    }
  }
}

async function ranScript(app: AppPage): Promise<unknown> {
  return app.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

describe('a doctored dataset', () => {
  it.each(VIEWS)('runs no script in the %s view, in zh and en', async (view) => {
    for (const lang of ['zh', 'en']) {
      await goTo(app.page, `#/${view}?lang=${lang}`);
      await sweepCharts(app);
      expect(await ranScript(app)).toBeUndefined();
      expect(dialogs).toEqual([]);
    }
  }, 240_000);

  it('the SQL console shows the payloads as text in its table and chart', async () => {
    const sql = 'SELECT agency, count(*) AS n FROM reports GROUP BY agency ORDER BY n DESC, agency LIMIT 20';
    await goTo(app.page, `#/sql?sql=${encodeURIComponent(sql)}`);
    await app.page.locator('[data-chart=sql-result]').waitFor();
    expect(await app.page.locator('[data-testid=sql-table]').innerText()).toContain(PAYLOADS[0]);
    await sweepCharts(app);
    expect(await ranScript(app)).toBeUndefined();
    expect(dialogs).toEqual([]);
  }, 240_000);

  it('shows the payloads as text on a report page, with its warnings and source', async () => {
    await goTo(app.page, `#/report/${'0'.repeat(64)}`);
    await app.page.locator('[data-view=report]').waitFor();
    const text = await app.page.locator('main').innerText();
    expect(text).toContain(PAYLOADS[0]);
    const sourceLinks = await app.page.locator('a[href^="javascript:"]').count();
    expect(sourceLinks).toBe(0);
    await sweepCharts(app);
    expect(await ranScript(app)).toBeUndefined();
    expect(dialogs).toEqual([]);
  }, 240_000);
});
