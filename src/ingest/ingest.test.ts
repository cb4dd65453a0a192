import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoCorpus } from '../demo/corpus.ts';
import { Random } from '../demo/random.ts';
import { DATASET_TABLE_NAMES, type DatasetManifest } from '../model/dataset.ts';
import { tablePath } from './dataset-writer.ts';
import { exampleReportText } from '../testing/example-report.ts';
import { collectFiles, ingest, IngestError } from './ingest.ts';
import { OutputDirError } from './output-dir.ts';

let work: string;

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  }
  return out;
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Two folders of invented reports, one duplicate, one synthetic, and three files that are no report. */
async function writeInputs(root: string): Promise<void> {
  await mkdir(path.join(root, 'north', 'deep'), { recursive: true });
  await mkdir(path.join(root, 'south'), { recursive: true });
  const report = (agency: string, year: number, applications: number, synthetic = false) =>
    exampleReportText({ agency, year, applications, synthetic });
  await writeFile(path.join(root, 'north', 'jia-2022.txt'), report('示例省甲市教育局', 2022, 5));
  await writeFile(path.join(root, 'north', 'deep', 'yi-2023.txt'), report('示例省乙县交通运输局', 2023, 9));
  await writeFile(path.join(root, 'south', 'bing-2022.txt'), report('示例省丙区人民政府', 2022, 14, true));
  await writeFile(path.join(root, 'south', 'jia-2022-copy.txt'), report('示例省甲市教育局', 2022, 5));
  await writeFile(path.join(root, 'south', 'empty.txt'), '');
  await writeFile(path.join(root, 'south', 'noise.pdf'), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03]));
  await writeFile(path.join(root, 'south', 'shopping-list.txt'), 'eggs, milk, bread\n'.repeat(20));
  await writeFile(path.join(root, 'south', 'notes.md'), '# not a report extension, never read');
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'gongkai-ingest-'));
  await writeInputs(path.join(work, 'in'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('walks folders for report extensions, names files relative to the folder given, sorted', async () => {
    const { files, problems } = await collectFiles([path.join(work, 'in', 'south'), path.join(work, 'in', 'north'), path.join(work, 'nowhere')]);
    expect(files.map((f) => f.name)).toEqual(['bing-2022.txt', 'deep/yi-2023.txt', 'empty.txt', 'jia-2022-copy.txt', 'jia-2022.txt', 'noise.pdf', 'shopping-list.txt']);
    expect(problems).toEqual([{ file: path.join(work, 'nowhere'), problem: 'no such file or folder' }]);
  });

  it('lists a file once however many arguments reach it', async () => {
    const south = path.join(work, 'in', 'south');
    const { files } = await collectFiles([south, `${south}/./`, path.join(south, 'empty.txt')]);
    expect(files.filter((f) => f.path.endsWith('empty.txt'))).toHaveLength(1);
  });
});

describe('ingest', () => {
  const lines: string[] = [];
  let summary: Awaited<ReturnType<typeof ingest>>;
  let out: string;

  beforeAll(async () => {
    out = path.join(work, 'out-a');
    summary = await ingest([path.join(work, 'in')], out, { log: (line) => lines.push(line) });
  });

  it('keeps going past files it cannot read, with one line naming each', () => {
    expect(summary.reports).toBe(3);
    expect(summary.unreadable.map((u) => path.basename(u.file)).sort()).toEqual(['empty.txt', 'noise.pdf', 'shopping-list.txt']);
    for (const bad of ['empty.txt', 'noise.pdf', 'shopping-list.txt']) {
      const mentions = lines.filter((line) => line.includes(bad));
      expect(mentions, bad).toHaveLength(1);
      expect(mentions[0].length).toBeGreaterThan(bad.length + 5);
    }
  });

  it('keeps a duplicate once and names both files', () => {
    expect(summary.duplicates).toHaveLength(1);
    const warning = lines.find((line) => line.includes('same content'));
    expect(warning).toContain('jia-2022-copy.txt');
    expect(warning).toContain(path.join('north', 'jia-2022.txt'));
  });

  it('writes the four tables and a manifest, marking synthetic reports', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect((await readdir(out)).sort()).toEqual([...DATASET_TABLE_NAMES.map((t) => manifest.tables[t].file), 'manifest.json'].sort());
    const reports = await query(`SELECT source_file, agency, year, template, synthetic FROM read_parquet('${tablePath(out, 'reports')}') ORDER BY source_file`);
    expect(reports).toEqual([
      { source_file: 'north/deep/yi-2023.txt', agency: '示例省乙县交通运输局', year: 2023, template: '2021', synthetic: false },
      { source_file: 'north/jia-2022.txt', agency: '示例省甲市教育局', year: 2022, template: '2021', synthetic: false },
      { source_file: 'south/bing-2022.txt', agency: '示例省丙区人民政府', year: 2022, template: '2021', synthetic: true },
    ]);
    const newReceived = await query(`SELECT r.agency, c.value FROM read_parquet('${tablePath(out, 'cells')}') c JOIN read_parquet('${tablePath(out, 'reports')}') r ON r.id = c.report_id WHERE c."table" = 't3' AND c."row" = 'new_received' AND c.col = 'total' ORDER BY c.value`);
    expect(newReceived).toEqual([
      { agency: '示例省甲市教育局', value: 6 },
      { agency: '示例省乙县交通运输局', value: 10 },
      { agency: '示例省丙区人民政府', value: 15 },
    ]);
    expect(summary.cells).toBe(summary.manifest.tables.cells.rows);
    expect(lines.some((line) => line.includes('3 reports (1 synthetic)'))).toBe(true);
  });

  it('writes byte-identical files whatever the input order and path spelling', async () => {
    const again = path.join(work, 'out-b');
    const north = path.join(work, 'in', 'north');
    const south = path.join(work, 'in', 'south');
    await ingest([`${path.relative(process.cwd(), south)}/`, `${north}/./`], again, { log: () => {} });
    const reversed = path.join(work, 'out-c');
    await ingest([north, south], reversed, { log: () => {} });
    expect(await hashes(again)).toEqual(await hashes(reversed));
    const rows = await query(`SELECT source_file FROM read_parquet('${tablePath(again, 'reports')}') ORDER BY ALL`);
    expect(rows.map((r) => r.source_file)).toEqual(['bing-2022.txt', 'deep/yi-2023.txt', 'jia-2022-copy.txt']);
  });

  it('writes the same bytes whether files are parsed on worker threads or on one', async () => {
    const threaded = path.join(work, 'out-threaded');
    const threadedLines: string[] = [];
    const threadedSummary = await ingest([path.join(work, 'in')], threaded, { log: (line) => threadedLines.push(line), workers: 2 });
    expect(threadedLines.filter((line) => line.includes('worker threads unavailable'))).toEqual([]);
    expect(threadedSummary.unreadable).toHaveLength(3);
    expect(threadedSummary.duplicates).toEqual(summary.duplicates);
    expect(await hashes(threaded)).toEqual(await hashes(out));
  });

  it('leaves the previous dataset in place when nothing could be read', async () => {
    const before = await hashes(out);
    await expect(ingest([path.join(work, 'in', 'south', 'empty.txt')], out, { log: () => {} })).rejects.toThrow(IngestError);
    expect(await hashes(out)).toEqual(before);
    expect((await readdir(work)).filter((name) => name.includes('building'))).toEqual([]);
  });

  it('refuses to replace a folder that holds more than a dataset', async () => {
    const project = path.join(work, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'README.md'), 'keep me');
    await expect(ingest([path.join(work, 'in')], project, { log: () => {} })).rejects.toThrow(OutputDirError);
    expect(await readFile(path.join(project, 'README.md'), 'utf8')).toBe('keep me');
  });
});

