import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, screenshot, startBrowser, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { REAL_DATA } from './paths.ts';

let browser: Browser;
/** One page on the real dataset, moved from view to view; the switch test reloads it last. */
let app: AppPage;
beforeAll(async () => {
  browser = await startBrowser(inject('baseUrl'));
  app = await browser.open('#/compare', { dataset: 'real' });
  await waitForIdle(app.page);
});
afterAll(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await browser?.close();
});

describe('datasets', () => {
  it('opens on the real reports: 平潭 bodies across 2019–2025, no demo badge, new media from the narratives', async () => {
    const manifest = JSON.parse(readFileSync(join(REAL_DATA, 'manifest.json'), 'utf8')) as { tables: { reports: { rows: number } } };
    expect(manifest.tables.reports.rows).toBeGreaterThan(90);
    await goTo(app.page, '#/compare');
    expect(await app.page.locator('[data-synthetic-badge]').count()).toBe(0);
    expect(await app.page.locator('[data-dataset-switch=real]').getAttribute('aria-pressed')).toBe('true');
    const body = await app.page.locator('main').textContent();
    expect(body).toContain('平潭综合实验区');
    expect(body).not.toContain('示例省');
    await screenshot(app.page, 'real-compare-zh');

    await goTo(app.page, '#/newmedia');
    await app.page.locator('main table tbody tr').first().waitFor();
    expect(await app.page.locator('main table tbody tr').count()).toBeGreaterThan(3);
    await screenshot(app.page, 'real-newmedia-zh');
  });

  it('shows each agency\'s years, with the gaps, in the data-quality view at 375 px', async () => {
    await app.page.setViewportSize({ width: 375, height: 900 });
    await goTo(app.page, '#/quality');
    const police = app.page.locator('[data-testid=quality-series] tr[data-agency=pingtan-gaj]');
    expect(await police.locator('[data-year="2023"]').getAttribute('data-status')).toBe('no_report');
    expect(await police.locator('[data-year="2025"]').getAttribute('data-status')).toBe('no_report');
    expect(await police.locator('[data-year="2020"]').getAttribute('data-status')).toBe('no_tables');
    await screenshot(app.page, 'real-quality-narrow-zh');
    await app.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to the badged demo corpus and back, keeping the language', async () => {
    await goTo(app.page, '#/overview?lang=en');
    await Promise.all([app.page.waitForEvent('load'), app.page.locator('[data-dataset-switch=demo]').click()]);
    await waitForIdle(app.page);
    expect(app.page.url()).toContain('ds=demo');
    expect(app.page.url()).toContain('lang=en');
    expect(await app.page.locator('[data-synthetic-badge]').count()).toBe(1);
    expect(await app.page.locator('main').textContent()).not.toContain('平潭');
    await screenshot(app.page, 'demo-overview-en');
    await Promise.all([app.page.waitForEvent('load'), app.page.locator('[data-dataset-switch=real]').click()]);
    await waitForIdle(app.page);
    expect(app.page.url()).not.toContain('ds=demo');
    expect(await app.page.locator('[data-synthetic-badge]').count()).toBe(0);
  });
});
