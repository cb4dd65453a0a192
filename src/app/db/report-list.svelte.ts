/**
 * A view's list of reports as reactive state: its first rows (LIST_HEAD) with the whole list's
 * length, and every row only once the reader shows them all; an export fetches every row itself.
 * Create it during component initialisation (it holds Queries).
 */
import { LIST_HEAD } from '../queries/list-head.ts';
import { query } from './database.ts';
import { Query } from './query.svelte.ts';

export class ReportList<T> {
  /** Every row shown: bound to the table's show-all switch. */
  expanded = $state(false);
  readonly #sql: (head: number | null) => string | null;
  readonly #head: Query<T & { list_total: number }>;
  readonly #all: Query<T>;

  /** `sql(head)` is the list, cut to its first `head` rows with their `list_total` when head is a number. */
  constructor(sql: (head: number | null) => string | null) {
    this.#sql = sql;
    this.#head = new Query(() => sql(LIST_HEAD));
    this.#all = new Query(() => (this.expanded ? sql(null) : null));
  }

  /** The rows to show: all of them once fetched, else the head; null until the head is in. */
  get rows(): T[] | null {
    return (this.expanded ? this.#all.rows : null) ?? this.#head.rows;
  }

  /** How many rows the whole list has. */
  get total(): number | null {
    const head = this.#head.rows;
    return head === null ? null : Number(head[0]?.list_total ?? 0);
  }

  get error(): string | null {
    return this.#head.error ?? this.#all.error;
  }

  /** Every row, in the list's order. */
  all = (): Promise<T[]> => {
    const sql = this.#sql(null);
    return sql === null ? Promise.resolve([]) : query<T>(sql);
  };
}
