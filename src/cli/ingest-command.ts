import { ingest, IngestError } from '../ingest/ingest.ts';
import { OutputDirError } from '../ingest/output-dir.ts';

/** Files that cannot be read are reported and skipped; only a batch that yields nothing fails. */
export async function runIngest(paths: string[], outDir: string, options: { progress: boolean; workers: number }): Promise<number> {
  try {
    await ingest(paths, outDir, options);
    return 0;
  } catch (error) {
    const known = error instanceof IngestError || error instanceof OutputDirError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gongkai: ${known ? '' : 'ingest failed: '}${message.split('\n')[0]}\n`);
    return 1;
  }
}
