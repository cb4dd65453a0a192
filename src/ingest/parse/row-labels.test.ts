import { describe, expect, it } from 'vitest';
import { TEMPLATES, tableDef, templateById } from '../../model/templates/index.ts';
import { compactLabel } from './compact.ts';

const matches = (pattern: RegExp, label: string) => {
  pattern.lastIndex = 0;
  return pattern.test(compactLabel(label));
};

describe('row patterns of the template registry', () => {
  it.each(TEMPLATES.flatMap((t) => t.otherRows.flatMap((layout) => t.tables(layout).flatMap((table) => table.rows.map((row) => [`${t.id} ${table.id}.${row.key}`, row] as const)))))(
    '%s: the pattern finds the row\'s own printed label',
    (_, row) => {
      expect(matches(row.pattern, row.zh)).toBe(true);
    },
  );

  it('no row pattern of a table matches another row\'s label in the same template and layout', () => {
    const clashes: string[] = [];
    for (const template of TEMPLATES) {
      for (const layout of template.otherRows) {
        for (const table of template.tables(layout)) {
          for (const row of table.rows) {
            for (const other of table.rows) {
              if (other !== row && matches(row.pattern, other.zh)) clashes.push(`${template.id} ${row.key} matches ${other.key}'s label ${other.zh}`);
            }
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('anchor local wordings of two denial rows', () => {
    const t3 = tableDef(templateById('2021'), 't3');
    const pattern = (key: string) => t3.rows.find((r) => r.key === key)!.pattern;
    expect(matches(pattern('denied_prohibited_by_law'), '2.其他法律行政法规禁止公开')).toBe(true);
    expect(matches(pattern('denied_prohibited_by_law'), '2.其他法律和行政法规禁止公开')).toBe(true);
    expect(matches(pattern('denied_prohibited_by_law'), '2.其他法律、行政法规禁止公开')).toBe(true);
    expect(matches(pattern('denied_enforcement_file'), '7.属于行政执法案卷')).toBe(true);
    expect(matches(pattern('denied_enforcement_file'), '7.属于行政执法案件')).toBe(true);
  });
});
