import { describe, expect, it } from 'vitest';
import { warningText } from './warnings.ts';

describe('warningText', () => {
  it('says a known warning in Chinese with the cells named as the report prints them', () => {
    const zh = warningText("t3.unable_unclear.natural_person: '12三' is not a figure this column can hold exactly; cell left missing", 'zh');
    expect(zh).not.toMatch(/[a-z]{3,}/u);
    expect(zh).toContain('自然人');
    expect(zh).toContain('单元格记为缺失');
    const t4 = warningText('t4: figures printed out of order; shared out by the groups\' own totals, 1 group(s) still ambiguous and left missing', 'zh');
    expect(t4).toMatch(/^\S*行政复议、行政诉讼情况：数字印出顺序错乱；已按各组自身的合计分配，仍有 1 组无法确定，记为缺失$/u);
  });

  it('names rows inside the sentence, in both languages, and keeps no internal key', () => {
    const zh = warningText('t3: rows granted, partially_granted share 4 figures for 14 cells; 1 row(s) read', 'zh');
    expect(zh).toContain('予以公开');
    expect(zh).not.toContain('partially_granted');
    const en = warningText('t3: a line of figures after row granted matches no template row; not read', 'en');
    expect(en).not.toMatch(/\bt3\b|row granted/u);
    expect(en).toContain('matches no template row');
  });

  it('names a table given by its heading, and keeps an unknown sentence readable with its keys named', () => {
    expect(warningText('四、行政复议、行政诉讼情况: table not found in the text (an image, or not printed); no cells read', 'en')).not.toContain('四、');
    expect(warningText('t2.admin_fees.fee_amount: something new happened', 'zh')).not.toContain('admin_fees');
  });
});
