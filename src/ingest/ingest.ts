/**
 * Batch ingest: find report files, read and parse each, and write the Parquet dataset.
 * One unreadable file is one line in the log; the batch goes on.
 */
import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedReport } from '../model/report.ts';
import { severityOf } from '../model/rules.ts';
import { DatasetWriter, type DatasetManifest } from './dataset-writer.ts';
import { createStagingDir, discardStaging, replaceWithStaging } from './output-dir.ts';
import { readReportsInOrder } from './pool.ts';
import { startProgress } from './progress.ts';
import { displayPath, type InputFile } from './read-report.ts';
import { applyRegister, readSourceManifest, type AgencyRegister } from './register.ts';

export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx'];

export interface FileProblem {
  file: string;
  problem: string;
}

export interface IngestSummary {
  outDir: string;
  files: number;
  reports: number;
  synthetic: number;
  cells: number;
  metrics: number;
  checks: number;
  /** Failed checks, by the rule's severity. */
  failedHard: number;
  failedSoft: number;
  reportsFailingHard: number;
  unreadable: FileProblem[];
  /** Files whose bytes equal an earlier file's: one row is kept, under `sameAs`. */
  duplicates: { file: string; sameAs: string }[];
  manifest: DatasetManifest;
}

export interface IngestOptions {
  log?: (line: string) => void;
  /** Show progress (a bar when stderr is a terminal, occasional lines otherwise). */
  progress?: boolean;
  /**
   * Worker threads that read and parse (default 0: all on this thread). Each worker first loads
   * the readers and parser (seconds), so a handful of files is quicker without them. With
   * workers, a file that crashes its reader or exceeds its time or memory budget
   * (FILE_TIME_LIMIT_MS, FILE_MEMORY_LIMIT_MB) fails alone; the command line uses one per core.
   */
  workers?: number;
  /** Per-file time budget on a worker (default FILE_TIME_LIMIT_MS). */
  timeLimitMs?: number;
  /** Agency ids and corrections (data/agencies.tsv); bodies not in it keep their name as id. */
  register?: AgencyRegister;
}

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

const hasReportExtension = (name: string) => REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());

async function walk(dir: string, root: string, out: InputFile[], problems: FileProblem[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: displayPath(dir), problem: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      if (!target) {
        problems.push({ file: displayPath(full), problem: 'link to nothing (its target is missing, or the link loops)' });
        continue;
      }
      // Linked folders are not followed, so a cycle of links cannot make the walk endless.
      if (target.isDirectory()) {
        problems.push({ file: displayPath(full), problem: 'link to a folder, not followed; name the folder itself to read it' });
        continue;
      }
      isFile = target.isFile();
    }
    if (entry.isDirectory()) await walk(full, root, out, problems);
    else if (isFile && hasReportExtension(entry.name)) out.push({ path: full, name: path.relative(root, full).split(path.sep).join('/') });
  }
}

/**
 * Every report file under the given paths, sorted by recorded name then path, each file once
 * however many arguments reach it, so the outcome never depends on argument order or spelling.
 */
export async function collectFiles(paths: string[]): Promise<{ files: InputFile[]; problems: FileProblem[] }> {
  const found: InputFile[] = [];
  const problems: FileProblem[] = [];
  for (const given of paths) {
    const resolved = path.resolve(given);
    const info = await stat(resolved).catch(() => null);
    if (!info) problems.push({ file: given, problem: 'no such file or folder' });
    else if (info.isDirectory()) await walk(resolved, resolved, found, problems);
    else found.push({ path: resolved, name: path.basename(resolved) });
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const file of found) {
    const real = await realpath(file.path);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(file);
  }
  return { files, problems };
}

/**
 * One report saved in several encodings or formats parses to the same agency, year and figures;
 * their files differ byte for byte. Null for a report with no figures, which proves nothing.
 */
function figuresFingerprint(report: ParsedReport): string | null {
  if (report.agency.name === null || report.year === null) return null;
  const figures: string[] = [];
  for (const cell of report.cells) if (cell.state !== 'missing') figures.push(`${cell.table}.${cell.row}.${cell.col}=${cell.value ?? ''}`);
  if (figures.length === 0) return null;
  figures.sort();
  return createHash('sha256').update(`${report.agency.id ?? report.agency.name}\n${report.year}\n${report.template ?? ''}\n${figures.join('\n')}`).digest('hex');
}

export function formatSummary(summary: IngestSummary): string[] {
  return [
    `ingest: ${summary.files} files → ${summary.reports} reports (${summary.synthetic} synthetic) in ${displayPath(summary.outDir)}`,
    `ingest: ${summary.cells} cells, ${summary.metrics} metrics, ${summary.checks} checks: ${summary.failedHard} hard failed (in ${summary.reportsFailingHard} reports), ${summary.failedSoft} soft failed`,
    `ingest: ${summary.unreadable.length} unreadable, ${summary.duplicates.length} duplicates`,
  ];
}

