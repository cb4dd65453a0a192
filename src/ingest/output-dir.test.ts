import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingDir, OutputDirError, replaceWithStaging } from './output-dir.ts';

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

describe('staging and swap', () => {
  it('replaces the previous dataset only when the new one is complete', async () => {
    const out = path.join(work, 'data');
    await mkdir(out);
    await writeFile(path.join(out, 'reports.parquet'), 'old');
    const staging = await createStagingDir(out);
    expect(path.dirname(staging)).toBe(work);
    await writeFile(path.join(staging, 'reports.parquet'), 'new');
    expect(await readFile(path.join(out, 'reports.parquet'), 'utf8')).toBe('old');
    await replaceWithStaging(staging, out);
    expect(await readFile(path.join(out, 'reports.parquet'), 'utf8')).toBe('new');
    expect((await stat(out)).mode & 0o777).toBe(0o755);
    expect(await readdir(work)).toEqual(['data']);
  });

  it('clears staging left by a killed run and puts back a dataset moved aside just before a kill', async () => {
    const out = path.join(work, 'data');
    const pid = deadPid();
    await mkdir(path.join(work, `.data.building-${pid}-abcdef`));
    await mkdir(path.join(work, `.data.previous-${pid}-abcdef`));
    await writeFile(path.join(work, `.data.previous-${pid}-abcdef`, 'reports.parquet'), 'old');
    const staging = await createStagingDir(out);
    expect(await readFile(path.join(out, 'reports.parquet'), 'utf8')).toBe('old');
    expect((await readdir(work)).sort()).toEqual([path.basename(staging), 'data'].sort());
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
});
