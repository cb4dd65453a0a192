/**
 * Columns of a table of reports (ReportTable.svelte): what each cell shows, as plain data, so a
 * view lists its columns instead of writing the table. The agency column, linking to the report,
 * always comes first.
 */
import type { Snippet } from 'svelte';
import { formatNumber, formatPercent, type Absence, type Lang } from '../format.ts';

export interface ReportColumn<R> {
  label: string;
  /** The label names the column for screen readers only (a column of buttons). */
  labelHidden?: boolean;
  /** A figure: right-aligned. */
  numeric?: boolean;
  text?: (row: R) => string;
  /** The figure is blank, missing or not applicable: shown apart, never as 0. */
  absent?: (row: R) => boolean;
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

export const countColumn = <R>(label: string, value: (row: R) => number | null, lang: Lang, absence: (row: R) => Absence = () => 'blank'): ReportColumn<R> =>
  ({ label, numeric: true, text: (r) => formatNumber(value(r), lang, absence(r)), absent: (r) => value(r) === null });

export const percentColumn = <R>(label: string, value: (row: R) => number | null, lang: Lang): ReportColumn<R> =>
  ({ label, numeric: true, text: (r) => formatPercent(value(r), lang), absent: (r) => value(r) === null });

export const yearColumn = <R extends { year: number | null }>(label: string): ReportColumn<R> => ({ label, numeric: true, text: (r) => String(r.year ?? '') });
