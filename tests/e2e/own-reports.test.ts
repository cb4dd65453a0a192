import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParsedReport } from '../../src/model/report.ts';
import { DatasetWriter } from '../../src/ingest/dataset-writer.ts';
import { readReport } from '../../src/ingest/read-report.ts';
import { brokenFile, ownReportDocx, ownReportFile, type DroppedFile } from '../../src/testing/own-report-files.ts';
import { startPrinter } from '../../src/testing/print-pdf.ts';
import { goTo, openAppPage, screenshot, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { SHOTS_DIR } from './paths.ts';

const YEAR = 2024;
const typed = ownReportFile('示例县某局', YEAR, 'text-tab', '示例县某局2024年报.txt');
const webPage = ownReportFile('示例县另一局', YEAR, 'html', '示例县另一局2024年报.html', 1);
const broken = brokenFile('损坏的年报.txt');

let printed: DroppedFile;
let word: DroppedFile;
let browser: Browser;
let app: AppPage;
let dir: string;
/** Any request that could carry a file's contents (the app itself only ever GETs). */
const sending: string[] = [];

/** What `gongkai parse` reads from the same bytes. */
async function cliReading(file: DroppedFile): Promise<{ sha256: string; report: ParsedReport }> {
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  const result = await readReport({ path, name: file.name });
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

const cell = (report: ParsedReport, row: string) => report.cells.find((c) => c.table === 't3' && c.row === row && c.col === 'total')!.value!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-own-e2e-'));
  const page = ownReportFile('示例县第三局', YEAR, 'html', 'page.html', 2);
  writeFileSync(join(dir, page.name), page.bytes);
  const printer = await startPrinter();
  printed = { name: '示例县第三局2024年报.pdf', bytes: new Uint8Array(await printer.print(join(dir, page.name), 'A4')) };
  await printer.close();
  word = await ownReportDocx('示例县第四局', YEAR, '示例县第四局2024年报.docx');
  ({ browser, app } = await openAppPage(inject('baseUrl')));
  app.page.on('request', (request) => {
    if (request.method() !== 'GET' || request.postData() !== null) sending.push(`${request.method()} ${request.url()}`);
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function settled(count: number): Promise<void> {
  await app.page.waitForFunction((n) => {
    const files = [...document.querySelectorAll<HTMLElement>('[data-own-file]')];
    return files.length === n && files.every((f) => f.dataset.status !== 'waiting' && f.dataset.status !== 'reading');
  }, count);
  await waitForIdle(app.page);
}

describe('the reader\'s own reports', () => {
  it('parses dropped files in the browser, names the broken one, and shows the reports in Compare beside the loaded ones', async () => {
    const { page } = app;
    const kpi = async () => Number((await page.locator('[data-kpi=reports]').textContent())!.replace(/\D/g, ''));
    await goTo(page, '#/?lang=en');
    const before = await kpi();

    await page.click('[data-own-toggle]');
    await page.setInputFiles('[data-own-input]', [typed, broken, printed, word].map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    // a file dropped anywhere on the page
    await page.evaluate(({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/html' }));
      document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, { name: webPage.name, bytes: [...webPage.bytes] });
    await settled(5);

    const status = (name: string) => page.locator(`[data-own-file="${name}"]`).getAttribute('data-status');
    for (const file of [typed, webPage, printed, word]) expect(await status(file.name), file.name).toBe('added');
    expect(await status(broken.name)).toBe('failed');
    expect(await page.locator(`[data-own-file="${broken.name}"] [data-own-problem]`).textContent()).toBe('binary file that is not a PDF, DOCX, HTML or text report');
    await screenshot(page, 'own-panel-en-1280');

    const readings = [await cliReading(typed), await cliReading(webPage), await cliReading(printed), await cliReading(word)];
    for (const { sha256 } of readings) await expect(page.locator(`[data-own-report="${sha256}"]`).count()).resolves.toBe(1);

    // Overview counts them (not the precomputed figures any more)
    await goTo(page, '#/?lang=en');
    expect(await kpi()).toBe(before + readings.length);

    await goTo(page, `#/compare?lang=en&metric=disclosure_rate&year=${YEAR}&all=1`);
    const rows = page.locator('[data-testid=compare-table] tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    for (const { sha256, report } of readings) {
      const row = page.locator(`[data-testid=compare-table] tbody tr[data-report="${sha256}"]`);
      await expect(row.locator('[data-own-tag]').count()).resolves.toBe(1);
      expect(await row.locator('a').textContent()).toBe(report.agency.name);
      const num = cell(report, 'granted') + cell(report, 'partially_granted');
      const den = cell(report, 'outcome_total');
      const cells = row.locator('td');
      expect(await cells.nth(3).textContent()).toBe(`${((num / den) * 100).toFixed(1)}%`);
      expect(await cells.nth(4).textContent()).toBe(num.toLocaleString('en-US'));
      expect(await cells.nth(5).textContent()).toBe(den.toLocaleString('en-US'));
    }
    // the loaded reports carry no such mark
    expect(await page.locator('[data-testid=compare-table] [data-own-tag]').count()).toBe(readings.length);

    const [first] = readings;
    await goTo(page, `#/report/${first!.sha256}?lang=en`);
    await expect(page.locator('[data-view=report] [data-own-tag]').count()).resolves.toBe(1);
    const states = (s: string) => first!.report.cells.filter((c) => c.state === s).length;
    expect(await page.locator('[data-testid=cell-states]').textContent()).toContain(`${states('number')} printed · ${states('blank')} blank`);
  });

  it('says when the same file is dropped again instead of doubling it', async () => {
    const { page } = app;
    await page.setInputFiles('[data-own-input]', [{ name: typed.name, mimeType: 'text/plain', buffer: Buffer.from(typed.bytes) }]);
    await settled(6);
    expect(await page.locator('[data-own-file]').nth(5).getAttribute('data-status')).toBe('duplicate');
  });

  it('appends a dropped Parquet dataset, leaving out the reports already in', async () => {
    const { page } = app;
    const fresh = ownReportFile('示例县第五局', YEAR, 'text-lines', '示例县第五局2024年报.txt', 1);
    const writer = await DatasetWriter.open();
    const readings = [await cliReading(typed), await cliReading(fresh)];
    for (const { report } of readings) writer.add(report, { synthetic: true });
    const out = mkdtempSync(join(dir, 'dataset-'));
    await writer.write(out);
    writer.close();
    const files = readdirSync(out).filter((f) => f.endsWith('.parquet'));
    expect(files).toHaveLength(5);
    const kpi = async () => Number((await page.locator('[data-kpi=reports]').textContent())!.replace(/\D/g, ''));
    await goTo(page, '#/?lang=en');
    const before = await kpi();
    await page.setInputFiles('[data-own-input]', files.map((f) => ({ name: f, mimeType: 'application/octet-stream', buffer: readFileSync(join(out, f)) })));
    await settled(7);
    const entry = page.locator('[data-own-file]').nth(6);
    expect(await entry.getAttribute('data-status')).toBe('added');
    expect(await entry.locator('[data-own-report]').getAttribute('data-own-report')).toBe(readings[1]!.sha256);
    expect(await entry.textContent()).toContain('reports already in the data, not added again: 1');
    expect(await kpi()).toBe(before + 1);

    // a file set that is not a dataset says what is missing
    await page.setInputFiles('[data-own-input]', [{ name: files.find((f) => f.startsWith('cells'))!, mimeType: 'application/octet-stream', buffer: readFileSync(join(out, files.find((f) => f.startsWith('cells'))!)) }]);
    await settled(8);
    expect(await page.locator('[data-own-file]').nth(7).locator('[data-own-problem]').textContent()).toBe('missing tables: reports.parquet, metrics.parquet, checks.parquet');
  });

  it('looks right in both languages on a wide and a narrow screen', async () => {
    const { page } = app;
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ['zh', 'en'] as const) {
        await goTo(page, `#/compare?lang=${lang}&metric=disclosure_rate&year=${YEAR}`);
        if ((await page.locator('[data-own-panel]').count()) === 0) await page.click('[data-own-toggle]');
        await screenshot(page, `own-panel-${lang}-${width}`);
        if (width === 1280) {
          const axe = await new AxeBuilder({ page }).include('[data-own-panel]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.click('[data-own-panel] .close');
        await goTo(page, `#/compare?lang=${lang}&metric=disclosure_rate&year=${YEAR}&all=1`);
        await page.locator('[data-testid=compare-table] [data-own-tag]').first().evaluate((tag) => tag.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: join(SHOTS_DIR, `own-compare-${lang}-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('sends nothing anywhere and logs no error', () => {
    expect(app.foreignRequests()).toEqual([]);
    expect(sending).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
