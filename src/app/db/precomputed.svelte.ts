/**
 * Answers to each view's default-state queries, computed by `npm run data` in native DuckDB
 * (views/first-paint.ts, scripts/first-paint-json.ts) and fetched per route, so a view draws
 * before DuckDB-wasm is up. Trusted only while the server's manifest.json is the one they were
 * computed from, and never once the reader's own reports have joined the tables.
 */
import { FIRST_PAINT_DIR } from '../../model/dataset.ts';
import type { DatasetCounts, FirstPaintFile } from '../views/first-paint.ts';
import { fetchDataText, servedManifestText } from './data-url.ts';

class Precomputed {
  /** The unfiltered dataset's counts, from the first route file that loaded. */
  counts = $state.raw<DatasetCounts | null>(null);
  /** Routes whose default state can be drawn from precomputed answers. */
  routes = $state.raw<ReadonlySet<string>>(new Set());
  retired = $state(false);
}

export const precomputed = new Precomputed();

const answers = new Map<string, unknown[]>();
const loads = new Map<string, Promise<void>>();
async function loadRoute(route: string): Promise<void> {
  try {
    const [text, current] = await Promise.all([fetchDataText(`${FIRST_PAINT_DIR}/${route}.json`), servedManifestText()]);
    if (text === null || current === null || precomputed.retired) return;
    const file = JSON.parse(text) as FirstPaintFile;
    if (file.manifest !== current || file.route !== route) return;
    for (const [sql, rows] of file.answers) answers.set(sql, rows);
    precomputed.counts ??= file.counts;
    precomputed.routes = new Set([...precomputed.routes, route]);
  } catch {
    // A missing, stale or broken file only means the view waits for DuckDB.
  }
}

/** Fetch a route's answers (once); resolves when they are in or known to be absent. */
export function loadPrecomputed(route: string): Promise<void> {
  let load = loads.get(route);
  if (!load) loads.set(route, (load = loadRoute(route)));
  return load;
}

/** The precomputed rows for exactly this SQL, once the route files asked for so far have settled; null if none. */
export async function precomputedAnswer(sql: string): Promise<unknown[] | null> {
  await Promise.all(loads.values());
  return precomputed.retired ? null : (answers.get(sql) ?? null);
}

/** The tables no longer hold what the answers were computed from (the reader added reports). */
export function retirePrecomputed(): void {
  precomputed.retired = true;
  precomputed.routes = new Set();
  answers.clear();
}
