/**
 * The dashboard in headless Chromium on one dataset, beside native DuckDB running the same SQL on
 * the same Parquet files (the app half of `npm run bench:scale`):
 *   - per view, cold (a fresh browser profile): navigation → first chart drawn, → every chart drawn;
 *   - cold Overview: bytes fetched by the time its charts are drawn, and until DuckDB-wasm is ready;
 *   - per view, warm: a walk of filter changes → every chart redrawn (median, p95), and the
 *     in-browser SQL of each change (first query sent → last answer) against the same queries in
 *     native DuckDB (views/first-paint.ts VIEW_QUERIES, one thread), and the main thread's time
 *     in ECharts' setOption;
 *   - the page's peak JS heap (DuckDB-wasm's own memory lives in its worker and is not in it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { distWithOwnData, startPreview } from '../tests/e2e/server.ts';
import { CHROMIUM } from '../tests/e2e/harness.ts';
import { REPO_ROOT } from '../tests/e2e/paths.ts';
import { BROWSER_DB_FILE, DATASET_TABLE_NAMES, DATASETS, type BrowserDb } from '../src/model/dataset.ts';
import { tablePath } from '../src/ingest/dataset-writer.ts';
import { derivedTablesSql } from '../src/app/queries/derived.ts';
import { NO_FILTERS, reportWhere, sqlString, type Filters } from '../src/app/queries/filters.ts';
import { VIEW_QUERIES } from '../src/app/views/first-paint.ts';

export interface ViewTimings {
  route: string;
  /** Navigation → the view's first chart drawn, cold (ms). */
  firstChart: number;
  /** Navigation → every chart of the view drawn, cold (ms). */
  allCharts: number;
  /**
   * The reader's first filter change, made the moment the view has drawn: it may find DuckDB
   * still running the view's precomputed statements once (database.ts) and runs shapes not yet
   * run (ms).
   */
  firstChange: number;
  /** Filter change → every chart redrawn, once the page is idle after the first (ms). */
  changeMedian: number;
  changeP95: number;
  /** In the browser: first query of a change sent → last answer in (ms). */
  sqlMedian: number;
  /** The main thread's time in ECharts' setOption per change (`gongkai:draw` measures), summed over the view's charts. */
  drawMedian: number;
  /** The same queries in native DuckDB, one thread (ms). */
  nativeMedian: number;
}

export interface AppBenchResult {
  label: string;
  reports: number;
  datasetBytes: number;
  /** The browser database the app attaches (0 without one: it then fetches the Parquet whole). */
  browserDbBytes: number;
  /** Cold Overview: bytes of the dataset's files (not the app's code; as sent, compressed or not) fetched by the time every chart is drawn, and by the time DuckDB-wasm has the tables. */
  overviewBytesAtCharts: number;
  overviewBytesAtData: number;
  /** Cold Overview: navigation → data queryable in DuckDB-wasm (ms). */
  dataReady: number;
  peakJsHeapMb: number;
  changesPerView: number;
  views: ViewTimings[];
}

export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

