/**
 * A dataset is built in a staging folder beside its destination and swapped in at the end, so
 * a run that is killed or fails leaves the previous dataset whole.
 */
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

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
 * Refuses to replace a folder that holds anything but data files (`--out .` must never wipe a
 * project), then tidies what killed runs left beside it: their staging folders go, and a
 * previous dataset moved aside just before a kill is put back.
 */
async function prepare(outDir: string): Promise<void> {
  if (await exists(outDir)) {
    if (!(await stat(outDir)).isDirectory()) throw new OutputDirError(outDir, 'exists and is not a folder');
    for (const entry of await readdir(outDir, { withFileTypes: true })) {
      if (!entry.isFile() || !DATA_FILE.test(entry.name)) {
        throw new OutputDirError(outDir, `holds ${entry.name}, which is not dataset output; refusing to replace the folder (choose a new or empty one)`);
      }
    }
  }
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const leftover = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|previous)-(\\d+)-`);
  for (const name of await readdir(parent).catch(() => [])) {
    const match = leftover.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const leftoverDir = path.join(parent, name);
    if (match[1] === 'previous' && !(await exists(outDir))) await rename(leftoverDir, outDir);
    else await rm(leftoverDir, { recursive: true, force: true });
  }
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

/** Moves the staging folder into place; the previous dataset is removed only once it is. */
export async function replaceWithStaging(stagingDir: string, outDir: string): Promise<void> {
  const resolved = path.resolve(outDir);
  if (!(await exists(resolved))) return rename(stagingDir, resolved);
  const previous = `${path.join(path.dirname(resolved), `.${path.basename(resolved)}.previous-${process.pid}-`)}${path.basename(stagingDir).slice(-6)}`;
  await rename(resolved, previous);
  try {
    await rename(stagingDir, resolved);
  } catch (error) {
    await rename(previous, resolved);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

export async function discardStaging(stagingDir: string): Promise<void> {
  await rm(stagingDir, { recursive: true, force: true });
}
