/**
 * The dashboard in headless Chromium on this machine, on the demo dataset (public/data/demo, the
 * larger one):
 *   - navigation → first chart drawn, and → every Overview chart drawn (cold loads);
 *   - filter change → every chart updated (median, p95) on the Overview;
 * each beside a baseline from the same run: DuckDB-wasm's own fetch + instantiate time
 * (marked inside the same cold loads), and the same SQL in native DuckDB on the same Parquet.
 *
 *   npm run bench:app [-- --loads 3 --changes 30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { startPreview } from '../tests/e2e/server.ts';
import { CHROMIUM, waitForIdle } from '../tests/e2e/harness.ts';
import { DATASET_TABLE_NAMES } from '../src/model/dataset.ts';
import { NO_FILTERS, reportWhere, sqlString, type Filters } from '../src/app/queries/filters.ts';
import { reportMeasuresSql } from '../src/app/queries/measures.ts';
import { overviewData } from '../src/app/queries/overview.ts';
import { REPO_ROOT } from '../tests/e2e/paths.ts';
import { tablePath } from '../src/ingest/dataset-writer.ts';

const BENCH_DATA = join(REPO_ROOT, 'public/data/demo');

const { values: args } = parseArgs({ options: { loads: { type: 'string', default: '3' }, changes: { type: 'string', default: '30' } } });
const LOADS = Number(args.loads);
const CHANGES = Number(args.changes);
const OVERVIEW_CHARTS = ['overview-reports', 'overview-applications', 'overview-failures'];

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return { context, dispose: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

interface ColdLoad { firstChart: number; allCharts: number; engine: number; dataReady: number }

async function coldLoad(baseUrl: string): Promise<ColdLoad> {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/overview?ds=demo`);
    await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(`chart:${n}`).length > 0), OVERVIEW_CHARTS, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('gongkai:data-ready').length > 0, undefined, { timeout: 120_000 });
    // page code as text: tsx would wrap named functions in a helper the page does not have
    return await page.evaluate(`(() => {
      const first = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const charts = ${JSON.stringify(OVERVIEW_CHARTS)}.map((n) => first('chart:' + n));
      return {
        firstChart: Math.min(...charts),
        allCharts: Math.max(...charts),
        engine: first('gongkai:engine-ready') - first('gongkai:engine-start'),
        dataReady: first('gongkai:data-ready'),
      };
    })()`) as ColdLoad;
  } finally {
    await dispose();
  }
}

/** Change one filter in the page and time until no query is pending and every chart redrew after it. */
async function timeFilterChange(page: Page, filter: string, value: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const select = document.querySelector('[data-filter="${filter}"]');
    const start = performance.now();
    select.value = ${JSON.stringify(value)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const check = () => {
      const shell = document.querySelector('.shell');
      const charts = [...document.querySelectorAll('[data-chart]')];
      const done = shell.dataset.busy === '0' && charts.length > 0 && charts.every((c) => Number(c.dataset.drawn ?? 0) > start);
      if (done) resolve(performance.now() - start);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`) as Promise<number>;
}

/** The sequence of filter states a user walks through: level and template alternately, never back to none. */
function changeSequence(levels: string[], templates: string[]): { filter: 'level' | 'template'; value: string; state: Filters }[] {
  const out: { filter: 'level' | 'template'; value: string; state: Filters }[] = [];
  let state: Filters = NO_FILTERS;
  for (let i = 0; out.length < CHANGES && i < CHANGES * 4; i++) {
    const filter = i % 2 === 0 || templates.length < 2 ? 'level' : 'template';
    const options = filter === 'level' ? levels : templates;
    const value = options[Math.floor(i / 2) % options.length];
    const next: Filters = filter === 'level' ? { ...state, levels: [value as Filters['levels'][number]] } : { ...state, template: value as Filters['template'] };
    if (reportWhere(next) === reportWhere(state)) continue;
    state = next;
    out.push({ filter, value, state });
  }
  return out;
}

async function filterChanges(baseUrl: string, sequence: ReturnType<typeof changeSequence>): Promise<number[]> {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/overview?ds=demo`);
    await waitForIdle(page);
    const timings: number[] = [];
    for (const { filter, value } of sequence) timings.push(await timeFilterChange(page, filter, value));
    return timings;
  } finally {
    await dispose();
  }
}

async function native(states: Filters[]): Promise<{ load: number; overview: number; perChange: number[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET threads = 1');
  const t0 = performance.now();
  for (const table of DATASET_TABLE_NAMES) {
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(tablePath(BENCH_DATA, table))})`);
  }
  await connection.run(reportMeasuresSql());
  const load = performance.now() - t0;
  const run = async <T>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjects() as T[];
  const t1 = performance.now();
  await overviewData(run, reportWhere(NO_FILTERS));
  const overview = performance.now() - t1;
  const perChange: number[] = [];
  for (const state of states) {
    const start = performance.now();
    await overviewData(run, reportWhere(state));
    perChange.push(performance.now() - start);
  }
  connection.closeSync();
  instance.closeSync();
  return { load, overview, perChange };
}

async function filterValues(): Promise<{ levels: string[]; templates: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reports = sqlString(tablePath(BENCH_DATA, 'reports'));
  const distinct = async (column: string) =>
    (await connection.runAndReadAll(`SELECT DISTINCT ${column} AS v FROM read_parquet(${reports}) WHERE ${column} IS NOT NULL ORDER BY 1`)).getRowObjects().map((r) => String(r.v));
  const values = { levels: await distinct('level'), templates: await distinct('template') };
  connection.closeSync();
  instance.closeSync();
  return values;
}

const preview = await startPreview();
try {
  const { levels, templates } = await filterValues();
  const sequence = changeSequence(levels, templates);
  const loads: ColdLoad[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(preview.baseUrl));
  const changes = await filterChanges(preview.baseUrl, sequence);
  const nativeTimes = await native(sequence.map((c) => c.state));
  const col = (pick: (l: ColdLoad) => number) => median(loads.map(pick));
  console.log(`\nGongkai app benchmark — headless Chromium, ${LOADS} cold loads (median), ${changes.length} filter changes on the Overview`);
  console.log(`dataset: public/data/demo; filters walked: level (${levels.length} values) and template (${templates.length})\n`);
  console.log(`navigation → first chart drawn        ${ms(col((l) => l.firstChart))}   goal ≤ 1000 ms`);
  console.log(`navigation → every Overview chart     ${ms(col((l) => l.allCharts))}`);
  console.log(`navigation → data queryable in wasm   ${ms(col((l) => l.dataReady))}`);
  console.log(`  baseline: DuckDB-wasm fetch + instantiate alone   ${ms(col((l) => l.engine))}`);
  console.log(`filter change → all charts, median    ${ms(median(changes))}`);
  console.log(`filter change → all charts, p95       ${ms(quantile(changes, 0.95))}   goal ≤ 100 ms`);
  console.log(`  baseline: same Overview SQL, native DuckDB (1 thread), median ${ms(median(nativeTimes.perChange))}, p95 ${ms(quantile(nativeTimes.perChange, 0.95))}`);
  console.log(`  baseline: native DuckDB Parquet load + report_measures ${ms(nativeTimes.load)}, unfiltered Overview SQL ${ms(nativeTimes.overview)}`);
  console.log(`\nper cold load: ${loads.map((l) => `first ${l.firstChart.toFixed(0)} / all ${l.allCharts.toFixed(0)} / data ${l.dataReady.toFixed(0)} / engine ${l.engine.toFixed(0)}`).join('; ')}`);
} finally {
  preview.stop();
}
