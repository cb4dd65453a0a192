import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleReportText } from '../testing/example-report.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const command = path.join(repoRoot, 'bin', 'gongkai.js');

interface Run { code: number; stdout: string; stderr: string }

function gongkai(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [command, ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  }
  return out;
}

let work: string;
let good: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'gongkai-cli-'));
  good = path.join(work, 'in', '示例甲-2022.txt');
  await mkdir(path.join(work, 'in'));
  await writeFile(good, exampleReportText({ agency: '示例省甲市教育局', year: 2022, applications: 5 }));
  await writeFile(path.join(work, 'in', 'yi-2021.txt'), exampleReportText({ agency: '示例省乙县人民政府', year: 2021, applications: 2 }));
  await writeFile(path.join(work, 'in', 'broken.docx'), 'PK\u0003\u0004 this is not really a zip archive');
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('gongkai parse', () => {
  it('prints one report as contract JSON', async () => {
    const run = await gongkai(['parse', good, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).sort()).toEqual(['agency', 'cells', 'checks', 'metrics', 'source', 'template', 'warnings', 'year']);
    expect(report.source).toEqual({
      file: '示例甲-2022.txt', format: 'text',
      sha256: createHash('sha256').update(await readFile(good)).digest('hex'),
    });
    expect(report.agency.name).toBe('示例省甲市教育局');
    expect(report.year).toBe(2022);
    expect(report.template).toBe('2021');
    const cell = report.cells.find((c: { table: string; row: string; col: string }) => c.table === 't3' && c.row === 'new_received' && c.col === 'total');
    expect(cell).toEqual({ table: 't3', row: 'new_received', col: 'total', value: 6, raw: '6', state: 'number' });
    expect(report.checks.filter((c: { status: string }) => c.status === 'fail')).toEqual([]);
  });

  it('prints a short summary without --json', async () => {
    const run = await gongkai(['parse', good]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('示例省甲市教育局');
    expect(run.stdout).toMatch(/template\s+2021/);
    expect(run.stdout).toMatch(/cells\s+\d+: \d+ number, \d+ blank, \d+ inferred, \d+ missing/);
  });

  it('fails with one line naming the file when it is missing, empty, binary or no report', async () => {
    await writeFile(path.join(work, 'empty.txt'), '');
    await writeFile(path.join(work, 'letter.txt'), '尊敬的各位同事：本周五下午三点在三楼会议室召开例会，请准时参加。\n'.repeat(5));
    const names = ['no-such-report.txt', 'empty.txt', 'letter.txt', path.join('in', 'broken.docx')];
    const runs = await Promise.all(names.map((name) => gongkai(['parse', path.join(work, name), '--json'])));
    runs.forEach((run, i) => {
      expect(run.code, names[i]).toBe(1);
      expect(run.stdout, names[i]).toBe('');
      expect(lines(run.stderr), names[i]).toHaveLength(1);
      expect(run.stderr, names[i]).toContain(path.basename(names[i]));
    });
  });

  it('rejects wrong usage with exit code 2', async () => {
    const [parse, ingest, workers, unknown, help] = await Promise.all(
      [['parse'], ['ingest', good], ['ingest', good, '--out', path.join(work, 'w'), '--workers', 'two'], ['frobnicate'], ['--help']].map((args) => gongkai(args)),
    );
    expect([parse.code, ingest.code, workers.code, unknown.code]).toEqual([2, 2, 2, 2]);
    expect(lines(unknown.stderr)).toEqual(['gongkai: unknown command frobnicate (see gongkai --help)']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('gongkai ingest PATH... --out DIR');
  });
});

describe('gongkai ingest', () => {
  it('goes past a bad file, naming it, and writes the dataset (on worker threads)', async () => {
    const out = path.join(work, 'dataset');
    const run = await gongkai(['ingest', path.join(work, 'in'), '--out', out, '--workers', '2']);
    expect(run.stderr).not.toContain('worker threads unavailable');
    expect(run.code).toBe(3);
    const errorLines = lines(run.stderr).filter((line) => line.includes('broken.docx'));
    expect(errorLines).toHaveLength(1);
    expect(run.stderr).toMatch(/3 files → 2 reports/);
    expect(run.stderr).toMatch(/1 unreadable, 0 duplicates/);
    expect((await readdir(out)).map((name) => name.replace(/\.[0-9a-f]{16}\.parquet$/, '.parquet')).sort())
      .toEqual(['agency_years.parquet', 'cells.parquet', 'checks.parquet', 'manifest.json', 'metrics.parquet', 'reports.parquet']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.tables.reports.rows).toBe(2);
  });

  it('exits 0 past unreadable files only when asked to, and names broken and folder links', async () => {
    const linked = path.join(work, 'linked');
    await mkdir(linked);
    await copyFile(good, path.join(linked, 'good.txt'));
    await symlink(path.join(work, 'nowhere.txt'), path.join(linked, 'dangling.txt'));
    await symlink(path.join(linked, 'loop-b.txt'), path.join(linked, 'loop-a.txt'));
    await symlink(path.join(linked, 'loop-a.txt'), path.join(linked, 'loop-b.txt'));
    await symlink(linked, path.join(linked, 'itself'));
    const strict = await gongkai(['ingest', linked, '--out', path.join(work, 'linked-out'), '--no-progress']);
    expect(strict.code).toBe(3);
    for (const name of ['dangling.txt', 'loop-a.txt', 'loop-b.txt']) {
      expect(lines(strict.stderr).filter((line) => line.includes(name) && line.includes('link to nothing'))).toHaveLength(1);
    }
    expect(lines(strict.stderr).filter((line) => line.includes('itself') && line.includes('not followed'))).toHaveLength(1);
    const lenient = await gongkai(['ingest', linked, '--out', path.join(work, 'linked-out'), '--no-progress', '--allow-unreadable']);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(work, 'linked-out', 'manifest.json'), 'utf8')).tables.reports.rows).toBe(1);
  });

  it('fails when no report at all can be read', async () => {
    const run = await gongkai(['ingest', path.join(work, 'in', 'broken.docx'), '--out', path.join(work, 'never')]);
    expect(run.code).toBe(1);
    await expect(readdir(path.join(work, 'never'))).rejects.toThrow();
  });

  it('leaves the previous dataset whole when a run is killed', async () => {
    const many = path.join(work, 'many');
    await mkdir(many);
    for (let i = 0; i < 120; i++) {
      await writeFile(path.join(many, `r${i}.txt`), exampleReportText({ agency: `示例省第${i}县人民政府`, year: 2021 + (i % 4), applications: 1 + (i % 40) }));
    }
    const out = path.join(work, 'kept');
    expect((await gongkai(['ingest', good, '--out', out])).code).toBe(0);
    const before = await hashes(out);

    const child = spawn(process.execPath, [command, 'ingest', many, '--out', out], { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const staging = () => readdir(work).then((names) => names.some((n) => n.startsWith('.kept.building-')));
    while (!(await staging())) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    expect(await hashes(out)).toEqual(before);

    const next = await gongkai(['ingest', many, '--out', out]);
    expect(next.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).tables.reports.rows).toBe(120);
    expect((await readdir(work)).filter((n) => n.startsWith('.kept.'))).toEqual([]);
  });

  it('runs as `npx gongkai` from the repository', async () => {
    const run = await new Promise<Run>((resolve) => {
      execFile('npx', ['--no-install', 'gongkai', '--help'], { cwd: repoRoot }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gongkai parse FILE');
  });
});
