import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, startBrowser, waitForIdle, type Browser } from './harness.ts';
import { REAL_DATA } from './paths.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});

describe('datasets', () => {
  it('opens on the real reports: 平潭 bodies across 2019–2025, no demo badge, new media from the narratives', async () => {
    const manifest = JSON.parse(readFileSync(join(REAL_DATA, 'manifest.json'), 'utf8')) as { tables: { reports: { rows: number } } };
    expect(manifest.tables.reports.rows).toBeGreaterThan(90);
    const app = await browser.open('#/compare', { dataset: 'real' });
    await waitForIdle(app.page);
    expect(await app.page.locator('[data-synthetic-badge]').count()).toBe(0);
    expect(await app.page.locator('[data-dataset-switch=real]').getAttribute('aria-pressed')).toBe('true');
    const body = await app.page.locator('main').textContent();
    expect(body).toContain('平潭综合实验区');
    expect(body).not.toContain('示例省');
    await screenshot(app.page, 'real-compare-zh');

    expect(app.foreignRequests()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await app.close();

    const media = await browser.open('#/newmedia', { dataset: 'real' });
    await waitForIdle(media.page);
    await media.page.locator('main table tbody tr').first().waitFor();
    expect(await media.page.locator('main table tbody tr').count()).toBeGreaterThan(3);
    await screenshot(media.page, 'real-newmedia-zh');
    expect(media.foreignRequests()).toEqual([]);
    expect(media.consoleErrors).toEqual([]);
    await media.close();
  });

  it('switches to the badged demo corpus and back, keeping the language', async () => {
    const app = await browser.open('#/overview?lang=en', { dataset: 'real' });
    await waitForIdle(app.page);
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
    await app.close();
  });

  it('shows each agency\'s years, with the gaps, in the data-quality view at 375 px', async () => {
    const app = await browser.open('#/quality', { dataset: 'real', width: 375 });
    await waitForIdle(app.page);
    const police = app.page.locator('[data-testid=quality-series] tr[data-agency=pingtan-gaj]');
    expect(await police.locator('[data-year="2023"]').getAttribute('data-status')).toBe('no_report');
    expect(await police.locator('[data-year="2025"]').getAttribute('data-status')).toBe('no_report');
    expect(await police.locator('[data-year="2020"]').getAttribute('data-status')).toBe('no_tables');
    await screenshot(app.page, 'real-quality-narrow-zh');
    await app.close();
  });
});
