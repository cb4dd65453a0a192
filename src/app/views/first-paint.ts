/**
 * What each view asks the database (VIEW_QUERIES): the same SQL builders, fed the defaults the
 * view reads from an empty URL. With no filter that is its first paint: `npm run data` runs
 * these in native DuckDB and ships the answers (`first-paint/<route>.json`), so every view draws
 * before DuckDB-wasm has started. A view whose queries drift from these simply waits for DuckDB;
 * tests/e2e/first-paint.test.ts catches that.
 */
import { filterOptionsSql, datedReportWhere, filtersFromParams, reportWhere, type Filters } from '../queries/filters.ts';
import { overviewData, countsSql, type OverviewCounts } from '../queries/overview.ts';
import { measureById } from '../queries/measures.ts';
import { agenciesSql, COMPARE_TOP, rankAbsentSql, rankSql, rankTopSql, yearsSql } from '../queries/compare.ts';
import { groupTrendSql } from '../queries/trends.ts';
import { outcomeCellsSql, outcomeReportsSql, outcomeYearsSql } from '../queries/outcomes.ts';
import { procurementFiguresSql, procurementReportsSql, procurementTopSql, procurementTrendSql, PROCUREMENT_TOP } from '../queries/procurement.ts';
import { NEWMEDIA_TOP, newMediaAccountsSql, newMediaPlatformsSql, newMediaTopSql, type NewMediaPlatformRow } from '../queries/newmedia.ts';
import { REVIEW_TOP, reviewCellsSql, reviewReportsSql, reviewTopSql, reviewUnrankedSql, reviewYearsSql } from '../queries/review.ts';
import { qualityByRuleSql, qualityIssueCountSql, qualityIssuesSql, qualityStatesSql, seriesSql } from '../queries/quality.ts';
import { LIST_HEAD } from '../queries/list-head.ts';
import { readParam } from '../state/params.ts';
import { COMPARE_PARAMS, NEWMEDIA_PARAMS, QUALITY_PARAMS, REVIEW_PARAMS, TRENDS_PARAMS } from './params.ts';
import { COMPARE_SIDE_MEASURES, QUALITY_PAGE_SIZE } from './view-constants.ts';

export type Run = <T>(sql: string) => Promise<T[]>;

const DEFAULTS: Readonly<Record<string, string>> = {};
const all = (run: Run, sqls: (string | null)[]) => Promise.all(sqls.filter((s): s is string => s !== null).map((s) => run(s)));

/**
 * Per route, the queries its view runs under `filters` with its own parameters at their
 * defaults: with no filter, what its first paint needs; with one, what a filter change asks
 * (the app benchmark runs these in native DuckDB beside the browser).
 */
