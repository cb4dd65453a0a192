/** Loading progress of the database, for the shell's progress bar. */
import { currentDataset } from '../state/dataset.ts';

export type DbPhase = 'idle' | 'loading' | 'ready' | 'error';

class DbStatus {
  phase = $state<DbPhase>('idle');
  loadedBytes = $state(0);
  totalBytes = $state(0);
  /** Tables loaded so far, of `tableCount`. */
  tablesLoaded = $state(0);
  tableCount = $state(0);
  error = $state<string | null>(null);
  /** Statements answered from precomputed rows are still being run once in DuckDB while the page is idle (database.ts). */
  warming = $state(false);
  /** Whether the dataset holds any generated (synthetic) report. */
  hasSynthetic = $state(false);

  /** Whether what the page shows may include invented figures: the demo dataset, or demo reports added to another. */
  get showsInvented(): boolean {
    return currentDataset() === 'demo' || this.hasSynthetic;
  }

  get fraction(): number {
    if (this.phase === 'ready') return 1;
    const bytes = this.totalBytes > 0 ? this.loadedBytes / this.totalBytes : 0;
    const tables = this.tableCount > 0 ? this.tablesLoaded / this.tableCount : 0;
    return Math.min(1, 0.8 * bytes + 0.2 * tables);
  }
}

export const dbStatus = new DbStatus();
