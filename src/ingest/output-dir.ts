/**
 * A dataset is built in a staging folder beside its destination and swapped in at the end, so
 * a run that is killed or fails leaves the previous dataset whole.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FIRST_PAINT_DIR, MANIFEST_FILE, type DatasetManifest } from '../model/dataset.ts';

const DATA_FILE = /\.(parquet|json|duckdb)$/;

export class OutputDirError extends Error {
  constructor(public readonly dir: string, message: string) {
    super(`${dir}: ${message}`);
    this.name = 'OutputDirError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/**
 * Refuses to replace a folder that holds anything but data files and the first-paint answers
 * `npm run data` writes beside them (`--out .` must never wipe a project), then tidies what killed runs left: their staging folders, and table files that
 * moved in before a kill but were never named by a manifest.
 */
async function prepare(outDir: string): Promise<void> {
  if (await exists(outDir)) {
    if (!(await stat(outDir)).isDirectory()) throw new OutputDirError(outDir, 'exists and is not a folder');
    for (const entry of await readdir(outDir, { withFileTypes: true })) {
      const firstPaint = entry.isDirectory() && entry.name === FIRST_PAINT_DIR && (await readdir(path.join(outDir, entry.name))).every((f) => f.endsWith('.json'));
      if (!firstPaint && (!entry.isFile() || !DATA_FILE.test(entry.name))) {
        throw new OutputDirError(outDir, `holds ${entry.name}, which is not dataset output; refusing to replace the folder (choose a new or empty one)`);
      }
    }
  }
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const leftover = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.building-(\\d+)-`);
  for (const name of await readdir(parent).catch(() => [])) {
    const match = leftover.exec(name);
    if (match && !isAlive(Number(match[1]))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
  if (await exists(outDir)) await removeUnlistedTables(outDir);
}

/** A fresh staging folder beside `outDir` (same file system, so the final rename is atomic). */
export async function createStagingDir(outDir: string): Promise<string> {
  const resolved = path.resolve(outDir);
  await mkdir(path.dirname(resolved), { recursive: true });
  await prepare(resolved);
  const staging = await mkdtemp(path.join(path.dirname(resolved), `.${path.basename(resolved)}.building-${process.pid}-`));
  // mkdtemp makes the folder private (0700); the dataset it becomes is served to others.
  await chmod(staging, 0o755);
  return staging;
}

/**
 * Moves the new dataset into place without the folder ever being absent or half of one: its
 * table files (named by content) move in beside the old ones, then its manifest.json replaces
 * the old manifest in one rename, then the old tables go. A kill at any step leaves a folder
 * whose manifest names complete files, old or new; stray tables are cleared on the next run.
 */
export async function replaceWithStaging(stagingDir: string, outDir: string): Promise<void> {
  for (const step of await swapSteps(stagingDir, outDir)) await step();
}

/** The swap as the file operations it is, in order; a kill can fall between any two. */
export async function swapSteps(stagingDir: string, outDir: string): Promise<(() => Promise<void>)[]> {
  const resolved = path.resolve(outDir);
  if (!(await exists(resolved))) return [() => rename(stagingDir, resolved)];
  const tables = (await readdir(stagingDir)).filter((name) => name !== MANIFEST_FILE);
  return [
    ...tables.map((name) => () => rename(path.join(stagingDir, name), path.join(resolved, name))),
    () => rename(path.join(stagingDir, MANIFEST_FILE), path.join(resolved, MANIFEST_FILE)),
    () => removeUnlistedTables(resolved),
    () => rm(stagingDir, { recursive: true, force: true }),
  ];
}

/** Table files the folder's manifest does not name: a previous dataset's, or a killed run's. */
async function removeUnlistedTables(dir: string): Promise<void> {
  const listed = await readFile(path.join(dir, MANIFEST_FILE), 'utf8')
    .then((text) => new Set(Object.values((JSON.parse(text) as DatasetManifest).tables).map((table) => table.file)))
    .catch(() => null);
  if (!listed) return;
  for (const name of await readdir(dir)) {
    if (name.endsWith('.parquet') && !listed.has(name)) await rm(path.join(dir, name), { force: true });
  }
}

export async function discardStaging(stagingDir: string): Promise<void> {
  await rm(stagingDir, { recursive: true, force: true });
}
