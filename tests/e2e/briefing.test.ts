/**
 * Taking a chart into a briefing: an embed in someone else's page draws one chart with its source
 * line; the share dialog's PNG, SVG, CSV and Parquet carry the figures on screen; a printed page
 * keeps its figures and says where they come from. Screenshots of each go to /tmp/shots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Frame, Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { goTo, nativeQuery, openAppPage, screenshot, type AppPage, type Browser } from './harness.ts';
import { SHOTS_DIR } from './paths.ts';
import { readPdfDocument } from '../../src/ingest/readers/pdf.ts';
import { sourceLine } from '../../src/app/export/caption.ts';

let browser: Browser;
let app: AppPage;
let embedder: Server;
let embedderUrl: string;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
  mkdirSync(SHOTS_DIR, { recursive: true });
  // someone else's page, on another origin, that embeds a chart
  embedder = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html><body style="margin:16px;font-family:sans-serif;background:#eef"><p>A ministry briefing page</p><iframe id="embed" src="${src.replaceAll('"', '&quot;')}" width="640" height="420" style="border:1px solid #99a"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => embedder.listen(0, '127.0.0.1', resolve));
  const address = embedder.address();
  embedderUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterEach(async () => {
  // a failed test must not leave a modal dialog over the next one
  await app.page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()));
});
afterAll(async () => {
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests()).toEqual([]);
  await browser?.close();
  embedder?.close();
});

const DEMO_SOURCE = sourceLine(true, 'zh');

async function chartDrawn(frame: Frame | Page, name: string): Promise<void> {
  await frame.waitForFunction((n) => Number(document.querySelector<HTMLElement>(`[data-chart="${n}"]`)?.dataset.draws ?? 0) > 0, name, { timeout: 120_000, polling: 100 });
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, page.locator(`dialog[open] [data-export=${button}]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The table as CSV parsed back: header names, then rows of strings. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('embeds', () => {
  it('an embed inside another site\'s <iframe> draws exactly one chart at the frame\'s size, with its source line', async () => {
    const page = await app.page.context().newPage();
    const src = new URL(`/#/review?ds=demo&tpl=2019&embed=1&chart=review-trend`, inject('baseUrl')).href;
    await page.goto(`${embedderUrl}?src=${encodeURIComponent(src)}`);
    const frame = await (await page.locator('#embed').elementHandle())!.contentFrame();
    await chartDrawn(frame!, 'review-trend');
    expect(await frame!.locator('[data-chart]').count()).toBe(1);
    expect(await frame!.locator('[data-chart] svg').count()).toBe(1);
    // the chart fills the frame: as wide as it less the padding, and nothing scrolls
    const box = await frame!.locator('[data-chart=review-trend]').evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    expect(box.width).toBeGreaterThan(640 - 40);
    expect(box.width).toBeLessThanOrEqual(640);
    expect(box.height).toBeGreaterThan(200);
    expect(await frame!.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(420);
    expect(await frame!.locator('[data-embed-title]').textContent()).toBe('各年度复议、诉讼与复议纠错率');
    expect(await frame!.locator('[data-embed-subtitle]').textContent()).toContain('2019');
    expect(await frame!.locator('[data-embed-source]').textContent()).toContain(DEMO_SOURCE);
    // invented data is badged in the embed too
    await frame!.locator('[data-synthetic-badge]').waitFor();
    const back = await frame!.locator('[data-embed-source] a').getAttribute('href');
    expect(back).toContain('#/review?');
    expect(back).not.toContain('embed');
    await page.screenshot({ path: join(SHOTS_DIR, 'embed-review-trend.png') });

    // responsive: a narrower, shorter frame redraws the chart to fit
    await page.locator('#embed').evaluate((el) => { (el as HTMLIFrameElement).width = '360'; (el as HTMLIFrameElement).height = '320'; });
    await frame!.waitForFunction(() => (document.querySelector<HTMLElement>('[data-chart] svg')?.getBoundingClientRect().width ?? 999) <= 360);
    expect(await frame!.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS_DIR, 'embed-review-trend-narrow.png') });
    await page.close();
  }, 240_000);

  it('without a chart named, an embed shows the view\'s main chart; a name the view lacks says so', async () => {
    const page = await app.page.context().newPage();
    await page.goto(new URL('/#/outcomes?ds=demo&embed=1&lang=en', inject('baseUrl')).href);
    await chartDrawn(page, 'outcomes-stack');
    expect(await page.locator('[data-chart]').count()).toBe(1);
    expect(await page.locator('[data-embed-source]').textContent()).toContain(sourceLine(true, 'en'));
    await page.goto(new URL('/#/outcomes?ds=demo&embed=1&chart=no-such-chart', inject('baseUrl')).href);
    await page.locator('.embed-empty .none').waitFor({ state: 'visible', timeout: 120_000 });
    expect(await page.locator('[data-chart]').count()).toBe(0);
    await page.close();
  }, 240_000);
});

describe('the share dialog', () => {
  it('gives the permalink and an embed snippet, and copying says so', async () => {
    await goTo(app.page, '#/review?tpl=2019');
    await app.page.locator('[data-share-open=review-results]').click();
    const dialog = app.page.locator('dialog[open]');
    const params = (address: string) => [...new URLSearchParams(new URL(address).hash.split('?')[1])].sort();
    const link = await dialog.locator('[data-share=link]').inputValue();
    expect(link.split('#')[0]).toBe(app.page.url().split('#')[0]);
    expect(params(link)).toEqual(params(app.page.url()));
    const snippet = await dialog.locator('[data-share=embed]').inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+#\/review\?[^"]*embed=1/);
    expect(snippet).toContain('chart=review-results');
    expect(snippet).toContain('tpl=2019');
    await dialog.locator('[data-copy=embed]').click();
    await expect.poll(() => dialog.locator('[data-share-status]').textContent()).toBe('已复制');
    await app.page.screenshot({ path: join(SHOTS_DIR, 'share-dialog.png') });
    await app.page.keyboard.press('Escape');
  }, 120_000);

  it('PNG at 2× and 3× decodes at the chart\'s size times the scale; the SVG keeps the Chinese title and names CJK fonts', async () => {
    await goTo(app.page, '#/review');
    const width = await app.page.locator('[data-chart=review-results]').evaluate((el) => el.clientWidth);
    const height = await app.page.locator('[data-chart=review-results]').evaluate((el) => el.clientHeight);
    await app.page.locator('[data-share-open=review-results]').click();
    const png2 = await download(app.page, 'png2');
    const png3 = await download(app.page, 'png3');
    expect(png2.name).toMatch(/^DEMO-invented_gongkai_review-results_.*\.2x\.png$/);
    const size2 = pngSize(png2.bytes);
    const size3 = pngSize(png3.bytes);
    expect(size2.width).toBe(2 * width);
    expect(size3.width).toBe(3 * width);
    // the chart plus its title, filters and source line
    expect(size2.height).toBeGreaterThan(2 * height + 2 * 60);
    expect(size3.height / size2.height).toBeCloseTo(1.5, 2);
    writeFileSync(join(SHOTS_DIR, 'export-review-results.png'), png2.bytes);

    const svg = (await download(app.page, 'svg')).bytes.toString('utf8');
    expect(svg).toContain('复议与诉讼的结果构成');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).toContain(DEMO_SOURCE);
    expect(svg).toContain('行政复议');
    await app.page.keyboard.press('Escape');

    // on a narrow screen the legend is HTML beside the chart; the image still carries it
    await app.page.setViewportSize({ width: 375, height: 900 });
    await app.page.locator('[data-chart-legend=review-results]').waitFor();
    expect(await app.page.locator('[data-chart=review-results] svg text').allTextContents()).not.toContain('结果纠正');
    await app.page.locator('[data-share-open=review-results]').click();
    const narrow = (await download(app.page, 'svg')).bytes.toString('utf8');
    expect(narrow).toContain('结果纠正');
    await app.page.keyboard.press('Escape');
    await app.page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('the CSV and the Parquet of a chart are the figures on screen, and a table exports its rows', async () => {
    await goTo(app.page, '#/review?tpl=2019');
    await app.page.locator('[data-share-open=review-results]').click();
    const csv = await download(app.page, 'csv');
    expect(csv.name).toContain('2019');
    const rows = parseCsv(csv.bytes.toString('utf8'));
    expect(rows.length).toBeGreaterThan(0);
    let compared = 0;
    for (const row of rows) {
      const cell = app.page.locator(`[data-testid=review-table] tr[data-row="${row.row}"] td[data-col="${row.col}"]`);
      if ((await cell.count()) === 0) continue;
      const shown = (await cell.textContent())!.replace(/[^\d.]/g, '');
      expect(row.value, `${row.row}.${row.col}`).toBe(shown);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(12);

    const parquet = await download(app.page, 'parquet');
    const file = join(SHOTS_DIR, 'export.parquet');
    writeFileSync(file, parquet.bytes);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const read = (await db.runAndReadAll(`SELECT "row", col, value FROM read_parquet('${file}') ORDER BY 1, 2`)).getRowObjectsJS();
    expect(read.map((r) => `${r.row}.${r.col}=${r.value ?? ''}`)).toEqual(rows.map((r) => `${r.row}.${r.col}=${r.value}`).sort());
    const meta = (await db.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`)).getRowObjectsJS();
    expect(meta.find((m) => m.k === 'source')?.v).toBe(DEMO_SOURCE);
    expect(meta.find((m) => m.k === 'synthetic')?.v).toBe('true');
    await app.page.keyboard.press('Escape');

    // a report table: the rows as the view lists them
    await app.page.locator('[data-share-open=review-reports]').click();
    const table = parseCsv((await download(app.page, 'csv')).bytes.toString('utf8'));
    const listed = await app.page.locator('[data-testid=review-reports] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report')));
    expect(table.slice(0, listed.length).map((r) => r.id)).toEqual(listed);
    // every report of the list (tpl=2019), not only the ones the page has fetched
    const [{ n }] = await nativeQuery<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reports WHERE year IS NOT NULL AND template = '2019'`);
    expect(listed.length).toBeLessThan(n);
    expect(table.length).toBe(n);
    await app.page.keyboard.press('Escape');
  }, 120_000);
});

describe('print', () => {
  it('prints on A4 without the controls, charts within the page, with the source, date and address', async () => {
    await goTo(app.page, '#/review?tpl=2019');
    await app.page.emulateMedia({ media: 'print' });
    await app.page.waitForFunction(() => [...document.querySelectorAll('[data-chart] svg')].every((svg) => svg.getBoundingClientRect().width <= 680));
    expect(await app.page.locator('nav').isVisible()).toBe(false);
    expect(await app.page.locator('[data-filter=region]').isVisible()).toBe(false);
    const pdf = await app.page.pdf({ format: 'A4', printBackground: true });
    await app.page.emulateMedia({ media: 'screen' });
    writeFileSync(join(SHOTS_DIR, 'print-review.pdf'), pdf);
    const printed = await readPdfDocument(new Uint8Array(pdf));
    const text = printed.lines.map((line) => line.cells.join(' ')).join('\n').replace(/\s+/g, '');
    expect(text).toContain(DEMO_SOURCE.replace(/\s+/g, ''));
    expect(text).toContain('打印于');
    expect(text).toContain('#/review?');
    expect(text).toContain('行政复议与行政诉讼');
    expect(text).not.toContain('分享与导出');
    expect(text).not.toContain('加入我的年报');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(SHOTS_DIR, 'print-review.pdf'), join(SHOTS_DIR, 'print-review')]);
    } catch {
      // poppler is only for looking at the pages; the checks above read the PDF itself
    }
    await screenshot(app.page, 'review-after-print');
  }, 120_000);
});
