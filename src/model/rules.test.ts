import { describe, expect, it } from 'vitest';
import { runChecks } from './rules.ts';
import { prescribedOtherRows, templateById, templateCells, TEMPLATES, type OtherRows, type Template } from './templates/index.ts';
import type { Cell } from './report.ts';

const V2019 = templateById('2019');
const V2021 = templateById('2021');

function zeroReport(template: Template, mode?: OtherRows): Cell[] {
  return templateCells(template, mode).map((c) => ({ ...c, value: 0, raw: '0', state: 'number' as const }));
}

function set(cells: Cell[], key: string, value: number | null, state: Cell['state'] = 'number') {
  const [table, row, col] = key.split('.');
  const cell = cells.find((c) => c.table === table && c.row === row && c.col === col)!;
  cell.value = value;
  cell.state = state;
  cell.raw = value === null ? '' : String(value);
}

describe('rules', () => {
  it('an all-zero report passes every rule of both templates', () => {
    for (const t of TEMPLATES) {
      const checks = runChecks(zeroReport(t), t);
      expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
      expect(checks.length).toBe(t.rules(prescribedOtherRows(t)).length + 1);
    }
  });

  it('a broken balance fails on that column only, with both sides reported', () => {
    const cells = zeroReport(V2021);
    set(cells, 't3.new_received.total', 5);
    const failing = runChecks(cells, V2021).filter((c) => c.status === 'fail');
    const balance = failing.find((c) => c.rule === 't3.balance');
    expect(balance).toMatchObject({ col: 'total', left: 5, right: 0 });
    expect(balance?.cells).toContain('t3.new_received.total');
    expect(failing.find((c) => c.rule === 't3.row_total')).toMatchObject({ row: 'new_received', left: 5, right: 0 });
  });

  it('a blank operand makes a rule uncertain, never a pass computed with 0', () => {
    const cells = zeroReport(V2019);
    set(cells, 't4.review.pending', null, 'blank');
    const t4 = runChecks(cells, V2019).find((c) => c.rule === 't4.total' && c.row === 'review');
    expect(t4?.status).toBe('uncertain');
  });

  it('uses （六）其他处理 as one row when a 2021 report prints it so', () => {
    const cells = zeroReport(V2021, 'combined');
    set(cells, 't3.other_handling.natural_person', 2);
    set(cells, 't3.other_handling.total', 2);
    set(cells, 't3.outcome_total.natural_person', 2);
    set(cells, 't3.outcome_total.total', 2);
    set(cells, 't3.new_received.natural_person', 2);
    set(cells, 't3.new_received.total', 2);
    const checks = runChecks(cells, V2021);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(checks.some((c) => c.cells?.some((k) => k.startsWith('t3.other_other')))).toBe(false);
  });

  it('table-2 soft rules compare cumulative against this year', () => {
    const cells = zeroReport(V2021);
    set(cells, 't2.normative_documents.issued', 8);
    set(cells, 't2.normative_documents.currently_valid', 5);
    const check = runChecks(cells, V2021).find((c) => c.rule === 't2.valid_ge_issued' && c.row === 'normative_documents');
    expect(check).toMatchObject({ status: 'fail', left: 5, right: 8 });
  });

  it('reports negative application counts cell by cell', () => {
    const cells = zeroReport(V2019);
    set(cells, 't3.granted.natural_person', -1);
    const negative = runChecks(cells, V2019).filter((c) => c.rule === 't3.non_negative');
    expect(negative).toEqual([expect.objectContaining({ status: 'fail', row: 'granted', col: 'natural_person', left: -1 })]);
  });
});
