import { describe, expect, it } from 'vitest';
import { cellKey, parseCellKey, rowDef, tableDef, templateById, templateCells } from './index.ts';

const V2019 = templateById('2019');
const V2021 = templateById('2021');

describe('template', () => {
  it('2019 template prints 22 table-2 cells, 23×7 table-3 cells and 15 table-4 cells', () => {
    const cells = templateCells(V2019);
    const count = (t: string) => cells.filter((c) => c.table === t).length;
    expect(count('t2')).toBe(22);
    expect(count('t3')).toBe(23 * 7);
    expect(count('t4')).toBe(15);
  });

  it('2021 template prints 10 table-2 cells and 25 table-3 rows', () => {
    const cells = templateCells(V2021);
    expect(cells.filter((c) => c.table === 't2')).toHaveLength(10);
    expect(tableDef(V2021, 't3').rows).toHaveLength(25);
    expect(tableDef(V2021, 't3').rows.map((r) => r.key)).toContain('other_fee_unpaid');
    expect(tableDef(V2021, 't3').rows.map((r) => r.key)).not.toContain('other_handling');
  });

  it('a 2021 report printing （六）其他处理 as one row is described without its sub-rows', () => {
    const rows = tableDef(V2021, 't3', 'combined').rows.map((r) => r.key);
    expect(rows).toContain('other_handling');
    expect(rows).not.toContain('other_other');
  });

  it('procurement and fees are the money columns, items_change is signed', () => {
    expect(tableDef(V2019, 't2').columns.find((c) => c.key === 'procurement_amount')?.unit).toBe('万元');
    expect(tableDef(V2021, 't2').columns.find((c) => c.key === 'fee_amount')?.unit).toBe('万元');
    expect(tableDef(V2019, 't2').columns.find((c) => c.key === 'items_change')?.signed).toBe(true);
  });

  it('cell keys round-trip', () => {
    const ref = { table: 't3' as const, row: 'granted', col: 'natural_person' };
    expect(cellKey(ref)).toBe('t3.granted.natural_person');
    expect(parseCellKey('t3.granted.natural_person')).toEqual(ref);
  });

  it('row labels are found across both templates', () => {
    expect(rowDef('t3', 'other_handling')?.zh).toContain('其他处理');
    expect(rowDef('t2', 'centralized_procurement')?.zh).toBe('政府集中采购');
    expect(rowDef('t2', 'no_such_row')).toBeUndefined();
  });
});
