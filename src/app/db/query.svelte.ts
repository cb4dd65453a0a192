/**
 * A query as reactive state: re-runs when the SQL its function returns changes, keeps status
 * and error beside the rows, and drops answers that arrive after a newer query was sent.
 * Create it during component initialisation (it uses $effect).
 */
import { untrack } from 'svelte';
import { query } from './database.ts';

class Activity {
  /** Queries in flight across the app; the shell exposes it for tests and the benchmark. */
  pending = $state(0);
}

export const activity = new Activity();

class DataVersion {
  /** Raised when rows join the loaded tables (the reader's own reports): every Query runs again. */
  current = $state(0);
  bump(): void {
    this.current += 1;
  }
}

export const dataVersion = new DataVersion();

export class Query<T> {
  rows = $state.raw<T[] | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  #sequence = 0;

  /** `sql` returns null when the query cannot run yet (e.g. nothing selected). */
  constructor(sql: () => string | null, run: (sql: string) => Promise<T[]> = query<T>) {
    $effect(() => {
      void dataVersion.current;
      const text = sql();
      untrack(() => this.#run(text, run));
    });
  }

  #run(text: string | null, run: (sql: string) => Promise<T[]>): void {
    const sequence = ++this.#sequence;
    if (text === null) {
      this.rows = null;
      this.loading = false;
      return;
    }
    this.loading = true;
    activity.pending += 1;
    run(text)
      .then((rows) => {
        if (sequence !== this.#sequence) return;
        this.rows = rows;
        this.error = null;
      })
      .catch((error: unknown) => {
        if (sequence !== this.#sequence) return;
        this.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        activity.pending -= 1;
        if (sequence === this.#sequence) this.loading = false;
      });
  }
}
