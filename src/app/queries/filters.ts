/**
 * The filters every view shares, and the SQL they become. A view adds its own choices (metric,
 * year …) on top; these cross-apply to every chart of every view.
 */
import { AGENCY_LEVELS, type AgencyLevel } from '../../model/report.ts';
import { templateOf, type TemplateId } from '../../model/templates/index.ts';

/**
 * Whose reports a view adds up. `bodies`: each body's own report (departments, offices,
 * townships…). `regions`: the region-wide reports of governments (is_aggregate), one level at a
 * time, since a city's report already counts its districts'. The two are never summed together.
 */
export type Scope = 'bodies' | 'regions';
export const SCOPES: readonly Scope[] = ['bodies', 'regions'];

/** The columns a region path walks down, most general first. */
export const REGION_COLUMNS = ['province', 'city', 'county'] as const;

/** SQL for the region path of a report down to `depth` levels (1 = province), NULL when unknown. */
export function regionPathSql(depth: number, alias = 'r'): string {
  const columns = REGION_COLUMNS.slice(0, Math.max(1, Math.min(depth, REGION_COLUMNS.length)));
  if (columns.length === 1) return `${alias}.province`;
  // concat_ws skips NULLs: a report known only to its province stays in that province's group
  return `CASE WHEN ${alias}.province IS NULL THEN NULL ELSE concat_ws('/', ${columns.map((c) => `${alias}.${c}`).join(', ')}) END`;
}

export interface Filters {
  /** A region path: province, province/city or province/city/county (示例省/甲市); null = everywhere. */
  region: string | null;
  /** Agency levels to keep; empty = all. */
  levels: AgencyLevel[];
  template: TemplateId | null;
  yearFrom: number | null;
  yearTo: number | null;
  scope: Scope;
}

export const NO_FILTERS: Filters = { region: null, levels: [], template: null, yearFrom: null, yearTo: null, scope: 'bodies' };

/** SQL string literal with quotes doubled. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL quoted identifier (a column named `t3.granted.total` or `year`) with quotes doubled. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The only columns of `reports r` a filter condition reads. Tables pre-aggregated by these
 * columns (derived.ts) can be filtered with the very same condition.
 */
export const SELECTION_COLUMNS = [...REGION_COLUMNS, 'level', 'template', 'year', 'is_aggregate'] as const;

/**
 * The columns of `reports` that a derived table of one row per report (or per account) repeats:
 * every column a filter condition reads and what a list shows beside them. Such a table is
 * filtered with the very same condition over `r`, so a filter change reads it alone and never
 * joins `reports` on its text id.
 */
export const REPORT_ROW_COLUMNS = ['agency', 'region', 'synthetic', ...SELECTION_COLUMNS] as const;

/**
 * The order a table of one row per report (or account) read on every filter change is stored
 * in (ORDER BY over its own output columns): DuckDB keeps each stored segment's lowest and
 * highest value, so a condition on the year or the level skips the segments it excludes.
 */
export const BY_YEAR_AND_LEVEL = 'ORDER BY "year", "level"';

/** A WHERE condition over `reports r` (never empty: `TRUE` when nothing is filtered); it reads SELECTION_COLUMNS only. */
export function reportWhere(filters: Filters): string {
  const parts: string[] = [];
  if (filters.region) {
    REGION_COLUMNS.forEach((column, i) => {
      const name = filters.region!.split('/')[i];
      if (name) parts.push(`r.${column} = ${sqlString(name)}`);
    });
  }
  if (filters.levels.length > 0) parts.push(`r.level IN (${filters.levels.map(sqlString).join(', ')})`);
  if (filters.template) parts.push(`r.template = ${sqlString(filters.template)}`);
  if (filters.yearFrom !== null) parts.push(`r.year >= ${Math.trunc(filters.yearFrom)}`);
  if (filters.yearTo !== null) parts.push(`r.year <= ${Math.trunc(filters.yearTo)}`);
  if (filters.scope === 'regions') {
    parts.push('r.is_aggregate');
    // Region-wide reports nest (a city's counts its districts'): one level at a time.
    if (filters.levels.length !== 1) parts.push(`r.level = (${topAggregateLevelSql()})`);
  } else {
    parts.push('r.is_aggregate IS NOT TRUE');
  }
  return parts.join(' AND ');
}

