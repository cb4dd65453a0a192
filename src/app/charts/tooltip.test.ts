import { describe, expect, it } from 'vitest';
import { newMediaRankOption } from './newmedia.ts';
import { EchartsHtml, escapeHtml, tooltipHtml } from './tooltip.ts';

const PAYLOAD = '<img src=x onerror="alert(1)">';

describe('tooltipHtml', () => {
  it('escapes every value and keeps the template’s own markup and ECharts’ marker', () => {
    expect(tooltipHtml`${PAYLOAD}<br>${12}`).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;<br>12');
    expect(tooltipHtml`${new EchartsHtml('<span class="dot"></span>')}${"a'b&c"}`).toBe('<span class="dot"></span>a&#39;b&#38;c');
    expect(escapeHtml('甲市教育局')).toBe('甲市教育局');
  });

  it('is what a chart’s tooltip returns for a name from the data', () => {
    const option = newMediaRankOption(
      [{ report_id: 'r', agency: `甲市${PAYLOAD}`, year: 2023, synthetic: true, platform: 'wechat', account: PAYLOAD, followers: 10, posts: null, posts_cumulative: false, approx: false, evidence: '', followers_jump: null }],
      { lang: 'zh', measure: 'followers', year: 2023 },
    );
    const series = (option.series as { data: unknown[] }[])[0]!;
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ data: series.data[0] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });
});
