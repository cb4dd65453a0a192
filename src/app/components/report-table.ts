/**
 * Columns of a table of reports (ReportTable.svelte): what each cell shows, as plain data, so a
 * view lists its columns instead of writing the table. The agency column, linking to the report,
 * always comes first.
 */
import type { Snippet } from 'svelte';
import { formatNumber, formatValue, type Absence, type Lang } from '../format.ts';
import type { Measure, ValueState } from '../queries/measures.ts';

export interface ReportColumn<R> {
  label: string;
  /** The label names the column for screen readers only (a column of buttons). */
  labelHidden?: boolean;
  /** A figure: right-aligned. */
  numeric?: boolean;
  text?: (row: R) => string;
  /** The figure is blank, missing or not applicable: shown apart, never as 0. */
  absent?: (row: R) => boolean;
  /** How the figure was read: an inferred one is marked, an absent one says why. */
  state?: (row: R) => ValueState;
  title?: (row: R) => string | undefined;
  /** Extra attributes of the cell (`data-amount`). */
  data?: (row: R) => Record<string, string>;
  className?: string | ((row: R) => string);
  /** Markup plain text cannot carry (a button, a mark). */
  cell?: Snippet<[R]>;
  /** The key the table sorts by when this column's header is chosen. */
  sortKey?: string;
}

/** A sortable table: which key it is sorted by, and what choosing a header does. */
export interface TableSort {
  key: string;
  ascending: boolean;
  by(key: string): void;
  /** The sort key of the agency column. */
  agencyKey: string;
}

/** The report's identity for its link: id, agency name, demo flag. */
export interface ReportRef {
  id: string;
  agency: string | null;
  synthetic: boolean;
  /** Parameters of the report view the link opens it with. */
  params?: Record<string, string>;
}

/** A column before the agency's, under a label for screen readers only (a row's checkbox). */
export interface LeadColumn<R> {
  label: string;
  cell: Snippet<[R]>;
}

export const textColumn = <R>(label: string, text: (row: R) => string, extra: Partial<ReportColumn<R>> = {}): ReportColumn<R> => ({ label, text, ...extra });

export const countColumn = <R>(label: string, value: (row: R) => number | null, lang: Lang): ReportColumn<R> =>
  ({ label, numeric: true, text: (r) => formatNumber(value(r), lang, 'blank'), absent: (r) => value(r) === null });

export const yearColumn = <R extends { year: number | null }>(label: string): ReportColumn<R> => ({ label, numeric: true, text: (r) => String(r.year ?? '') });

/** Why a figure in `state` is absent (a value state with no figure is missing). */
export const absenceOf = (state: ValueState): Absence => (state === 'value' || state === 'inferred' ? 'missing' : state);

/** A figure with its state: the text says blank / missing / n/a, an inferred figure is marked. */
export const stateColumn = <R>(label: string, value: (row: R) => number | null, state: (row: R) => ValueState, format: (value: number | null, absence: Absence) => string, extra: Partial<ReportColumn<R>> = {}): ReportColumn<R> =>
  ({ label, numeric: true, text: (r) => format(value(r), absenceOf(state(r))), absent: (r) => value(r) === null, state, ...extra, data: (r) => ({ 'data-value': String(value(r) ?? ''), ...extra.data?.(r) }) });

/** A measure of a perReportSql row (`<id>`, `<id>__state`), formatted by its kind. */
export const measureColumn = <R>(m: Measure, lang: Lang, label: string = m[lang], extra: Partial<ReportColumn<R>> = {}): ReportColumn<R> => {
  const field = (r: R, suffix: string) => (r as Record<string, unknown>)[`${m.id}${suffix}`];
  return stateColumn<R>(label, (r) => (field(r, '') as number | null) ?? null, (r) => (field(r, '__state') as ValueState) ?? 'missing', (v, a) => formatValue(v, m.kind, lang, a), { data: () => ({ 'data-measure': m.id }), ...extra });
};
