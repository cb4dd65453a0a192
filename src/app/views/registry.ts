/**
 * Every view of the app: its route (`#/<route>`), its navigation label, whether the shared
 * filter bar applies, and its component, loaded on first visit.
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n/messages.ts';
import type { Route } from '../state/url.svelte.ts';

/** What every view component receives. */
export interface ViewProps {
  route: Route;
}

export interface ViewEntry {
  route: string;
  file: string;
  /** null: reachable by link only (the report detail). */
  nav: MessageKey | null;
  filters: boolean;
  /** Its default state is answered by precomputed rows (first-paint.ts), so it draws before DuckDB is up. */
  firstPaint: boolean;
  /** The chart an embed of the view shows when none is named (one of them is drawn at a time). */
  mainCharts: readonly string[];
}

export const VIEWS: readonly ViewEntry[] = [
  { route: 'overview', file: 'Overview', nav: 'nav_overview', filters: true, firstPaint: true, mainCharts: ['overview-applications'] },
  { route: 'compare', file: 'Compare', nav: 'nav_compare', filters: true, firstPaint: true, mainCharts: ['compare-ranked'] },
  { route: 'trends', file: 'Trends', nav: 'nav_trends', filters: true, firstPaint: true, mainCharts: ['trends-lines', 'trends-multiples'] },
  { route: 'outcomes', file: 'Outcomes', nav: 'nav_outcomes', filters: true, firstPaint: true, mainCharts: ['outcomes-stack'] },
  { route: 'procurement', file: 'Procurement', nav: 'nav_procurement', filters: true, firstPaint: true, mainCharts: ['procurement-trend'] },
  { route: 'newmedia', file: 'NewMedia', nav: 'nav_newmedia', filters: true, firstPaint: true, mainCharts: ['newmedia-platforms'] },
  { route: 'review', file: 'Review', nav: 'nav_review', filters: true, firstPaint: true, mainCharts: ['review-results'] },
  { route: 'quality', file: 'Quality', nav: 'nav_quality', filters: true, firstPaint: true, mainCharts: ['quality-rules'] },
  { route: 'sql', file: 'Sql', nav: 'nav_sql', filters: false, firstPaint: false, mainCharts: ['sql-result'] },
  { route: 'report', file: 'Detail', nav: null, filters: false, firstPaint: false, mainCharts: [] },
];

type ViewModule = { default: Component<ViewProps> };
const modules = import.meta.glob<ViewModule>(['./*.svelte', '!./Overview.svelte']);

export function viewEntry(route: string): ViewEntry | undefined {
  return VIEWS.find((v) => v.route === route);
}

export async function loadView(entry: ViewEntry): Promise<Component<ViewProps>> {
  const load = modules[`./${entry.file}.svelte`];
  if (!load) throw new Error(`view ${entry.file}.svelte is not there`);
  return (await load()).default;
}
