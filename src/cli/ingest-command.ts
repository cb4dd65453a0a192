import { ingest, IngestError } from '../ingest/ingest.ts';
import { OutputDirError } from '../ingest/output-dir.ts';
import { readAgencyRegister } from '../ingest/register.ts';

/** Files that cannot be read are reported and skipped; only a batch that yields nothing fails. */
export async function runIngest(
  paths: string[],
  outDir: string,
  options: { progress: boolean; workers: number; agencies?: string },
): Promise<number> {
  try {
    const register = options.agencies ? readAgencyRegister(options.agencies) : undefined;
    await ingest(paths, outDir, { progress: options.progress, workers: options.workers, register });
    return 0;
  } catch (error) {
    const known = error instanceof IngestError || error instanceof OutputDirError || (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gongkai: ${known ? '' : 'ingest failed: '}${message.split('\n')[0]}\n`);
    return 1;
  }
}