describe('ingest of one report in several encodings and formats', () => {
  it('keeps it once and names every copy', async () => {
    const dir = path.join(work, 'copies');
    await mkdir(dir);
    const text = exampleReportText({ agency: '示例省丁县财政局', year: 2023, applications: 7 });
    await writeFile(path.join(dir, 'a-utf8.txt'), text);
    await writeFile(path.join(dir, 'b-gbk.txt'), iconv.encode(text, 'gbk'));
    await writeFile(path.join(dir, 'c-utf16.txt'), iconv.encode(text, 'utf-16le'));
    await writeFile(path.join(dir, 'd-other-year.txt'), exampleReportText({ agency: '示例省丁县财政局', year: 2024, applications: 7 }));
    const log: string[] = [];
    const result = await ingest([dir], path.join(work, 'copies-out'), { log: (line) => log.push(line) });
    expect(result.reports).toBe(2);
    expect(result.duplicates.map((d) => [path.basename(d.file), path.basename(d.sameAs)])).toEqual([['b-gbk.txt', 'a-utf8.txt'], ['c-utf16.txt', 'a-utf8.txt']]);
    expect(log.filter((line) => line.includes('same report as'))).toHaveLength(2);
  });
});

describe('ingest on worker threads with a time budget', () => {
  it('skips a file over its budget with one line naming it, and keeps the rest', async () => {
    const dir = path.join(work, 'budget');
    await mkdir(dir);
    const text = exampleReportText({ agency: '示例省戊县民政局', year: 2023, applications: 3 });
    await writeFile(path.join(dir, 'a-normal.txt'), text);
    const at = text.indexOf('予以公开') + 2;
    await writeFile(path.join(dir, 'b-slow.txt'), `${text.slice(0, at)}${'\t'.repeat(3_000_000)}${text.slice(at)}`);
    const log: string[] = [];
    const result = await ingest([dir], path.join(work, 'budget-out'), { log: (line) => log.push(line), workers: 1, timeLimitMs: 200 });
    expect(result.reports).toBe(1);
    expect(result.unreadable.map((u) => [path.basename(u.file), u.problem])).toEqual([['b-slow.txt', 'took more than 0.2 s to read and parse; skipped (time budget)']]);
    expect(log.filter((line) => line.includes('b-slow.txt'))).toHaveLength(1);
  }, 120_000);
});

describe('ingest of a demo corpus, whatever the order and the threads', () => {
  it('gives the same Parquet bytes with 0 and 2 workers, and from a copy written in shuffled order', async () => {
    const corpus = path.join(work, 'demo-corpus');
    await writeDemoCorpus(corpus, 17, 8);
    const files = (await readdir(corpus, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(corpus, path.join(e.parentPath, e.name)));
    const shuffledCopy = path.join(work, 'demo-corpus-shuffled');
    const random = new Random(4);
    for (let i = files.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [files[i], files[j]] = [files[j], files[i]];
    }
    for (const file of files) {
      await mkdir(path.dirname(path.join(shuffledCopy, file)), { recursive: true });
      await writeFile(path.join(shuffledCopy, file), await readFile(path.join(corpus, file)));
    }
    const run = async (input: string, workers: number) => {
      const out = path.join(work, `demo-out-${path.basename(input)}-${workers}`);
      const summary = await ingest([input], out, { log: () => {}, workers });
      expect(summary.reports).toBe(8 * 7);
      return hashes(out);
    };
    const single = await run(corpus, 0);
    expect(await run(corpus, 2)).toEqual(single);
    expect(await run(shuffledCopy, 2)).toEqual(single);
  }, 180_000);
});
