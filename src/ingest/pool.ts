/**
 * Reads and parses files on worker threads (parsing is CPU-bound) and hands the results back in
 * input order, so what ingest writes never depends on which thread finished first.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readReport, type FileResult, type InputFile } from './read-report.ts';

const WORKER_URL = new URL('./read-report-worker.ts', import.meta.url);
/** Tasks queued on one worker: two, so one file's disk read overlaps the other's parse. */
const PER_WORKER = 2;
/** How far results may run ahead of the one the consumer waits for (bounds memory). */
const WINDOW_PER_WORKER = 16;

/** The worker runs TypeScript sources, so it loads tsx itself, wherever it was started from. */
const loaderArgs = (): string[] => ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

async function* inProcess(files: InputFile[]): AsyncGenerator<FileResult> {
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const fill = () => {
    while (next < files.length && pending.length < 4) pending.push(readReport(files[next++]));
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}

interface Slot {
  worker: Worker;
  inFlight: Set<number>;
}

function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { execArgv: loaderArgs() });
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
  options: { workers: number; onFallback?: (reason: string) => void },
): AsyncGenerator<FileResult> {
  if (options.workers < 1) return yield* inProcess(files);
  let first: Worker[];
  try {
    first = await Promise.all(Array.from({ length: options.workers }, startWorker));
  } catch (error) {
    options.onFallback?.(`worker threads unavailable (${(error as Error).message.split('\n')[0]}); parsing on one thread`);
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
      while (slot.inFlight.size < PER_WORKER && next < files.length && next < emitted + window) {
        const id = next++;
        slot.inFlight.add(id);
        slot.worker.postMessage({ id, file: files[id] });
      }
    }
  };
  const adopt = (worker: Worker) => {
    const slot: Slot = { worker, inFlight: new Set() };
    pool.push(slot);
    worker.on('message', ({ id, result }: { id: number; result: FileResult }) => {
      slot.inFlight.delete(id);
      settle(id, result);
      dispatch();
    });
    // A file that crashes its worker (an uncaught error deep in a reader) fails alone; a fresh
    // worker takes over the rest.
    const crashed = (reason: string) => {
      if (closing || !pool.includes(slot)) return;
      pool.splice(pool.indexOf(slot), 1);
      for (const id of slot.inFlight) settle(id, { file: files[id], problem: `reader crashed: ${reason}` });
      void worker.terminate();
      startWorker().then(
        (fresh) => {
          adopt(fresh);
          dispatch();
        },
        (error: Error) => {
          if (pool.length === 0) for (let id = next; id < files.length; id++) settle(id, { file: files[id], problem: `not read: ${error.message}` });
        },
      );
    };
    worker.on('error', (error) => crashed(error.message.split('\n')[0]));
    worker.on('exit', (code) => crashed(`worker exited with code ${code}`));
  };
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
    await Promise.all(pool.map((slot) => slot.worker.terminate()));
  }
}
