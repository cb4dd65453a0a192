import { describe, expect, it } from 'vitest';
import { agencyAxisLabel } from './agency-labels.ts';

describe('agencyAxisLabel', () => {
  it('keeps what tells agencies of one region apart, and the year after the name', () => {
    expect(agencyAxisLabel('平潭综合实验区交通与建设局')).toBe('…合实验区交通与建设局');
    expect(agencyAxisLabel('平潭综合实验区市场监督管理局 2024', 14)).toBe('…区市场监督管理局 2024');
    expect(agencyAxisLabel('示例省教育厅')).toBe('示例省教育厅');
  });
});
