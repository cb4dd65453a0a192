/**
 * The SQL console on the demo dataset, one page for the whole file: its figures are the views',
 * every statement the issue names is refused typed and from a shared link without running, the
 * engine itself refuses files, URLs and setting changes past the guard while Arrow inserts still
 * work, and the CSV reads back to the figures on screen.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, nativeQuery, openAppPage, screenshot, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { figure } from './views-helpers.ts';
import { CONSOLE_EXAMPLES } from '../../src/app/queries/console-examples.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

const link = (sql: string, extra = '') => `#/sql?ds=demo${extra}&sql=${encodeURIComponent(sql)}`;

/** Type into the editor and run with Ctrl+Enter, as a reader does; waits until the URL holds it and the page is idle. */
async function typeAndRun(page: Page, sql: string): Promise<void> {
  await page.locator('[data-control=sql-editor]').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((text) => new URLSearchParams(location.hash.split('?')[1]).get('sql') === text, sql.trim());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await waitForIdle(page);
}

/** Every statement the app sent to DuckDB so far (db/database.ts leaves a measure per query). */
const sentToEngine = (page: Page) => page.evaluate(() => performance.getEntriesByName('gongkai:query').map((e) => String((e as PerformanceMeasure).detail)));

async function resultColumn(page: Page, column: number): Promise<string[]> {
  return page.locator(`[data-testid=sql-table] tbody tr td:nth-child(${column + 1})`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value') ?? ''));
}

describe('SQL console', () => {
  it('a typed query gives the Review view\'s headline figures; an example gives the reports per year', async () => {
    await goTo(app.page, '#/review?ds=demo');
    const cases = await figure(app.page, 'review_cases');
    const rate = await figure(app.page, 'review_correction_rate');
    expect(cases).toBeGreaterThan(0);

    await goTo(app.page, '#/sql?ds=demo');
    await typeAndRun(app.page, `SELECT sum(m.review_cases) AS cases,
  sum(m.review_correction_rate__num) FILTER (WHERE m.review_correction_rate IS NOT NULL)
    / sum(m.review_correction_rate__den) FILTER (WHERE m.review_correction_rate IS NOT NULL) AS rate
FROM reports r JOIN report_measures m ON m.report_id = r.id AND m.template IS NOT DISTINCT FROM r.template
WHERE r.year IS NOT NULL AND r.is_aggregate IS NOT TRUE`);
    expect(Number(await app.page.locator('[data-testid=sql-count]').getAttribute('data-rows'))).toBe(1);
    expect(Number((await resultColumn(app.page, 0))[0])).toBe(cases);
    expect(Number((await resultColumn(app.page, 1))[0])).toBeCloseTo(rate!, 12);

    await app.page.locator('[data-example=applications_by_year]').click();
    await app.page.waitForFunction(() => location.hash.includes('sql='));
    await waitForIdle(app.page);
    const years = await nativeQuery<{ year: number; n: number }>('SELECT year, count(*)::INTEGER AS n FROM reports WHERE year IS NOT NULL GROUP BY year ORDER BY year');
    expect((await resultColumn(app.page, 0)).map(Number)).toEqual(years.map((y) => y.year));
    expect((await resultColumn(app.page, 3)).map(Number)).toEqual(years.map((y) => y.n));
    expect(await app.page.locator('[data-testid=sql-table] tbody tr:first-child td:first-child').textContent()).toBe(String(years[0]!.year));
    // a year column and numbers: the quick chart is a line over the years
    const ticks = await app.page.locator('[data-chart=sql-result] svg text').allTextContents();
    expect(ticks).toEqual(expect.arrayContaining(years.map((y) => String(y.year))));
    expect(await app.page.locator('[data-testid=sql-schema] [data-table=reports] li').count()).toBe(24);
  }, 240_000);

  const REFUSED = [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')",
    "ATTACH 'https://example.org/other.duckdb' AS other",
    "COPY reports TO 'reports.csv'",
    'INSTALL httpfs',
    'LOAD httpfs',
    "SELECT * FROM '/etc/hosts.csv'",
    "FROM 'http://127.0.0.1:9/data.parquet'",
    "WITH t AS (SELECT * FROM read_csv_auto('x.csv')) SELECT * FROM t",
    "SELECT 1; ATTACH 'x.duckdb'",
    "SELECT 1 /* hidden */ ; COPY reports TO 'x.csv' -- trailing",
    'SET enable_external_access = true',
    "SELECT * FROM reports: '/etc/hosts.csv'",
  ];

  it.each(REFUSED)('refuses, typed and from a shared link, without running: %s', async (sql) => {
    await goTo(app.page, '#/sql?ds=demo');
    const before = await sentToEngine(app.page);
    await typeAndRun(app.page, sql);
    await expect.poll(() => app.page.locator('[data-testid=sql-refused]').count()).toBe(1);
    expect(await app.page.locator('[data-testid=sql-result]').count()).toBe(0);

    await goTo(app.page, link('SELECT 1 AS reset'));
    await goTo(app.page, link(sql));
    const text = await app.page.locator('[data-testid=sql-refused]').textContent();
    expect(text).toMatch(/^未运行：/);
    expect(await app.page.locator('[data-testid=sql-result]').count()).toBe(0);
    const sent = (await sentToEngine(app.page)).slice(before.length);
    expect(sent.filter((s) => s === sql.slice(0, 300))).toEqual([]);
    expect(sent.every((s) => !/read_csv|read_parquet|ATTACH|COPY|INSTALL|LOAD|enable_external|hosts|passwd/.test(s))).toBe(true);
  }, 120_000);

  it('the engine itself reaches no file or URL and keeps its settings past the guard; Arrow inserts still work', async () => {
    const worker = app.page.workers().find((w) => w.url().includes('duckdb-browser'));
    expect(worker, 'the DuckDB worker').toBeDefined();
    const outcome = await worker!.evaluate(async (statements) => {
      // Speak DuckDB-wasm's worker protocol directly, as a bypassed guard would reach the engine.
      const scope = globalThis as unknown as { onmessage: (e: { data: unknown }) => Promise<void>; postMessage: (m: unknown) => void };
      let id = 1_000_000_000;
      const ask = async (type: string, data: unknown) => {
        const send = scope.postMessage;
        let answer: { type: string; data: unknown } | null = null;
        scope.postMessage = (message) => { answer = message as { type: string; data: unknown }; };
        try {
          await scope.onmessage({ data: { messageId: id++, type, data } });
        } finally {
          scope.postMessage = send;
        }
        return answer! as { type: string; data: unknown };
      };
      // A query's result comes as an Arrow IPC file; the messages between its magic and its footer are the stream a dropped file gives.
      const asStream = (ipc: unknown) => {
        const file = ipc as Uint8Array;
        const footer = new DataView(file.buffer, file.byteOffset + file.length - 10, 4).getInt32(0, true);
        return file.slice(8, file.length - 10 - footer);
      };
      const message = (a: { type: string; data: unknown }) => (a.type === 'ERROR' ? String((a.data as { message?: string })?.message ?? a.data) : null);
      const conn = (await ask('CONNECT', null)).data;
      const errors: Record<string, string | null> = {};
      for (const sql of statements) errors[sql] = message(await ask('RUN_QUERY', [conn, sql]));
      // DuckDB-wasm's INSTALL fetches nothing (LOAD would, and is refused above)
      await ask('RUN_QUERY', [conn, 'INSTALL httpfs']);
      const first = await ask('RUN_QUERY', [conn, "SELECT 'dropped file' AS source, 42 AS n"]);
      const created = await ask('INSERT_ARROW_FROM_IPC_STREAM', [conn, asStream(first.data), { name: 'lock_probe', create: true }]);
      const second = await ask('RUN_QUERY', [conn, "SELECT 'dropped file' AS source, 43 AS n"]);
      const appended = await ask('INSERT_ARROW_FROM_IPC_STREAM', [conn, asStream(second.data), { name: 'lock_probe', create: false }]);
      await ask('DISCONNECT', conn);
      return { errors, created: message(created) ?? created.type, appended: message(appended) ?? appended.type };
    }, [
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_text('/etc/hosts')",
      "SELECT * FROM 'data/demo/reports.csv'",
      "ATTACH 'other.duckdb' AS other",
      "COPY (SELECT 1) TO 'out.csv'",
      'LOAD parquet',
      'LOAD httpfs',
      'SET enable_external_access = true',
      'RESET enable_external_access',
      'SET lock_configuration = false',
    ]);
    for (const [sql, error] of Object.entries(outcome.errors)) expect(String(error), sql).toMatch(/Permission|disabled|locked|not allowed|external access/i);
    expect(app.requests.filter((u) => /httpfs|extensions|duckdb\.org/.test(u))).toEqual([]);
    expect(outcome.created).toBe('OK');
    expect(outcome.appended).toBe('OK');

    // what was inserted is there, read through the console itself
    await goTo(app.page, link("SELECT table_name, estimated_size FROM duckdb_tables() WHERE table_name = 'lock_probe'"));
    expect(await resultColumn(app.page, 1)).toEqual(['2']);
    await goTo(app.page, link("SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked"));
    expect([...await resultColumn(app.page, 0), ...await resultColumn(app.page, 1)]).toEqual(['false', 'true']);
  }, 120_000);

  it('exports the result as CSV that reads back to the figures on screen, named as a demo-data console result', async () => {
    const example = CONSOLE_EXAMPLES.find((e) => e.id === 'failed_checks')!;
    await goTo(app.page, link(example.sql.zh));
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('[data-action=csv]').click()]);
    expect(download.suggestedFilename()).toMatch(/^DEMO-invented_gongkai_console-result_\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(header).toEqual(['规则', '性质', '不符次数', '年报数']);
    const onScreen = await Promise.all([0, 1, 2, 3].map((i) => resultColumn(app.page, i)));
    expect(lines.length).toBe(Number(await app.page.locator('[data-testid=sql-count]').getAttribute('data-rows')));
    expect(lines).toEqual(onScreen[0]!.map((_, r) => onScreen.map((column) => column[r])));
    const failures = await nativeQuery<{ n: number }>("SELECT count(*)::INTEGER AS n FROM checks c JOIN reports r ON r.id = c.report_id WHERE c.status = 'fail'");
    expect(lines.reduce((sum, line) => sum + Number(line[2]), 0)).toBe(failures[0]!.n);
  }, 120_000);

  it('an engine error is shown in the reader\'s language', async () => {
    await goTo(app.page, link('SELECT no_such_column FROM reports', '&lang=en'));
    expect(await app.page.locator('[data-testid=sql-error]').textContent()).toMatch(/^A table, column or function name is wrong/);
    await goTo(app.page, link('SELECT (1 + '));
    expect(await app.page.locator('[data-testid=sql-error]').textContent()).toMatch(/^SQL 语法错误/);
  }, 60_000);

  it('fits 1280 and 375 px in both languages (screenshots in /tmp/shots)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [1280, 375]) {
        await app.page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
        await goTo(app.page, link(CONSOLE_EXAMPLES[0]!.sql[lang], lang === 'en' ? '&lang=en' : ''));
        await app.page.locator('.cm-editor').waitFor();
        const scrollWidth = await app.page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${lang} ${width}`).toBeLessThanOrEqual(width);
        await screenshot(app.page, `sql-${lang}-${width}`);
      }
    }
    await app.page.setViewportSize({ width: 1280, height: 900 });
  }, 240_000);

  it('left no console error and sent no request off the machine', () => {
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });
});
