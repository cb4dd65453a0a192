import { describe, expect, it } from 'vitest';
import { normaliseScript } from './script.ts';

describe('normaliseScript', () => {
  it('drops the pinyin a mirror inserted after a character', () => {
    expect(normaliseScript('報(bào)告')).toBe('報告');
  });

  it('converts traditional text to simplified, and leaves simplified text as it is', () => {
    expect(normaliseScript('廣東省人民政府2020年政府信息公開工作年度報告')).toBe('广东省人民政府2020年政府信息公开工作年度报告');
    expect(normaliseScript('广东省人民政府2020年政府信息公开工作年度报告')).toBe('广东省人民政府2020年政府信息公开工作年度报告');
  });
});
