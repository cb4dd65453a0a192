import { describe, expect, it } from 'vitest';
import { normaliseDocument, normaliseScript } from './script.ts';

describe('normaliseScript', () => {
  it('drops the pinyin a mirror inserted after a character', () => {
    expect(normaliseScript('報(bào)告')).toBe('報告');
  });

  it('converts traditional text to simplified, and leaves simplified text as it is', () => {
    expect(normaliseScript('廣東省人民政府2020年政府信息公開工作年度報告')).toBe('广东省人民政府2020年政府信息公开工作年度报告');
    expect(normaliseScript('广东省人民政府2020年政府信息公开工作年度报告')).toBe('广东省人民政府2020年政府信息公开工作年度报告');
  });
});

describe('normaliseDocument', () => {
  it('decides once for the whole document: a traditional document is converted cell by cell, its 檔案 read as 文件', () => {
    const doc = normaliseDocument({ format: 'text', lines: [{ cells: ['廣東省人民政府2020年政府信息公開工作年度報告'] }, { cells: ['規範性檔案', '3', '40'], inTable: true }] });
    expect(doc.lines).toEqual([{ cells: ['广东省人民政府2020年政府信息公开工作年度报告'] }, { cells: ['规范性文件', '3', '40'], inTable: true }]);
  });

  it('leaves a simplified document with one stray traditional character as printed', () => {
    const lines = [{ cells: ['示例省档案局2021年政府信息公开工作年度报告'] }, { cells: ['行政復议', '1'] }];
    expect(normaliseDocument({ format: 'text', lines }).lines).toEqual(lines);
  });
});
