import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.ts';
import { parseYears, writeNationalCorpus } from './national.ts';

const work = await mkdtemp(path.join(tmpdir(), 'gongkai-national-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  return out;
}

describe('writeNationalCorpus', () => {
  it('as a dataset gives the bytes of ingesting its files, and leaves no files behind', async () => {
    const options = { agencies: 5, years: [2020, 2021, 2022], seed: 31 };
    const files = await writeNationalCorpus({ ...options, out: path.join(work, 'files') });
    expect(files.files).toBe(15);
    await ingest([files.filesDir], path.join(work, 'ingested'), { log: () => {} });
    const direct = await writeNationalCorpus({ ...options, out: path.join(work, 'dataset'), dataset: true, workers: 1 });
    expect(direct.dataset?.reports).toBe(15);
    expect(existsSync(direct.filesDir)).toBe(false);
    expect(await hashes(path.join(work, 'dataset'))).toEqual(await hashes(path.join(work, 'ingested')));
  }, 120_000);
});

describe('parseYears', () => {
  it('reads ranges and lists', () => {
    expect(parseYears('2019-2021')).toEqual([2019, 2020, 2021]);
    expect(parseYears('2024,2019-2020,2024')).toEqual([2019, 2020, 2024]);
    expect(() => parseYears('2021-2019')).toThrow(/backwards/);
    expect(() => parseYears('last year')).toThrow(/--years/);
  });
});
