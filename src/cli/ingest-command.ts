import { ingest, IngestError } from '../ingest/ingest.ts';
import { OutputDirError } from '../ingest/output-dir.ts';
import { readAgencyRegister } from '../ingest/register.ts';

/** Exit code of a batch that wrote its dataset but could not read some files. */
export const EXIT_SOME_UNREADABLE = 3;

/**
 * Files that cannot be read are reported and skipped. A batch that yields nothing fails (1); one
 * that skipped files writes its dataset and exits 3, or 0 with `allowUnreadable`.
 */
export async function runIngest(
  paths: string[],
  outDir: string,
  options: { progress: boolean; workers: number; agencies?: string; allowUnreadable?: boolean },
): Promise<number> {
  try {
    const register = options.agencies ? readAgencyRegister(options.agencies) : undefined;
    const summary = await ingest(paths, outDir, { progress: options.progress, workers: options.workers, register });
    return summary.unreadable.length > 0 && !options.allowUnreadable ? EXIT_SOME_UNREADABLE : 0;
  } catch (error) {
    const known = error instanceof IngestError || error instanceof OutputDirError || (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gongkai: ${known ? '' : 'ingest failed: '}${message.split('\n')[0]}\n`);
    return 1;
  }
}
