/** SQL for Trends: one measure over the years, per chosen agency or aggregated over a group. */
import { aggregateSql, selectionAggregateSql, type Measure } from './measures.ts';
import { regionPathSql, sqlString } from './filters.ts';

export type GroupBy = 'all' | 'level' | 'region';
type SeriesKey = GroupBy | 'agency';

export interface TrendRow {
  series: string;
  year: number;
  value: number | null;
  /** Reports that gave a value (for a group) or 1/0 (for one agency's report). */
  reports: number;
  /** Reports where the item is not part of their template. */
  na: number;
  templates: string;
}

/**
 * Region groups go one level below the region filter: provinces when none is set, cities inside
 * a province.
 */
function groupSql(groupBy: SeriesKey, regionDepth: number, alias: string): string {
  if (groupBy === 'agency') return 'agency';
  if (groupBy === 'level') return "coalesce(level, '?')";
  if (groupBy === 'region') return `coalesce(${regionPathSql(regionDepth + 1, alias)}, '?')`;
  return "'*'";
}

/** The measure per year for each group of reports. */
export function groupTrendSql(measure: Measure, where: string, groupBy: GroupBy, regionDepth = 0): string {
  return trendSql(measure, where, groupBy, regionDepth);
}

function trendSql(measure: Measure, where: string, groupBy: SeriesKey, regionDepth: number): string {
  const id = measure.id;
  const dated = `${where} AND r.year IS NOT NULL`;
  // a group's figures add up the pre-aggregated groups of its filter; one agency's need its own reports
  const agg = groupBy === 'agency'
    ? aggregateSql([measure], dated, [{ sql: groupSql(groupBy, regionDepth, 'per_report'), as: 'series' }, { sql: 'year::INTEGER', as: 'year' }])
    : selectionAggregateSql([measure], dated, [{ sql: groupSql(groupBy, regionDepth, 'r'), as: 'series' }, { sql: 'r.year::INTEGER', as: 'year' }]);
  return `WITH agg AS (
${agg}
), templates AS (
  SELECT ${groupSql(groupBy, regionDepth, 'r')} AS series, year::INTEGER AS year, string_agg(DISTINCT template, ',' ORDER BY template) AS templates
  FROM reports r WHERE ${where} AND r.year IS NOT NULL GROUP BY 1, 2
)
SELECT agg.series, agg.year, agg."${id}" AS value, agg."${id}__reports" AS reports, agg."${id}__na" AS na, coalesce(templates.templates, '') AS templates
FROM agg LEFT JOIN templates USING (series, year)
ORDER BY series, year`;
}

/** The measure per year for each chosen agency (summed if an agency filed two reports a year). */
export function agencyTrendSql(measure: Measure, agencies: readonly string[], where: string): string | null {
  if (agencies.length === 0) return null;
  return trendSql(measure, `${where} AND r.agency IN (${agencies.map(sqlString).join(', ')})`, 'agency', 0);
}