async function launch(): Promise<{ context: BrowserContext; dispose: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return { context, dispose: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** A copy of the build serving `dataset` as its demo data (the bench datasets are invented). */
function distServing(dataset: string): string {
  const dist = distWithOwnData();
  symlinkSync(join(REPO_ROOT, 'dist', 'data', DATASETS.real), join(dist, 'data', DATASETS.real));
  symlinkSync(dataset, join(dist, 'data', DATASETS.demo));
  return dist;
}

/** Every chart in the view drawn at least once; resolves with the first and last `chart:` marks. */
const CHARTS_DRAWN = `(() => {
  const charts = [...document.querySelectorAll('main [data-chart]')];
  if (charts.length === 0 || !charts.every((c) => Number(c.dataset.draws ?? 0) > 0)) return null;
  const marks = charts.map((c) => performance.getEntriesByName('chart:' + c.dataset.chart)[0]?.startTime ?? NaN);
  return { first: Math.min(...marks), all: Math.max(...marks) };
})()`;

async function coldView(baseUrl: string, route: string): Promise<{ firstChart: number; allCharts: number; bytesAtCharts: number; bytesAtData: number; dataReady: number }> {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    // the data's bytes as they travel, DuckDB's range reads from its worker included
    let dataBytes = 0;
    page.on('requestfinished', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/data/')) return;
      request.sizes().then((sizes) => { dataBytes += sizes.responseBodySize; }, () => undefined);
    });
    await page.goto(`${baseUrl}#/${route}?ds=demo`);
    const drawn = (await (await page.waitForFunction(CHARTS_DRAWN, undefined, { timeout: 600_000, polling: 20 })).jsonValue()) as { first: number; all: number };
    const bytesAtCharts = dataBytes;
    if (route !== 'overview') return { firstChart: drawn.first, allCharts: drawn.all, bytesAtCharts, bytesAtData: NaN, dataReady: NaN };
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.shell')?.dataset.db !== 'loading', undefined, { timeout: 600_000 });
    const ready = (await page.evaluate(`(() => {
      const shell = document.querySelector('.shell');
      if (shell.dataset.db !== 'ready') return 'DuckDB-wasm failed: ' + (document.querySelector('[role=alert]')?.textContent ?? shell.dataset.db);
      return performance.getEntriesByName('gongkai:data-ready')[0].startTime;
    })()`)) as number | string;
    if (typeof ready === 'string') throw new Error(ready);
    await page.waitForTimeout(200);
    return { firstChart: drawn.first, allCharts: drawn.all, bytesAtCharts, bytesAtData: dataBytes, dataReady: ready };
  } finally {
    await dispose();
  }
}

/**
 * Change one filter in the page; time until no query is pending and every chart redrew after it,
 * and the span of the `gongkai:query` measures the change caused.
 */
async function timeFilterChange(page: Page, filter: string, value: string): Promise<{ total: number; sql: number; draw: number }> {
  const timed = (await page.evaluate(`new Promise((resolve) => {
    const select = document.querySelector('[data-filter="${filter}"]');
    const start = performance.now();
    select.value = ${JSON.stringify(value)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    let asked = false;
    const check = () => {
      const shell = document.querySelector('.shell');
      const charts = [...document.querySelectorAll('main [data-chart]')];
      // a selection with no data shows no chart: done once its queries were asked and answered
      asked ||= shell.dataset.busy === '1' || performance.getEntriesByName('gongkai:query').some((q) => q.startTime >= start);
      const done = asked && shell.dataset.busy === '0' && charts.every((c) => Number(c.dataset.drawn ?? 0) > start);
      if (!done && performance.now() - start > 120000) {
        return resolve({ error: 'no redraw within 120 s of ' + charts.filter((c) => !(Number(c.dataset.drawn ?? 0) > start)).map((c) => c.dataset.chart).join(', ') + ' (busy ' + shell.dataset.busy + ')' });
      }
      if (!done) return requestAnimationFrame(check);
      const end = performance.now();
      const queries = performance.getEntriesByName('gongkai:query').filter((q) => q.startTime >= start);
      const sql = queries.length ? Math.max(...queries.map((q) => q.startTime + q.duration)) - Math.min(...queries.map((q) => q.startTime)) : 0;
      const draw = performance.getEntriesByName('gongkai:draw').filter((d) => d.startTime >= start).reduce((sum, d) => sum + d.duration, 0);
      resolve({ total: end - start, sql, draw });
    };
    requestAnimationFrame(check);
  })`)) as { total: number; sql: number; draw: number } | { error: string };
  if ('error' in timed) throw new Error(`${page.url()}: ${filter}=${value}: ${timed.error}`);
  return timed;
}

export interface FilterStep { filter: 'level' | 'template'; value: string; state: Filters }

/** The filter states a reader walks through: level and template alternately, never back to none. */
export function changeSequence(levels: string[], templates: string[], count: number): FilterStep[] {
  const out: FilterStep[] = [];
  let state: Filters = NO_FILTERS;
  for (let i = 0; out.length < count && i < count * 4; i++) {
    const filter = i % 2 === 0 || templates.length < 2 ? 'level' : 'template';
    const options = filter === 'level' ? levels : templates;
    const value = options[Math.floor(i / 2) % options.length]!;
    const next: Filters = filter === 'level' ? { ...state, levels: [value as Filters['levels'][number]] } : { ...state, template: value as Filters['template'] };
    if (reportWhere(next) === reportWhere(state)) continue;
    state = next;
    out.push({ filter, value, state });
  }
  return out;
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
  } finally {
    await session.detach();
  }
}

