/**
 * `gongkai parse FILE [--json]` and `gongkai ingest PATH... --out DIR` (docs/contract.md).
 * Exit codes: 0 done, 1 the input or output could not be handled, 2 wrong usage, 3 (ingest) the
 * dataset was written but some files could not be read (0 with --allow-unreadable).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  gongkai parse FILE [--json]          parse one report; --json prints the report as JSON
  gongkai ingest PATH... --out DIR     parse every report under PATH (.txt .html .htm .pdf .docx)
                                       into Parquet tables and manifest.json in DIR
Options:
  --json          (parse) print the contract JSON instead of a summary
  --out DIR       (ingest) dataset folder, replaced only once the new dataset is complete
  --workers N     (ingest) read and parse on N worker threads (default: one per core), each file
                  within a time and memory budget (30 s, 1 GB); 0 parses on the main thread, unbudgeted
  --agencies FILE (ingest) agency register (TSV: agency_id, name, level, region_code, is_aggregate)
  --allow-unreadable (ingest) exit 0 even when some files could not be read (default: exit 3)
  --no-progress   (ingest) no progress bar or progress lines
  -h, --help      show this help`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        workers: { type: 'string' },
        agencies: { type: 'string' },
        'allow-unreadable': { type: 'boolean', default: false },
        progress: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'parse':
      if (rest.length !== 1) return usageError('parse takes exactly one FILE');
      if (values.out !== undefined) return usageError('--out belongs to ingest');
      // Commands load on demand: `parse` should not pay for starting DuckDB.
      return (await import('./parse-command.ts')).runParse(rest[0], { json: values.json });
    case 'ingest':
      if (rest.length === 0) return usageError('ingest needs at least one PATH');
      if (values.out === undefined) return usageError('ingest needs --out DIR');
      if (values.json) return usageError('--json belongs to parse');
      if (values.workers !== undefined && !/^\d+$/.test(values.workers)) return usageError(`--workers takes a whole number, not ${values.workers}`);
      return (await import('./ingest-command.ts')).runIngest(rest, values.out, {
        progress: values.progress, workers: values.workers === undefined ? availableParallelism() : Number(values.workers), agencies: values.agencies, allowUnreadable: values['allow-unreadable'],
      });
    case undefined:
      return usageError('no command given');
    default:
      return usageError(`unknown command ${command}`);
  }
}

function usageError(message: string): number {
  process.stderr.write(`gongkai: ${message} (see gongkai --help)\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
