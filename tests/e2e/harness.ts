/**
 * Headless Chromium (Debian's) through playwright-core against the built app. Every request
 * is recorded so a test can fail on any that leaves 127.0.0.1, and every console error or
 * uncaught exception is collected.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASET_TABLE_NAMES } from '../../src/model/dataset.ts';
import { tablePath } from '../../src/ingest/dataset-writer.ts';
import { SERVED_DATA, SHOTS_DIR } from './paths.ts';

export const CHROMIUM = '/usr/bin/chromium';

export interface AppPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  consoleErrors: string[];
  /** Requests to anywhere but the app's own origin (data: and blob: URLs are local). */
  foreignRequests(): string[];
  close(): Promise<void>;
}

export interface Browser {
  /** `before` runs on the page before it navigates (e.g. to route requests). */
  open(hash: string, options?: { width?: number; height?: number; dataset?: 'demo' | 'real'; before?: (page: Page) => Promise<void> }): Promise<AppPage>;
  close(): Promise<void>;
}

export async function startBrowser(baseUrl: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const origin = new URL(baseUrl).origin;
  return {
    async open(hash, options = {}) {
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
      await options.before?.(page);
      await page.goto(new URL(hash.startsWith('#') ? `/${onDataset(hash, options.dataset ?? 'demo')}` : hash, baseUrl).href, { waitUntil: 'domcontentloaded' });
      return {
        page,
        requests,
        consoleErrors,
        foreignRequests: () => requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin),
        close: () => page.close(),
      };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The hash with `ds=demo` added unless it names a dataset; the real dataset is the app's default. */
function onDataset(hash: string, dataset: 'demo' | 'real'): string {
  if (dataset === 'real' || /[?&]ds=/.test(hash)) return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}ds=demo`;
}

/**
 * A browser with one app page, loaded and idle, for a test file that moves it between views with
 * goTo: DuckDB starts once per file instead of once per view. Close with `browser.close()`.
 */
export async function openAppPage(baseUrl: string): Promise<{ browser: Browser; app: AppPage }> {
  const browser = await startBrowser(baseUrl);
  const app = await browser.open('#/');
  await waitForIdle(app.page);
  return { browser, app };
}

/**
 * Move an open page to another view as a reader's click would (a hash change: the data stays
 * loaded), and wait until that view is mounted and idle.
 */
export async function goTo(page: Page, hash: string): Promise<Page> {
  // the page stays on the dataset it loaded: say so in the hash, as the app's own links do
  const dataset = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('ds'));
  if (dataset && !/[?&]ds=/.test(hash)) hash = `${hash}${hash.includes('?') ? '&' : '?'}ds=${dataset}`;
  const route = hash.replace(/^#\/?/, '').split(/[/?]/)[0] || 'overview';
  const path = hash.split('?')[0]!;
  await page.evaluate((h) => { location.hash = h; }, hash);
  // the view may pin what it settles (the year) into the hash at once: compare the path only
  await page.waitForFunction((p) => location.hash.split('?')[0] === p, path);
  await page.locator(`[data-route="${route}"]`).waitFor({ state: 'attached' });
  // the hashchange reaches the view's queries in the effects after it
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await waitForIdle(page);
  return page;
}

/** Wait until the data is loaded, no query is pending and every chart on the page has drawn since. */
export async function waitForIdle(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const shell = document.querySelector('.shell') as HTMLElement | null;
      if (!shell || shell.dataset.db === 'error') return true;
      if (shell.dataset.db !== 'ready' || shell.dataset.busy !== '0') return false;
      return [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => Number(c.dataset.draws ?? 0) > 0);
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  const failed = await page.evaluate(() => (document.querySelector('.shell') as HTMLElement | null)?.dataset.db === 'error');
  if (failed) throw new Error(`the app failed to load its data: ${await page.locator('[role=alert]').allTextContents()}`);
  // one more frame so a chart whose option changed in the last tick has redrawn
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Text content of every <text> element a chart drew (SVG renderer), in document order. */
export async function chartTexts(page: Page, name: string): Promise<string[]> {
  return page.locator(`[data-chart="${name}"] svg text`).allTextContents();
}

export interface PlacedText {
  text: string;
  /** Centre of the drawn text, in page pixels. */
  x: number;
  y: number;
}

/** Every <text> a chart drew with where it was drawn, so a test can tell a bar's label from an axis tick. */
export async function chartTextsPlaced(page: Page, name: string): Promise<PlacedText[]> {
  return page.locator(`[data-chart="${name}"] svg text`).evaluateAll((nodes) => nodes.map((node) => {
    const box = node.getBoundingClientRect();
    return { text: node.textContent ?? '', x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }));
}

let native: Promise<{ run: (sql: string) => Promise<Record<string, unknown>[]> }> | null = null;

/** Run SQL in native DuckDB over the Parquet files the app serves (tables reports, cells, metrics, checks). */
export async function nativeQuery<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  native ??= (async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const table of DATASET_TABLE_NAMES) {
      const source = `read_parquet('${tablePath(SERVED_DATA, table)}')`;
      // What the app shows by default: each body's own report, never a region-wide one beside it.
      await connection.run(`CREATE VIEW ${table} AS SELECT * FROM ${source}${table === 'reports' ? ' WHERE is_aggregate IS NOT TRUE' : ''}`);
    }
    return {
      run: async (text: string) => {
        const reader = await connection.runAndReadAll(text);
        return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
      },
    };
  })();
  return (await native).run(sql) as Promise<T[]>;
}

/** Save a screenshot to /tmp/shots/<name>.png (outside the repo). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // long tables would make an unreadable strip; the first screens are what a person looks at
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: size.width, height: Math.min(height, size.width > 400 ? 2000 : 2400) } });
}