/** Reads and parses every report under `paths` and writes the dataset to `outDir` atomically. */
export async function ingest(paths: string[], outDir: string, options: IngestOptions = {}): Promise<IngestSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { files, problems } = await collectFiles(paths);
  for (const { file, problem } of problems) log(`${file}: ${problem}`);
  if (files.length === 0) {
    throw new IngestError(`no report files (${REPORT_EXTENSIONS.join(' ')}) found in ${paths.join(', ') || '(no paths given)'}`);
  }

  const sourcesByDir = new Map<string, Map<string, string>>();
  const sourceOf = (file: string) => {
    const dir = path.dirname(file);
    if (!sourcesByDir.has(dir)) sourcesByDir.set(dir, readSourceManifest(dir));
    return sourcesByDir.get(dir)!.get(path.basename(file));
  };
  const stagingDir = await createStagingDir(outDir);
  let writer: DatasetWriter | undefined;
  const progress = startProgress(files.length, { enabled: options.progress ?? false, log, tty: Boolean(process.stderr.isTTY) });
  const unreadable: FileProblem[] = [...problems];
  const duplicates: IngestSummary['duplicates'] = [];
  const fileOfReport = new Map<string, string>();
  const fileOfFigures = new Map<string, string>();
  // One hash per report, however many branches ask for it.
  const fingerprints = new WeakMap<ParsedReport, string>();
  const fingerprintOf = (report: ParsedReport): string => {
    if (!fingerprints.has(report)) fingerprints.set(report, figuresFingerprint(report) ?? '');
    return fingerprints.get(report)!;
  };
  let synthetic = 0;
  let failedHard = 0;
  let failedSoft = 0;
  let reportsFailingHard = 0;
  const problem = (file: string, text: string) => {
    unreadable.push({ file, problem: text });
    progress.log(`${file}: ${text}`);
  };
  try {
    // beside the staging folder, so a killed run's rows are tidied with its staging folder by the next run
    writer = await DatasetWriter.open(`${stagingDir}.rows`);
    for await (const result of readReportsInOrder(files, { workers: options.workers ?? 0, onFallback: progress.log, timeLimitMs: options.timeLimitMs })) {
      const shown = displayPath(result.file.path);
      if (!('problem' in result)) applyRegister(result.report, options.register);
      if ('problem' in result) {
        problem(shown, result.problem);
      } else if (fileOfReport.has(result.sha256)) {
        const earlier = fileOfReport.get(result.sha256)!;
        duplicates.push({ file: shown, sameAs: earlier });
        progress.log(`${shown}: same content as ${earlier}; kept once`);
      } else if (fileOfFigures.has(fingerprintOf(result.report))) {
        const earlier = fileOfFigures.get(fingerprintOf(result.report))!;
        duplicates.push({ file: shown, sameAs: earlier });
        progress.log(`${shown}: same report as ${earlier} (same agency, year and every figure, in another encoding or format); kept once`);
      } else {
        fileOfReport.set(result.sha256, shown);
        const fingerprint = fingerprintOf(result.report);
        if (fingerprint) fileOfFigures.set(fingerprint, shown);
        const url = sourceOf(result.file.path);
        if (url) result.report.source.url = url;
        writer.add(result.report, { synthetic: result.synthetic });
        if (result.synthetic) synthetic += 1;
        const hardBefore = failedHard;
        for (const check of result.report.checks) {
          if (check.status !== 'fail') continue;
          if (severityOf(check.rule) === 'hard') failedHard += 1;
          else failedSoft += 1;
        }
        if (failedHard > hardBefore) reportsFailingHard += 1;
      }
      progress.tick(fileOfReport.size);
    }
    progress.stop();
    if (fileOfReport.size === 0) throw new IngestError(`none of the ${files.length} files could be read as a report; ${displayPath(path.resolve(outDir))} left unchanged`);
    const manifest = await writer.write(stagingDir);
    await replaceWithStaging(stagingDir, outDir);
    const summary: IngestSummary = {
      outDir: path.resolve(outDir), files: files.length + problems.length, reports: manifest.tables.reports.rows, synthetic,
      cells: manifest.tables.cells.rows, metrics: manifest.tables.metrics.rows, checks: manifest.tables.checks.rows,
      failedHard, failedSoft, reportsFailingHard, unreadable, duplicates, manifest,
    };
    for (const line of formatSummary(summary)) log(line);
    return summary;
  } catch (error) {
    progress.stop();
    await discardStaging(stagingDir);
    throw error;
  } finally {
    await writer?.close();
  }
}
