/**
 * Each view's own URL parameters (state/params.ts declares the app-wide ones). A view reads and
 * writes its parameters only through these declarations; `ALL_PARAMS` is checked for clashes.
 */
import { DEFAULT_MEASURE, MEASURES } from '../queries/measures.ts';
import { REVIEW_RANK_MEASURES } from '../queries/review.ts';
import { RULES } from '../../model/rules.ts';
import { T3_COL_KEYS } from '../../model/templates/index.ts';
import { APP_PARAMS, EMBED_PARAMS, codecs, param, type Param } from '../state/params.ts';

const measure = (view: string) => param(view, 'metric', codecs.choice(MEASURES.map((m) => m.id)), DEFAULT_MEASURE);
/** A year; null means the latest year the data has, which the view finds. */
const latestYear = (view: string, key: string) => param(view, key, codecs.optional(codecs.integer()), null);

export const COMPARE_PARAMS = {
  measure: measure('compare'),
  year: latestYear('compare', 'year'),
  sort: param('compare', 'sort', codecs.choice(['agency', 'level', 'value', 'num', 'den'] as const), 'value'),
  direction: param('compare', 'dir', codecs.choice(['desc', 'asc'] as const), 'desc'),
  selected: param('compare', 'sel', codecs.list(), []),
  showAll: param('compare', 'all', codecs.flag(), false),
};

export const TRENDS_PARAMS = {
  measure: measure('trends'),
  mode: param('trends', 'mode', codecs.choice(['group', 'agencies'] as const), 'group'),
  groupBy: param('trends', 'group', codecs.choice(['level', 'all', 'region'] as const), 'level'),
  layout: param('trends', 'layout', codecs.choice(['lines', 'multiples'] as const), 'lines'),
  agencies: param('trends', 'agencies', codecs.list(), []),
  table: param('trends', 'table', codecs.flag(), false),
};

export const OUTCOMES_PARAMS = {
  report: param('outcomes', 'oc_report', codecs.optional(codecs.text()), null),
  percent: param('outcomes', 'oc_pct', codecs.flag(), false),
  column: param('outcomes', 'oc_col', codecs.choice(T3_COL_KEYS), 'total'),
};

export const NEWMEDIA_PARAMS = {
  measure: param('newmedia', 'nm_measure', codecs.choice(['followers', 'posts'] as const), 'followers'),
  year: latestYear('newmedia', 'nm_year'),
};

export const REVIEW_PARAMS = {
  rankBy: param('review', 'rv_rank', codecs.choice(REVIEW_RANK_MEASURES), 'review_cases'),
  minClosed: param('review', 'rv_min', codecs.choice(['1', '3', '5', '10'] as const), '1'),
};

export const QUALITY_PARAMS = {
  rule: param('quality', 'q_rule', codecs.optional(codecs.choice(Object.keys(RULES))), null),
  status: param('quality', 'q_status', codecs.optional(codecs.choice(['fail', 'uncertain'] as const)), null),
  severity: param('quality', 'q_sev', codecs.optional(codecs.choice(['hard', 'soft'] as const)), null),
  page: param('quality', 'q_page', codecs.integer(), 0),
};

export const REPORT_PARAMS = {
  check: param('report', 'ck', codecs.optional(codecs.text()), null),
  passed: param('report', 'passed', codecs.flag(), false),
};

/** The console's statement is run when it enters the URL, so a shared link runs it (through the same guard). */
export const SQL_PARAMS = {
  query: param('sql', 'sql', codecs.optional(codecs.text()), null),
  /** The result column the quick chart draws; null: the first numeric one. */
  chartColumn: param('sql', 'sql_y', codecs.optional(codecs.text()), null),
};

export const ALL_PARAMS: readonly Param<unknown>[] = [APP_PARAMS, EMBED_PARAMS, COMPARE_PARAMS, TRENDS_PARAMS, OUTCOMES_PARAMS, NEWMEDIA_PARAMS, REVIEW_PARAMS, QUALITY_PARAMS, REPORT_PARAMS, SQL_PARAMS]
  .flatMap((group) => Object.values(group) as Param<unknown>[]);
