/**
 * Reads and parses files on worker threads (parsing is CPU-bound) and hands the results back in
 * input order, so what ingest writes never depends on which thread finished first.
 */
import { Worker } from 'node:worker_threads';
import { readReport, type FileResult, type InputFile } from './read-report.ts';

const WORKER_URL = new URL('./read-report-worker.js', import.meta.url);
/**
 * A file's budget on a worker: taking longer (a parser caught in a pathological input) or
 * needing more heap than this, it is given up on alone. The largest real report parses in
 * under a second in well under 200 MB.
 */
export const FILE_TIME_LIMIT_MS = 30_000;
export const FILE_MEMORY_LIMIT_MB = 1024;
/** How far results may run ahead of the one the consumer waits for (bounds memory). */
const WINDOW_PER_WORKER = 16;
/** Files being read at once on this thread: the disk works while the parser does. */
const READS_IN_FLIGHT = 16;

async function* inProcess(files: InputFile[]): AsyncGenerator<FileResult> {
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const fill = () => {
    while (next < files.length && pending.length < READS_IN_FLIGHT) pending.push(readReport(files[next++]));
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}

/** One file at a time per worker, so a crash or a hang is pinned on the file that caused it. */
interface Slot {
  worker: Worker;
  task: { id: number; started: number } | null;
}

function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: FILE_MEMORY_LIMIT_MB } });
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before it was ready`)));
    worker.once('message', () => {
      worker.off('error', onError);
      resolve(worker);
    });
  });
}

/**
 * Every file's result, in the order of `files`. With `workers` < 1, or when worker threads cannot
 * start, files are handled on this thread instead (`onFallback` says why).
 */
export async function* readReportsInOrder(
  files: InputFile[],
  options: { workers: number; onFallback?: (reason: string) => void; timeLimitMs?: number },
): AsyncGenerator<FileResult> {
  const timeLimitMs = options.timeLimitMs ?? FILE_TIME_LIMIT_MS;
  if (options.workers < 1) return yield* inProcess(files);
  const started = await Promise.allSettled(Array.from({ length: options.workers }, startWorker));
  const first = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await Promise.all(first.map((worker) => worker.terminate()));
    options.onFallback?.(`worker threads unavailable (${String(failure.reason?.message ?? failure.reason).split('\n')[0]}); parsing on one thread`);
    return yield* inProcess(files);
  }

  const results = new Map<number, FileResult>();
  const window = options.workers * WINDOW_PER_WORKER;
  const pool: Slot[] = [];
  let next = 0;
  let emitted = 0;
  let closing = false;
  let wake: (() => void) | null = null;
  const settle = (id: number, result: FileResult) => {
    results.set(id, result);
    wake?.();
    wake = null;
  };
  const dispatch = () => {
    for (const slot of pool) {
      if (slot.task || next >= files.length || next >= emitted + window) continue;
      slot.task = { id: next++, started: Date.now() };
      slot.worker.postMessage({ id: slot.task.id, file: files[slot.task.id] });
    }
  };
  const adopt = (worker: Worker) => {
    const slot: Slot = { worker, task: null };
    pool.push(slot);
    worker.on('message', ({ id, result }: { id: number; result: FileResult }) => {
      slot.task = null;
      settle(id, result);
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => fail(
      slot,
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `needed more than ${FILE_MEMORY_LIMIT_MB} MB to read and parse; skipped (memory budget)`
        : `reader crashed: ${error.message.split('\n')[0]}`,
    ));
    worker.on('exit', (code) => fail(slot, `reader crashed: worker exited with code ${code}`));
  };
  /** The slot's file fails alone; a fresh worker takes the slot's place for the files after it. */
  const fail = (slot: Slot, problem: string) => {
    if (closing || !pool.includes(slot)) return;
    pool.splice(pool.indexOf(slot), 1);
    if (slot.task) settle(slot.task.id, { file: files[slot.task.id], problem });
    void slot.worker.terminate();
    startWorker().then(
      (fresh) => {
        adopt(fresh);
        dispatch();
      },
      (error: Error) => {
        if (pool.length > 0) return;
        for (let id = next; id < files.length; id++) settle(id, { file: files[id], problem: `not read: ${error.message}` });
        next = files.length;
      },
    );
  };
  const watchdog = setInterval(() => {
    for (const slot of [...pool]) {
      if (slot.task && Date.now() - slot.task.started > timeLimitMs) fail(slot, `took more than ${timeLimitMs / 1000} s to read and parse; skipped (time budget)`);
    }
  }, Math.min(1_000, Math.max(10, timeLimitMs / 4)));
  first.forEach(adopt);

  try {
    dispatch();
    while (emitted < files.length) {
      const result = results.get(emitted);
      if (!result) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      results.delete(emitted);
      emitted += 1;
      dispatch();
      yield result;
    }
  } finally {
    closing = true;
    clearInterval(watchdog);
    await Promise.all(pool.map((slot) => slot.worker.terminate()));
  }
}
