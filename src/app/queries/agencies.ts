/** Finding an agency by what a reader types: part of its name, its region, or both. */
import { sqlString } from './filters.ts';

export interface AgencyMatch {
  agency: string;
  region: string | null;
  reports: number;
  latest_year: number | null;
  /** The agency's latest report, for going straight to it. */
  latest_id: string;
}

/**
 * Agencies among the reports matching `where` whose name or region contains every
 * space-separated word of `text` (case-folded); the exact name first, then names that begin
 * with it, then the agencies with most reports. Null when there is nothing to search for.
 */
export function agencySearchSql(text: string, where: string, limit = 10): string | null {
  const words = text.trim().toLowerCase().split(/\s+/u).filter((w) => w !== '').slice(0, 6);
  if (words.length === 0) return null;
  const whole = sqlString(text.trim().toLowerCase());
  const matches = words.map((w) => `(contains(lower(r.agency), ${sqlString(w)}) OR contains(lower(coalesce(r.region, '')), ${sqlString(w)}))`);
  return `SELECT r.agency, any_value(r.region) AS region, count(*)::INTEGER AS reports, max(r.year)::INTEGER AS latest_year, arg_max(r.id, coalesce(r.year, 0)) AS latest_id
FROM reports r
WHERE ${where} AND r.agency IS NOT NULL AND ${matches.join(' AND ')}
GROUP BY r.agency
ORDER BY lower(r.agency) = ${whole} DESC, starts_with(lower(r.agency), ${whole}) DESC, reports DESC, r.agency
LIMIT ${Math.trunc(limit)}`;
}