/** The page idle: nothing asked is pending and DuckDB is not running precomputed statements once. */
function idle(): boolean {
  const shell = document.querySelector<HTMLElement>('.shell');
  return shell?.dataset.busy === '0' && shell.dataset.warming === '0';
}

/**
 * Per view: one filter change (`first`) the moment the view has drawn, then, once the page is
 * idle, a walk through `steps`. The walk starts from where the first change left the filters.
 */
async function warmChanges(baseUrl: string, routes: string[], first: FilterStep, steps: FilterStep[]): Promise<{ byRoute: Map<string, { first: number; total: number[]; sql: number[]; draw: number[] }>; peakHeapMb: number }> {
  const { context, dispose } = await launch();
  const byRoute = new Map<string, { first: number; total: number[]; sql: number[]; draw: number[] }>();
  let peakHeapMb = 0;
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`${baseUrl}#/overview?ds=demo`);
    for (const route of routes) {
      // a new hash without filters: the data stays loaded, each view's walk starts from none
      await page.evaluate((r) => { location.hash = `#/${r}?ds=demo`; }, route);
      await page.locator(`[data-route="${route}"]`).waitFor({ state: 'attached' });
      await page.waitForFunction(() => {
        const shell = document.querySelector<HTMLElement>('.shell');
        const charts = [...document.querySelectorAll<HTMLElement>('main [data-chart]')];
        return shell?.dataset.db === 'ready' && shell.dataset.busy === '0' && charts.length > 0 && charts.every((c) => Number(c.dataset.draws ?? 0) > 0);
      }, undefined, { timeout: 600_000, polling: 50 });
      const timings = { first: (await timeFilterChange(page, first.filter, first.value)).total, total: [] as number[], sql: [] as number[], draw: [] as number[] };
      await page.waitForFunction(idle, undefined, { timeout: 600_000, polling: 50 });
      for (const step of steps) {
        const { total, sql, draw } = await timeFilterChange(page, step.filter, step.value);
        timings.total.push(total);
        timings.sql.push(sql);
        timings.draw.push(draw);
      }
      byRoute.set(route, timings);
      peakHeapMb = Math.max(peakHeapMb, await heapMb(page));
    }
  } finally {
    await dispose();
  }
  return { byRoute, peakHeapMb };
}

async function nativeTimes(dataset: string, routes: string[], steps: FilterStep[]): Promise<Map<string, number[]>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  for (const table of DATASET_TABLE_NAMES) {
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(tablePath(dataset, table))})`);
  }
  for (const sql of derivedTablesSql()) await connection.run(sql);
  const run = async <T>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjects() as T[];
  const out = new Map<string, number[]>();
  for (const route of routes) {
    const times: number[] = [];
    for (const step of steps) {
      const start = performance.now();
      await VIEW_QUERIES[route]!(run, step.state);
      times.push(performance.now() - start);
    }
    out.set(route, times);
  }
  connection.closeSync();
  instance.closeSync();
  return out;
}

async function datasetFacts(dataset: string): Promise<{ reports: number; bytes: number; browserDbBytes: number; levels: string[]; templates: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reports = sqlString(tablePath(dataset, 'reports'));
  const distinct = async (column: string) =>
    (await connection.runAndReadAll(`SELECT DISTINCT ${column} AS v FROM read_parquet(${reports}) WHERE ${column} IS NOT NULL ORDER BY 1`)).getRowObjects().map((r) => String(r.v));
  const [row] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${reports})`)).getRowObjects();
  const described = join(dataset, BROWSER_DB_FILE);
  const browserDbBytes = existsSync(described) ? statSync(join(dataset, (JSON.parse(readFileSync(described, 'utf8')) as BrowserDb).file)).size : 0;
  const facts = { reports: Number(row!.n), browserDbBytes, bytes: DATASET_TABLE_NAMES.reduce((n, t) => n + statSync(tablePath(dataset, t)).size, 0), levels: await distinct('level'), templates: await distinct('template') };
  connection.closeSync();
  instance.closeSync();
  return facts;
}

