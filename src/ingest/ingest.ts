/**
 * Batch ingest: find report files, read and parse each, and write the Parquet dataset.
 * One unreadable file is one line in the log; the batch goes on.
 */
import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import { severityOf } from '../model/rules.ts';
import type { ParsedReport, SourceFormat } from '../model/report.ts';
import { ReadError, type SourceDocument } from './document.ts';
import { DatasetWriter, type DatasetManifest } from './dataset-writer.ts';
import { createStagingDir, discardStaging, replaceWithStaging } from './output-dir.ts';
import { parseDocument } from './parse/index.ts';
import { startProgress } from './progress.ts';
import { readSource } from './readers/index.ts';

export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx'];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** The name recorded as `source_file`: relative to the folder given, or the file's own name. */
  name: string;
}

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
  failedHard: number;
  failedSoft: number;
  unreadable: FileProblem[];
  /** Files whose bytes equal an earlier file's: one row is kept, under `sameAs`. */
  duplicates: { file: string; sameAs: string }[];
  manifest: DatasetManifest;
}

export interface IngestOptions {
  log?: (line: string) => void;
  /** Show progress (a bar when stderr is a terminal, occasional lines otherwise). */
  progress?: boolean;
}

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/** How the user sees a path in messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

const hasReportExtension = (name: string) => REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());

async function walk(dir: string, root: string, out: InputFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // Symlinked folders are not followed: a link cycle would never end.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false)));
    if (entry.isDirectory()) await walk(full, root, out);
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
    else if (info.isDirectory()) await walk(resolved, resolved, found);
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

export function containsSyntheticMarker(doc: SourceDocument): boolean {
  const marker = SYNTHETIC_MARKER.normalize('NFKC');
  return doc.lines.some((line) => line.cells.join('').normalize('NFKC').includes(marker));
}

/** A parse that found no template, no table cell and no narrative figure is not a report. */
export function looksLikeReport(report: ParsedReport): boolean {
  return report.template !== null || report.cells.length > 0 || report.metrics.length > 0;
}

function problemOf(error: unknown, stage: 'read' | 'parse'): string {
  if (error instanceof ReadError) {
    const prefix = `${error.file}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${stage === 'read' ? 'cannot read' : 'parser failed'}: ${message.split('\n')[0]}`;
}

export interface ReadOutcome {
  file: InputFile;
  read?: { doc: SourceDocument; sha256: string; format: SourceFormat };
  problem?: string;
}

async function readOne(file: InputFile): Promise<ReadOutcome> {
  try {
    const { doc, bytes, format } = await readSource(file.path);
    return { file, read: { doc, format, sha256: createHash('sha256').update(bytes).digest('hex') } };
  } catch (error) {
    return { file, problem: problemOf(error, 'read') };
  }
}

/** Reads run ahead of the consumer, a few at a time, but come out in input order. */
async function* readAhead(files: InputFile[], window: number): AsyncGenerator<ReadOutcome> {
  const pending: Promise<ReadOutcome>[] = [];
  let next = 0;
  while (next < files.length && pending.length < window) pending.push(readOne(files[next++]));
  while (pending.length > 0) {
    const outcome = await pending.shift()!;
    if (next < files.length) pending.push(readOne(files[next++]));
    yield outcome;
  }
}

/** Parses one read file into the contract's report, or says why it is not one. */
export function parseRead(file: InputFile, read: NonNullable<ReadOutcome['read']>): { report: ParsedReport } | { problem: string } {
  let report: ParsedReport;
  try {
    report = parseDocument(read.doc, { file: file.name, sha256: read.sha256, format: read.format });
  } catch (error) {
    return { problem: problemOf(error, 'parse') };
  }
  if (!looksLikeReport(report)) return { problem: 'not a report: no disclosure tables, template headers or figures found' };
  return { report };
}

export function formatSummary(summary: IngestSummary): string[] {
  return [
    `ingest: ${summary.files} files → ${summary.reports} reports (${summary.synthetic} synthetic) in ${displayPath(summary.outDir)}`,
    `ingest: ${summary.cells} cells, ${summary.metrics} metrics, ${summary.checks} checks: ${summary.failedHard} hard and ${summary.failedSoft} soft failed`,
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

  const stagingDir = await createStagingDir(outDir);
  const writer = await DatasetWriter.open();
  const progress = startProgress(files.length, { enabled: options.progress ?? false, log, tty: Boolean(process.stderr.isTTY) });
  const unreadable: FileProblem[] = [...problems];
  const duplicates: IngestSummary['duplicates'] = [];
  const fileOfReport = new Map<string, string>();
  let synthetic = 0;
  let failedHard = 0;
  let failedSoft = 0;
  const problem = (file: string, text: string) => {
    unreadable.push({ file, problem: text });
    progress.log(`${file}: ${text}`);
  };
  try {
    for await (const { file, read, problem: readProblem } of readAhead(files, 4)) {
      const shown = displayPath(file.path);
      const earlier = read && fileOfReport.get(read.sha256);
      if (!read) {
        problem(shown, readProblem!);
      } else if (earlier) {
        duplicates.push({ file: shown, sameAs: earlier });
        progress.log(`${shown}: same content as ${earlier}; kept once`);
      } else {
        const parsed = parseRead(file, read);
        if ('problem' in parsed) {
          problem(shown, parsed.problem);
        } else {
          fileOfReport.set(read.sha256, shown);
          const isSynthetic = containsSyntheticMarker(read.doc);
          writer.add(parsed.report, { synthetic: isSynthetic });
          if (isSynthetic) synthetic += 1;
          for (const check of parsed.report.checks) {
            if (check.status !== 'fail') continue;
            if (severityOf(check.rule) === 'hard') failedHard += 1;
            else failedSoft += 1;
          }
        }
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
      failedHard, failedSoft, unreadable, duplicates, manifest,
    };
    for (const line of formatSummary(summary)) log(line);
    return summary;
  } catch (error) {
    progress.stop();
    await discardStaging(stagingDir);
    throw error;
  } finally {
    writer.close();
  }
}
