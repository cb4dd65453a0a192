import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import { writeDemoCorpus } from './corpus.ts';

const work = await mkdtemp(path.join(tmpdir(), 'gongkai-demo-corpus-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const f of files) out.set(path.relative(dir, path.join(f.parentPath, f.name)), await readFile(path.join(f.parentPath, f.name), 'utf8'));
  return out;
}

describe('writeDemoCorpus', () => {
  it('writes one marked file per report under its year, mixed renderings, and a manifest', async () => {
    const dir = path.join(work, 'a');
    const { files } = await writeDemoCorpus(dir, 11, 30);
    expect(files).toBe(30 * 7);
    const written = await snapshot(dir);
    const reports = [...written.keys()].filter((f) => f !== 'MANIFEST.tsv');
    expect(reports).toHaveLength(files);
    expect(reports.every((f) => /^20(19|2[0-5])\/a\d{4}-[a-z-]+\.(txt|html)$/.test(f))).toBe(true);
    expect(reports.every((f) => written.get(f)!.includes(SYNTHETIC_MARKER))).toBe(true);
    const renderings = new Set(reports.map((f) => f.replace(/^.*\/a\d{4}-|\.\w+$/g, '')));
    expect(renderings.size).toBeGreaterThanOrEqual(4);
    const manifest = written.get('MANIFEST.tsv')!.trim().split('\n');
    expect(manifest[0]).toBe('file\tagency\tlevel\tyear\ttemplate\trendering\tslips');
    expect(manifest.slice(1).map((l) => l.split('\t')[0]).sort()).toEqual(reports.sort());
  });

  it('is deterministic, and replaces what the folder held before', async () => {
    const dir = path.join(work, 'b');
    await writeDemoCorpus(dir, 5, 8);
    const first = await snapshot(dir);
    await writeDemoCorpus(dir, 6, 4);
    await writeDemoCorpus(dir, 5, 8);
    expect(await snapshot(dir)).toEqual(first);
  });
});
