import { describe, expect, it } from 'vitest';
import { TEMPLATES, cellKey, detectTemplate, templateCells, templateForYear, templatesWithCells, type Template } from './index.ts';
import { runChecks } from '../rules.ts';
import { parseDocument } from '../../ingest/parse/index.ts';
import { compactLabel } from '../../ingest/parse/compact.ts';
import { readTextDocument } from '../../ingest/readers/text.ts';
import { colName, rowName, templateName } from '../../app/i18n/labels.ts';
import { TOY_TEMPLATE } from '../../testing/toy-template.ts';
import { templateReportText } from '../../testing/template-report.ts';

const REGISTRY: readonly Template[] = [...TEMPLATES, TOY_TEMPLATE];
const FIGURES = {
  't2.regulations.released': 2, 't2.regulations.lapsed': 1, 't2.regulations.in_force': 17,
  't2.normative_documents.released': 6, 't2.normative_documents.lapsed': 3, 't2.normative_documents.in_force': 41,
  't2.public_data.datasets': 58,
  't3.new_received.natural_person': 9, 't3.new_received.commercial_enterprise': 2, 't3.new_received.total': 11,
  't3.carried_over_in.natural_person': 1, 't3.carried_over_in.total': 1,
  't3.granted.natural_person': 6, 't3.granted.commercial_enterprise': 2, 't3.granted.total': 8,
  't3.unable_not_held.natural_person': 3, 't3.unable_not_held.total': 3,
  't3.other_fee_unpaid.natural_person': 1, 't3.other_fee_unpaid.total': 1,
  't3.outcome_total.natural_person': 10, 't3.outcome_total.commercial_enterprise': 2, 't3.outcome_total.total': 12,
  't4.review.upheld': 2, 't4.review.corrected': 1, 't4.review.total': 3, 't4.lit_direct.pending': 4, 't4.lit_direct.total': 4,
};
const text = templateReportText(TOY_TEMPLATE, 2026, FIGURES);
const parse = (templates: readonly Template[]) => parseDocument(readTextDocument(text), { file: 'toy.txt', sha256: 'toy', format: 'text' }, templates);

describe('a third template added as one file', () => {
  it('is detected from its own header words once registered, and not before', () => {
    expect(detectTemplate(compactLabel(text), REGISTRY).template).toBe(TOY_TEMPLATE);
    expect(parse(TEMPLATES).template).not.toBe(TOY_TEMPLATE.id);
  });

  it('is parsed cell for cell: every cell of its layout, with the printed figures', () => {
    const report = parse(REGISTRY);
    expect(report.template).toBe(TOY_TEMPLATE.id);
    expect(report.cells.map(cellKey)).toEqual(templateCells(TOY_TEMPLATE).map(cellKey));
    const read = Object.fromEntries(report.cells.filter((c) => c.value !== 0).map((c) => [cellKey(c), c.value]));
    expect(read).toEqual(FIGURES);
    expect(report.cells.every((c) => c.state === 'number')).toBe(true);
  });

  it('is checked by its own rules: all hold, and a changed figure fails the identity it breaks', () => {
    const report = parse(REGISTRY);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.checks.filter((c) => c.rule === 't2.valid_ge_issued').map((c) => c.row)).toEqual(['regulations', 'normative_documents']);
    const cells = report.cells.map((c) => (cellKey(c) === 't3.granted.total' ? { ...c, value: 9 } : c));
    const failed = runChecks(cells, TOY_TEMPLATE).filter((c) => c.status === 'fail').map((c) => `${c.rule}:${c.row ?? c.col}`);
    expect(failed.sort()).toEqual(['t3.outcome_sum:total', 't3.row_total:granted']);
  });

  it('is labelled from its own file, and measures follow from its cells', () => {
    expect(templateName(TOY_TEMPLATE.id, 'en', REGISTRY)).toBe('2026 (example)');
    expect(rowName('t2', 'public_data', 'zh', REGISTRY)).toBe('公共数据开放');
    expect(colName('t2', 'datasets', 'en', TOY_TEMPLATE.id, REGISTRY)).toBe('Open datasets');
    expect(templateForYear(2027, REGISTRY)).toBe(TOY_TEMPLATE);
    expect(templatesWithCells(['t2.public_data.datasets'], REGISTRY)).toEqual([TOY_TEMPLATE]);
    expect(templatesWithCells(['t3.other_fee_unpaid.total'], REGISTRY).map((t) => t.id)).toEqual(['2021', TOY_TEMPLATE.id]);
  });
});
