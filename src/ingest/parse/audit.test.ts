/**
 * The audit of failing arithmetic checks on the real reports in data/reports: every check that
 * fails must be one data/audit/failed-checks.tsv records as a contradiction the report prints
 * (verdict `source`, with the printed figures quoted). A new failure — a misread, or a fix that
 * broke a reading — and a recorded contradiction that no longer fails both show here. Lines with
 * verdict `fixed` are the record of misreads already fixed and must no longer fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read-report.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const reports = path.join(repoRoot, 'data/reports');
const audit = path.join(repoRoot, 'data/audit/failed-checks.tsv');

const HEADER = ['file', 'rule', 'row', 'col', 'left', 'right', 'verdict', 'explanation'];

interface AuditLine {
  file: string;
  rule: string;
  row: string;
  col: string;
  left: string;
  right: string;
  verdict: string;
  explanation: string;
}

function readAudit(): AuditLine[] {
  const [header, ...lines] = readFileSync(audit, 'utf8').split('\n').filter((l) => l.trim() !== '');
  expect(header.split('\t')).toEqual(HEADER);
  return lines.map((line) => {
    const fields = line.split('\t');
    expect(fields, line).toHaveLength(HEADER.length);
    return Object.fromEntries(HEADER.map((h, i) => [h, fields[i]])) as unknown as AuditLine;
  });
}

const keyOf = (c: { file: string; rule: string; row?: string; col?: string }) => [c.file, c.rule, c.row ?? '', c.col ?? ''].join('\t');

describe('failing checks on data/reports', () => {
  it('are exactly the contradictions the audit records as printed in the source', { timeout: 60_000 }, async () => {
    const lines = readAudit();
    for (const line of lines) {
      expect(['source', 'fixed'], keyOf(line)).toContain(line.verdict);
      expect(line.explanation.trim(), keyOf(line)).not.toBe('');
    }
    const source = lines.filter((l) => l.verdict === 'source');
    expect(new Set(source.map(keyOf)).size, 'one line per failing check').toBe(source.length);

    const files = readdirSync(reports).filter((f) => /\.(txt|html?|pdf|docx)$/i.test(f)).sort();
    expect(files.length).toBeGreaterThan(0);
    const failing: string[] = [];
    const values = new Map<string, string>();
    for (const file of files) {
      const result = await readReport({ path: path.join(reports, file), name: file });
      expect('report' in result, `${file} parses`).toBe(true);
      if (!('report' in result)) continue;
      for (const check of result.report.checks) {
        if (check.status !== 'fail') continue;
        const key = keyOf({ file, ...check });
        failing.push(key);
        values.set(key, `${check.left}\t${check.right}`);
      }
    }
    expect([...failing].sort()).toEqual(source.map(keyOf).sort());
    // The recorded figures are the ones the parser reads now.
    for (const line of source) expect(values.get(keyOf(line)), keyOf(line)).toBe(`${line.left}\t${line.right}`);
    // A misread recorded as fixed must stay fixed.
    const fixed = lines.filter((l) => l.verdict === 'fixed').map(keyOf);
    expect(fixed.filter((k) => failing.includes(k))).toEqual([]);
  });
});