export const VIEW_QUERIES: Readonly<Record<string, (run: Run, filters: Filters) => Promise<unknown>>> = {
  overview: (run, f) => overviewData(run, reportWhere(f)),
  compare: async (run, f) => {
    const where = reportWhere(f);
    const measure = measureById(readParam(DEFAULTS, COMPARE_PARAMS.measure));
    const years = await run<{ year: number }>(yearsSql(where));
    const latest = years[0]?.year ?? null;
    const side = COMPARE_SIDE_MEASURES.some((m) => m.id === measure.id) ? COMPARE_SIDE_MEASURES : [measure, ...COMPARE_SIDE_MEASURES];
    const ranked = latest === null ? [] : [rankTopSql(measure, latest, where, COMPARE_TOP), rankAbsentSql(measure, latest, where), rankSql(measure, latest, where)];
    return all(run, [...ranked, agenciesSql(side, readParam(DEFAULTS, COMPARE_PARAMS.selected), where)]);
  },
  trends: (run, f) => {
    const depth = f.region ? f.region.split('/').length : 0;
    return all(run, [groupTrendSql(measureById(readParam(DEFAULTS, TRENDS_PARAMS.measure)), reportWhere(f), readParam(DEFAULTS, TRENDS_PARAMS.groupBy), depth)]);
  },
  outcomes: (run, f) => {
    const dated = datedReportWhere(f);
    return all(run, [outcomeCellsSql(dated), outcomeReportsSql(dated, LIST_HEAD), outcomeYearsSql(dated)]);
  },
  procurement: (run, f) => {
    const dated = datedReportWhere(f);
    return all(run, [procurementFiguresSql(dated), procurementTrendSql(dated), procurementTopSql(dated, PROCUREMENT_TOP), procurementReportsSql(dated, LIST_HEAD)]);
  },
  newmedia: async (run, f) => {
    const where = reportWhere(f);
    const platforms = await run<NewMediaPlatformRow>(newMediaPlatformsSql(where));
    const latest = Math.max(...platforms.map((p) => p.year ?? -Infinity));
    if (!Number.isFinite(latest)) return [];
    return all(run, [newMediaTopSql(where, latest, readParam(DEFAULTS, NEWMEDIA_PARAMS.measure), NEWMEDIA_TOP), newMediaAccountsSql(where, latest, LIST_HEAD)]);
  },
  review: (run, f) => {
    const dated = datedReportWhere(f);
    const rankBy = readParam(DEFAULTS, REVIEW_PARAMS.rankBy);
    return all(run, [reviewCellsSql(dated), reviewReportsSql(dated, LIST_HEAD), reviewYearsSql(dated),
      reviewTopSql(dated, rankBy, Number(readParam(DEFAULTS, REVIEW_PARAMS.minClosed)), REVIEW_TOP), reviewUnrankedSql(dated, rankBy)]);
  },
  quality: (run, f) => {
    const where = reportWhere(f);
    const options = { rule: readParam(DEFAULTS, QUALITY_PARAMS.rule), status: readParam(DEFAULTS, QUALITY_PARAMS.status), severity: readParam(DEFAULTS, QUALITY_PARAMS.severity) };
    const page = readParam(DEFAULTS, QUALITY_PARAMS.page);
    return all(run, [qualityByRuleSql(where), qualityStatesSql(where), qualityIssueCountSql(where, options), seriesSql(where),
      qualityIssuesSql(where, { ...options, limit: QUALITY_PAGE_SIZE, offset: page * QUALITY_PAGE_SIZE })]);
  },
};

/** The filters of an empty URL. */
export const DEFAULT_FILTERS: Filters = filtersFromParams(DEFAULTS);

/** The filter bar sits above every filtered view; its query is answered in each route's file. */
export const SHARED_FIRST_PAINT = (run: Run) => run(filterOptionsSql());

/** The whole dataset in a few figures, carried by every route's file (the shell's badge and notes need them before DuckDB is up). */
export const datasetCountsSql = () => countsSql(reportWhere(DEFAULT_FILTERS));
export type DatasetCounts = OverviewCounts;

/**
 * An answer longer than this (as JSON) is left out of a route's file: that part of the view (in
 * practice a full list of reports, shown 50 at a time) waits for DuckDB, and the charts do not
 * wait for its bytes.
 */
export const FIRST_PAINT_MAX_BYTES = 128 * 1024;

export interface FirstPaintFile {
  /** The manifest.json text the answers were computed from; the app trusts them only while it is unchanged. */
  manifest: string;
  route: string;
  counts: DatasetCounts;
  /** [sql, rows] pairs. */
  answers: [string, Record<string, unknown>[]][];
}

/** Run a route's first-paint queries through `run`, keeping every answer small enough to ship. */
export async function firstPaintAnswers(route: string, run: Run): Promise<{ answers: [string, Record<string, unknown>[]][]; left: string[] }> {
  const answers = new Map<string, Record<string, unknown>[]>();
  const left: string[] = [];
  const recording: Run = async <T>(sql: string) => {
    const rows = await run<T>(sql);
    if (new TextEncoder().encode(JSON.stringify(rows)).length > FIRST_PAINT_MAX_BYTES) left.push(sql);
    else answers.set(sql, rows as Record<string, unknown>[]);
    return rows;
  };
  await SHARED_FIRST_PAINT(recording);
  await VIEW_QUERIES[route]!(recording, DEFAULT_FILTERS);
  return { answers: [...answers], left };
}