/** Measure the app on `dataset` (a folder with manifest.json, the tables and first-paint/). */
export async function benchApp(dataset: string, label: string, changesPerView: number, log: (line: string) => void): Promise<AppBenchResult> {
  const facts = await datasetFacts(dataset);
  const routes = Object.keys(VIEW_QUERIES);
  const [first, ...steps] = changeSequence(facts.levels, facts.templates, changesPerView + 1);
  const dist = distServing(dataset);
  const preview = await startPreview(dist);
  try {
    const cold = new Map<string, Awaited<ReturnType<typeof coldView>>>();
    for (const route of routes) {
      cold.set(route, await coldView(preview.baseUrl, route));
      log(`  ${label}: ${route} cold, first chart ${cold.get(route)!.firstChart.toFixed(0)} ms`);
    }
    const warm = await warmChanges(preview.baseUrl, routes, first!, steps);
    log(`  ${label}: ${steps.length + 1} filter changes on each of ${routes.length} views`);
    const native = await nativeTimes(dataset, routes, steps);
    const overview = cold.get('overview')!;
    return {
      label,
      reports: facts.reports,
      datasetBytes: facts.bytes,
      browserDbBytes: facts.browserDbBytes,
      overviewBytesAtCharts: overview.bytesAtCharts,
      overviewBytesAtData: overview.bytesAtData,
      dataReady: overview.dataReady,
      peakJsHeapMb: warm.peakHeapMb,
      changesPerView: steps.length,
      views: routes.map((route) => {
        const changes = warm.byRoute.get(route)!;
        return {
          route,
          firstChart: cold.get(route)!.firstChart,
          allCharts: cold.get(route)!.allCharts,
          firstChange: changes.first,
          changeMedian: median(changes.total),
          changeP95: quantile(changes.total, 0.95),
          sqlMedian: median(changes.sql),
          drawMedian: median(changes.draw),
          nativeMedian: median(native.get(route)!),
        };
      }),
    };
  } finally {
    preview.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : `${(bytes / 1e6).toFixed(2)} MB`);

/** `before`: the last saved run of the same dataset, for a ratio per view (below 1: faster now). */
export function printAppResult(r: AppBenchResult, goals: { firstChart: number; p95: number }, before?: { date: string; app: AppBenchResult }): void {
  console.log(`\n${r.label}: ${r.reports.toLocaleString('en')} reports, dataset ${mb(r.datasetBytes)} of Parquet, browser database ${mb(r.browserDbBytes)}; ${r.changesPerView} filter changes per view`);
  console.log(`cold Overview, data files fetched: ${mb(r.overviewBytesAtCharts)} when its charts are drawn, ${mb(r.overviewBytesAtData)} when DuckDB-wasm has the data (at ${r.dataReady.toFixed(0)} ms); page's peak JS heap ${r.peakJsHeapMb.toFixed(0)} MB`);
  const header = ['view', 'first chart', 'all charts', 'first change', 'change p50', 'change p95', 'SQL wasm p50', 'SQL native p50', 'wasm/native', 'draw p50', before ? `first/p95 vs ${before.date.slice(0, 10)}` : 'vs last'];
  const rows = r.views.map((v) => {
    const then = before?.app.views.find((w) => w.route === v.route);
    const versus = then ? `${(v.firstChart / then.firstChart).toFixed(2)}× / ${(v.changeP95 / then.changeP95).toFixed(2)}×` : '–';
    return [v.route, v.firstChart, v.allCharts, v.firstChange, v.changeMedian, v.changeP95, v.sqlMedian, v.nativeMedian].map((x, i) => (i === 0 ? String(x) : `${(x as number).toFixed(0)} ms`))
      .concat(`${(v.sqlMedian / v.nativeMedian).toFixed(1)}×`, `${v.drawMedian.toFixed(0)} ms`, versus);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const worst = (pick: (v: ViewTimings) => number) => Math.max(...r.views.map(pick));
  console.log(`goals: first chart ≤ ${goals.firstChart} ms (worst ${worst((v) => v.firstChart).toFixed(0)}), change p95 ≤ ${goals.p95} ms (worst ${worst((v) => v.changeP95).toFixed(0)}; first change worst ${worst((v) => v.firstChange).toFixed(0)}), in-browser SQL ≤ 2× native (worst ${worst((v) => v.sqlMedian / v.nativeMedian).toFixed(1)}×)`);
}