/**
 * The filtered selection as the views that add up figures see it: only reports placed in a
 * year, so a selection's total is always the sum of its years (as Overview's are).
 */
export function datedReportWhere(filters: Filters): string {
  return `${reportWhere(filters)} AND r.year IS NOT NULL`;
}

/** The highest level that has region-wide reports, in AGENCY_LEVELS order. */
function topAggregateLevelSql(): string {
  const rank = AGENCY_LEVELS.map((level, i) => `WHEN ${sqlString(level)} THEN ${i}`).join(' ');
  return `SELECT level FROM reports WHERE is_aggregate AND level IS NOT NULL ORDER BY CASE level ${rank} END LIMIT 1`;
}

/** URL parameter names of the filters (shared across views). */
export const FILTER_PARAMS = { region: 'region', levels: 'level', template: 'tpl', yearFrom: 'from', yearTo: 'to', scope: 'scope' } as const;

function year(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}

/** Read filters from URL parameters, ignoring values that are not valid. */
export function filtersFromParams(params: Readonly<Record<string, string>>): Filters {
  const levels = (params[FILTER_PARAMS.levels] ?? '').split(',').filter((l): l is AgencyLevel => (AGENCY_LEVELS as readonly string[]).includes(l));
  const template = params[FILTER_PARAMS.template];
  const scope = params[FILTER_PARAMS.scope];
  return {
    region: params[FILTER_PARAMS.region] || null,
    levels,
    template: templateOf(template)?.id ?? null,
    yearFrom: year(params[FILTER_PARAMS.yearFrom]),
    yearTo: year(params[FILTER_PARAMS.yearTo]),
    scope: scope === 'regions' ? 'regions' : 'bodies',
  };
}

/** URL parameters for filters; defaults become null so they leave the URL. */
export function filtersToParams(filters: Filters): Record<string, string | null> {
  return {
    [FILTER_PARAMS.region]: filters.region,
    [FILTER_PARAMS.levels]: filters.levels.length > 0 ? filters.levels.join(',') : null,
    [FILTER_PARAMS.template]: filters.template,
    [FILTER_PARAMS.yearFrom]: filters.yearFrom === null ? null : String(filters.yearFrom),
    [FILTER_PARAMS.yearTo]: filters.yearTo === null ? null : String(filters.yearTo),
    [FILTER_PARAMS.scope]: filters.scope === 'bodies' ? null : filters.scope,
  };
}

export function hasFilters(filters: Filters): boolean {
  return reportWhere(filters) !== reportWhere(NO_FILTERS);
}

export interface FilterOptionRow {
  kind: 'region' | 'level' | 'year' | 'template' | 'scope';
  value: string;
  reports: number;
}

/** What the filter bar offers: regions (provinces and cities), levels, years, templates, sources. */
export function filterOptionsSql(): string {
  return `SELECT 'region' AS kind, ${regionPathSql(1)} AS value, count(*)::INTEGER AS reports FROM reports r WHERE r.province IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'region', ${regionPathSql(2)}, count(*)::INTEGER FROM reports r WHERE r.province IS NOT NULL AND r.city IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'level', level, count(*)::INTEGER FROM reports WHERE level IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'year', year::VARCHAR, count(*)::INTEGER FROM reports WHERE year IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'template', template, count(*)::INTEGER FROM reports WHERE template IS NOT NULL GROUP BY 1, 2
UNION ALL SELECT 'scope', CASE WHEN is_aggregate THEN 'regions' ELSE 'bodies' END, count(*)::INTEGER FROM reports GROUP BY 1, 2`;
}
