/** Worker thread entry: reads and parses the files the ingest pool sends. */
import { parentPort } from 'node:worker_threads';
import { readReport, type InputFile } from './read-report.ts';

parentPort!.on('message', async (task: { id: number; file: InputFile }) => {
  parentPort!.postMessage({ id: task.id, result: await readReport(task.file) });
});
// Sent once the readers and parser have loaded: a worker that cannot load them never says so.
parentPort!.postMessage('ready');
