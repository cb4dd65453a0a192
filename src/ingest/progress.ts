/**
 * Batch progress: a live bar on a terminal, otherwise an occasional plain line (a log file of a
 * 10,000-file run should not get 10,000 progress lines).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Prints a line without tearing the bar. */
  log(line: string): void;
  tick(reports: number): void;
  stop(): void;
}

const PLAIN_INTERVAL_MS = 5_000;

export function startProgress(total: number, options: { enabled: boolean; log: (line: string) => void; tty: boolean }): Progress {
  const { log } = options;
  if (!options.enabled) return { log, tick: () => {}, stop: () => {} };
  if (options.tty) {
    const bars = new cliProgress.MultiBar(
      { format: 'ingest [{bar}] {value}/{total} files | {reports} reports | {duration_formatted} elapsed, eta {eta_formatted}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    const bar = bars.create(total, 0, { reports: 0 });
    return {
      log: (line) => {
        bars.log(`${line}\n`);
        // MultiBar prints logged lines only on its next redraw, which a stop may never make.
        bars.update();
      },
      tick: (reports) => bar.increment(1, { reports }),
      stop: () => bars.stop(),
    };
  }
  const started = Date.now();
  const everyFiles = Math.max(100, Math.ceil(total / 10));
  let done = 0;
  let lastLine = started;
  return {
    log,
    tick(reports) {
      done += 1;
      const now = Date.now();
      if (done === total || done % everyFiles === 0 || now - lastLine >= PLAIN_INTERVAL_MS) {
        lastLine = now;
        log(`ingest: ${done}/${total} files (${Math.floor((done / total) * 100)}%), ${reports} reports, ${((now - started) / 1000).toFixed(1)} s`);
      }
    },
    stop: () => {},
  };
}
