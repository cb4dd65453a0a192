import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingDir, OutputDirError, replaceWithStaging, swapSteps } from './output-dir.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'gongkai-outdir-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** The id of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A dataset folder's files as its manifest names them: table → content, or null when unreadable. */
async function datasetAt(dir: string): Promise<Record<string, string> | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { tables: Record<string, { file: string }> };
    const out: Record<string, string> = {};
    for (const [table, { file }] of Object.entries(manifest.tables)) out[table] = await readFile(path.join(dir, file), 'utf8');
    return out;
  } catch {
    return null;
  }
}

async function writeDataset(dir: string, tag: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tables: Record<string, { file: string }> = {};
  for (const table of ['reports', 'cells']) {
    tables[table] = { file: `${table}.${tag}.parquet` };
    await writeFile(path.join(dir, tables[table].file), `${table} ${tag}`);
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ tables }));
}

const OLD = { reports: 'reports old', cells: 'cells old' };
const NEW = { reports: 'reports new', cells: 'cells new' };

describe('staging and swap', () => {
  it('replaces the previous dataset only when the new one is complete', async () => {
    const out = path.join(work, 'data');
    await writeDataset(out, 'old');
    const staging = await createStagingDir(out);
    expect(path.dirname(staging)).toBe(work);
    await rm(staging, { recursive: true });
    await writeDataset(staging, 'new');
    expect(await datasetAt(out)).toEqual(OLD);
    await replaceWithStaging(staging, out);
    expect(await datasetAt(out)).toEqual(NEW);
    expect((await readdir(out)).sort()).toEqual(['cells.new.parquet', 'manifest.json', 'reports.new.parquet']);
    expect(await readdir(work)).toEqual(['data']);
  });

  it('makes a first dataset readable by others (staging folders are private)', async () => {
    const out = path.join(work, 'first');
    const staging = await createStagingDir(out);
    await writeDataset(staging, 'new');
    await replaceWithStaging(staging, out);
    expect(await datasetAt(out)).toEqual(NEW);
    expect((await stat(out)).mode & 0o777).toBe(0o755);
  });

  it('keeps a whole dataset, old or new, in place at every step of the swap, and the next run tidies up', async () => {
    const out = path.join(work, 'data');
    const staging = path.join(work, `.data.building-${deadPid()}-abcdef`);
    const steps = await (async () => {
      await writeDataset(out, 'old');
      await writeDataset(staging, 'new');
      return (await swapSteps(staging, out)).length;
    })();
    expect(steps).toBeGreaterThan(3);
    for (let killedAfter = 0; killedAfter <= steps; killedAfter++) {
      await rm(work, { recursive: true, force: true });
      await mkdir(work);
      await writeDataset(out, 'old');
      await writeDataset(staging, 'new');
      const swap = await swapSteps(staging, out);
      for (const step of swap.slice(0, killedAfter)) {
        await step();
        expect([OLD, NEW], `after step ${killedAfter}`).toContainEqual(await datasetAt(out));
      }
      await rm(await createStagingDir(out), { recursive: true });
      const kept = await datasetAt(out);
      expect([OLD, NEW]).toContainEqual(kept);
      const files = (await readdir(out)).sort();
      expect(files, `killed after step ${killedAfter}`).toEqual(kept === null ? [] : kept.reports === 'reports new'
        ? ['cells.new.parquet', 'manifest.json', 'reports.new.parquet']
        : ['cells.old.parquet', 'manifest.json', 'reports.old.parquet']);
      expect(await readdir(work)).toEqual(['data']);
    }
  });

  it('leaves the staging of a run that is still going alone', async () => {
    const busy = path.join(work, `.data.building-${process.pid}-zzzzzz`);
    await mkdir(busy);
    await createStagingDir(path.join(work, 'data'));
    expect(await readdir(work)).toContain(path.basename(busy));
  });

  it('refuses a folder holding anything but data files', async () => {
    const out = path.join(work, 'src');
    await mkdir(path.join(out, 'nested'), { recursive: true });
    await expect(createStagingDir(out)).rejects.toThrow(OutputDirError);
    await expect(createStagingDir(out)).rejects.toThrow(/nested.*refusing/);
  });

  it('replaces a dataset beside its first-paint answers, but not a first-paint folder holding anything else', async () => {
    const out = path.join(work, 'data');
    await mkdir(path.join(out, 'first-paint'), { recursive: true });
    await writeFile(path.join(out, 'first-paint', 'overview.json'), '{}');
    await expect(createStagingDir(out)).resolves.toBeTypeOf('string');
    await writeFile(path.join(out, 'first-paint', 'notes.txt'), 'mine');
    await expect(createStagingDir(out)).rejects.toThrow(/first-paint.*refusing/);
  });
});
