import { describe, expect, it } from 'vitest';
import { colName, colShortName, groupName, platformName, rowName, ruleName, templateName } from './labels.ts';
import { TEMPLATES, tableDef } from '../../model/templates/index.ts';

describe('label catalogue', () => {
  it('names template versions from the registry, and shows an id it does not know as it is', () => {
    expect(TEMPLATES.map((t) => templateName(t.id, 'zh'))).toEqual(['2019版（试行）', '2021版']);
    expect(templateName('1999', 'en')).toBe('1999');
    expect(templateName(null, 'en')).toBe('');
  });

  it('gives table 2 columns of the template asked for, the latest version when none is given', () => {
    expect(colName('t2', 'decisions', 'zh', '2019')).toBe('处理决定数量');
    expect(colName('t2', 'decisions', 'zh', '2021')).toBe('本年处理决定数量');
    expect(colName('t2', 'decisions', 'zh')).toBe('本年处理决定数量');
    expect(colName('t2', 'procurement_amount', 'en')).toBe('Procurement amount');
  });

  it('uses a column\'s short name where it stands alone, the printed one elsewhere', () => {
    expect(colName('t3', 'other_org', 'zh')).toBe('其他');
    expect(colShortName('t3', 'other_org', 'zh')).toBe('其他组织');
    expect(colShortName('t3', 'natural_person', 'en')).toBe('Natural persons');
    expect(tableDef(TEMPLATES[0], 't4').columns.map((c) => colShortName('t4', c.key, 'en'))).toEqual(['Upheld', 'Corrected', 'Other result', 'Pending', 'Total']);
  });

  it('names rows, groups, rules and platforms, falling back on the key', () => {
    expect(rowName('t4', 'lit_direct', 'en')).toBe('Lawsuits without prior review');
    expect(rowName('t3', 'no_such_row', 'en')).toBe('no_such_row');
    expect(groupName('t3', 'not_processed', 'zh')).toBe('不予处理');
    expect(ruleName('t4.total', 'en')).toBe('Total = upheld + corrected + other + pending');
    expect(platformName('video_channel', 'en')).toBe('WeChat Channels');
    expect(platformName('fax', 'en')).toBe('fax');
  });
});
