/**
 * The sample report the project was specified from (吴忠市政务服务中心 2020, text extracted
 * from a PDF, one cell per tab), cell by cell against its truth file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cellKey, templateById, templateCells } from '../../model/templates/index.ts';
import { readTextDocument } from '../readers/text.ts';
import { parseDocument } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const sample = path.join(corpus, '2020_wuzhong-gov-service-centre.txt');
const truthFile = path.join(corpus, 'truth', '2020_wuzhong-gov-service-centre.json');
const present = existsSync(sample) && existsSync(truthFile);
if (!present) console.warn(`Wuzhong sample tests skipped: ${sample} not found (third-party reports are not kept in the repo)`);

describe.skipIf(!present)('Wuzhong 2020 sample', () => {
  const truth = present ? (JSON.parse(readFileSync(truthFile, 'utf8')) as { cells: Record<string, number>; undetermined: string[]; inferred_rows: string[] }) : null;
  const report = present ? parseDocument(readTextDocument(readFileSync(sample, 'utf8')), { file: path.basename(sample), sha256: 'test', format: 'text' }) : null;
  const byKey = new Map(report?.cells.map((c) => [cellKey(c), c]));

  it('detects the 2019 template and the year', () => {
    expect(report!.template).toBe('2019');
    expect(report!.year).toBe(2020);
  });

  it('gives every printed cell the figure the truth file records', () => {
    for (const [key, value] of Object.entries(truth!.cells)) expect(byKey.get(key)?.value, key).toBe(value);
  });

  it('covers every template cell: printed, inferred, or missing where the text is empty', () => {
    expect(report!.cells.map(cellKey).sort()).toEqual(templateCells(templateById('2019')).map(cellKey).sort());
  });

  it('marks the three rows that print six figures for seven columns as inferred, naming the rule', () => {
    for (const row of truth!.inferred_rows) {
      const cells = report!.cells.filter((c) => `${c.table}.${c.row}` === row);
      expect(cells).toHaveLength(7);
      for (const cell of cells) expect(cell).toMatchObject({ state: 'inferred', value: 0 });
      expect(report!.warnings.some((w) => w.startsWith(row) && w.includes('t3.outcome_sum'))).toBe(true);
    }
    const inferred = report!.cells.filter((c) => c.state === 'inferred').map((c) => `${c.table}.${c.row}`);
    expect(new Set(inferred)).toEqual(new Set(truth!.inferred_rows));
  });

  it('leaves table 4 review cells missing: their fields are empty in the text, not 0 and not blank', () => {
    for (const key of truth!.undetermined) expect(byKey.get(key)).toMatchObject({ state: 'missing', value: null });
    expect(byKey.get('t4.lit_direct.total')).toMatchObject({ state: 'number', value: 0, raw: '0' });
  });

  it('reads procurement with the unit printed in the cell', () => {
    expect(byKey.get('t2.centralized_procurement.procurement_projects')).toMatchObject({ value: 3, state: 'number' });
    expect(byKey.get('t2.centralized_procurement.procurement_amount')).toMatchObject({ value: 668.7004, raw: '668.7004 万元', state: 'number' });
  });

  it('passes every arithmetic check it can evaluate and reports none failing', () => {
    expect(report!.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report!.checks.find((c) => c.rule === 't4.total' && c.row === 'review')?.status).toBe('uncertain');
    expect(report!.checks.find((c) => c.rule === 't3.balance' && c.col === 'total')).toMatchObject({ status: 'pass', left: 0, right: 0 });
  });
});
