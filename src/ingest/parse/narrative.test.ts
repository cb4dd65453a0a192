import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../model/report.ts';
import { DEFAULT_DEMO_SEED } from '../../demo/corpus.ts';
import { generateDemoReports } from '../../demo/generate.ts';
import { renderReport } from '../../demo/render.ts';
import { extractMetrics, normaliseProse } from './narrative.ts';

/** What a metric must agree on; evidence is for people and may differ in trimming. */
function essence(metric: Metric) {
  return {
    key: metric.key,
    value: metric.value,
    unit: metric.unit,
    platform: metric.platform ?? null,
    account: metric.account ?? null,
    approx: metric.approx ?? false,
  };
}

describe('extractMetrics on invented prose', () => {
  const prose = [
    '一、总体情况',
    '2023年，示例省甲市教育局全年主动公开政府信息 1,208 条，其中在甲市教育局门户网站发布动态信息 356 条；',
    '共公开政策性文件 12 件，发布政策解读二十五篇，召开新闻发布会三场，编印《甲市教育》公报 4 期。',
    '截至 2023 年 12 月 31 日，“甲市教育”微信公众号，粉丝量达2.3万人，推送文章 420 篇；甲市教育微博，粉丝 8600 个，发布微博 1 024 条。',
    '全年答复群众咨询 310 件，投诉 12 件，建议 7 件；举办政府开放日活动 2 次。政府集中采购金额 251000 元。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ].join('\n');
  const metrics = extractMetrics(prose);

  it('finds every stated figure with its printed unit', () => {
    expect(metrics.map(essence)).toEqual([
      { key: 'proactive_items_total', value: 1208, unit: '条', platform: null, account: null, approx: false },
      { key: 'portal_posts', value: 356, unit: '条', platform: null, account: '甲市教育局门户网站', approx: false },
      { key: 'policy_docs_published', value: 12, unit: '件', platform: null, account: null, approx: false },
      { key: 'policy_interpretations', value: 25, unit: '篇', platform: null, account: null, approx: false },
      { key: 'press_conferences', value: 3, unit: '场', platform: null, account: null, approx: false },
      { key: 'gazette_issues', value: 4, unit: '期', platform: null, account: null, approx: false },
      { key: 'newmedia_followers', value: 23000, unit: '人', platform: 'wechat', account: '“甲市教育”微信公众号', approx: false },
      { key: 'newmedia_posts', value: 420, unit: '篇', platform: 'wechat', account: '“甲市教育”微信公众号', approx: false },
      { key: 'newmedia_followers', value: 8600, unit: '个', platform: 'weibo', account: '甲市教育微博', approx: false },
      { key: 'newmedia_posts', value: 1024, unit: '条', platform: 'weibo', account: '甲市教育微博', approx: false },
      { key: 'inquiries_answered', value: 310, unit: '件', platform: null, account: null, approx: false },
      { key: 'complaints', value: 12, unit: '件', platform: null, account: null, approx: false },
      { key: 'suggestions', value: 7, unit: '件', platform: null, account: null, approx: false },
      { key: 'open_day_events', value: 2, unit: '次', platform: null, account: null, approx: false },
      { key: 'procurement_amount', value: 25.1, unit: '万元', platform: null, account: null, approx: false },
      { key: 'info_processing_fee', value: 0, unit: '元', platform: null, account: null, approx: false },
    ]);
  });

  it('keeps the clause a figure came from as evidence', () => {
    const followers = metrics.find((metric) => metric.key === 'newmedia_followers');
    expect(followers?.evidence).toBe('“甲市教育”微信公众号，粉丝量达2.3万人');
    expect(metrics.find((metric) => metric.key === 'complaints')?.evidence).toBe('投诉 12 件');
  });

  it('marks approximate figures', () => {
    const [metric] = extractMetrics('全年主动公开各类政府信息 5500 余条，');
    expect(essence(metric)).toMatchObject({ key: 'proactive_items_total', value: 5500, approx: true });
  });

  it('reads a collected fee in 元', () => {
    const [metric] = extractMetrics('2024 年，全年收取政府信息公开信息处理费 3,940 元。');
    expect(essence(metric)).toMatchObject({ key: 'info_processing_fee', value: 3940, unit: '元' });
  });
});

describe('extractMetrics on accounts of bodies whose names contain 和', () => {
  it.each([
    '戊市住房和城乡建设局政务微信',
    '示例省人力资源和社会保障厅微信公众号',
    '甲市发展和改革委员会官方微博',
    '乙县文化和旅游局抖音号',
    '示例省自然资源和规划厅头条号',
  ])('credits the figures to %s', (account) => {
    const metrics = extractMetrics(`${account}，粉丝量5518个，发布内容1693条。`);
    expect(metrics.map((metric) => [metric.key, metric.value, metric.account])).toEqual([
      ['newmedia_followers', 5518, account],
      ['newmedia_posts', 1693, account],
    ]);
  });

  it('still reads 和 between two channels or two bodies as a list', () => {
    expect(extractMetrics('通过门户网站和政务微信发布信息 300 条；政务微博和政务微信粉丝 3000 个。')).toEqual([]);
    expect(extractMetrics('局机关和下属单位微信公众号，粉丝 100 个，发布内容 20 条。')).toEqual([]);
  });
});

describe('extractMetrics on the demo corpus', () => {
  it('finds every figure the generator wrote, with its account, and nothing else', () => {
    const reports = generateDemoReports({ seed: DEFAULT_DEMO_SEED, years: [2020, 2023] });
    const isEqual = (a: ReturnType<typeof essence>, b: ReturnType<typeof essence>) => JSON.stringify(a) === JSON.stringify(b);
    const wrong = reports.flatMap((report) => {
      const found = extractMetrics(renderReport(report, 'text-tab').content).map(essence);
      const expected = report.metrics.map(essence);
      const missing = expected.filter((metric) => !found.some((candidate) => isEqual(candidate, metric)));
      const extra = found.filter((metric) => !expected.some((candidate) => isEqual(candidate, metric)));
      return missing.length + extra.length === 0 ? [] : [{ report: `${report.agency.name} ${report.year}`, missing, extra }];
    });
    expect(reports.flatMap((report) => report.metrics).length).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });
});

describe('extractMetrics declines what the prose does not tie to a metric', () => {
  it('never credits a channel group or a list of channels to one account', () => {
    const metrics = extractMetrics(
      '在示例县两微一端发布各类信息 1808 条；依托政府网站、微信公众号，共公开 51 条防汛信息；',
    );
    expect(metrics.filter((metric) => metric.key.startsWith('newmedia'))).toEqual([]);
  });

  it('does not add channels up into a total', () => {
    const metrics = extractMetrics(
      '其中在示例网站公开动态信息 64 条，公开招投标信息 5050 条；在示例政务服务网发布动态信息 56 条。',
    );
    expect(metrics.some((metric) => metric.key === 'proactive_items_total')).toBe(false);
  });

  it('does not read service counts in 人次 as followers', () => {
    const metrics = extractMetrics('示例县政务服务APP服务用户 120 万人次，推送消息 35 条。');
    expect(metrics.map((metric) => metric.key)).toEqual(['newmedia_posts']);
  });

  it('does not take a category count or an application outcome for the proactive total', () => {
    expect(extractMetrics('主动公开行政许可信息 60 条；予以公开政府信息 5 件。')).toEqual([]);
  });

  it('skips a combined category and deputies’ proposals', () => {
    const metrics = extractMetrics('其中政府文件和解读信息 21 条；办理人大代表建议 15 件，政协委员提案 9 件。');
    expect(metrics).toEqual([]);
  });

  it('keeps the first stated total, not a later component of it', () => {
    const metrics = extractMetrics('全年共公布政府信息 2600 条（其中规划类信息 20 条，其他应主动公开政府信息 856 条）。');
    expect(metrics.filter((metric) => metric.key === 'proactive_items_total').map((metric) => metric.value)).toEqual([2600]);
  });

  it('reads traditional script with inline pinyin', () => {
    const [metric] = extractMetrics('全年主動(dòng)公開政府信息 300 條，發(fā)布政策解讀 6 篇。');
    expect(essence(metric)).toMatchObject({ key: 'proactive_items_total', value: 300 });
  });
});

describe('extractMetrics on accounts named in quotes and accounts carried over', () => {
  const brief = (text: string) => extractMetrics(text).map((metric) => [metric.key, metric.value, metric.account ?? null]);

  it('keeps a quoted name whole, even with 与 or a year before it', () => {
    expect(brief('通过“示例县卫生健康与计划生育局”微信公众平台发表文章 88 篇。')).toEqual([
      ['newmedia_posts', 88, '“示例县卫生健康与计划生育局”微信公众平台'],
    ]);
    expect(brief('2023年“丙镇发布”微信公众号共推送等文章 42 篇。')).toEqual([['newmedia_posts', 42, '“丙镇发布”微信公众号']]);
  });

  it('leaves the reporting body’s self-reference and the verb before it out of the name', () => {
    expect(brief('我局官方微信公众号累计发送了 50 条信息。')).toEqual([['newmedia_posts', 50, '官方微信公众号']]);
    expect(brief('建立庚镇微信公众号，全年推送工作动态 70 余篇。')).toEqual([['newmedia_posts', 70, '庚镇微信公众号']]);
  });

  it('reads an account named only as 政务新媒体“…”', () => {
    expect(brief('通过政务新媒体“丁区应急”发布稿件 300 余篇。')).toEqual([['newmedia_posts', 300, '“丁区应急”']]);
  });

  it('lets a list of topics end in 等 without losing the account', () => {
    expect(brief('依托丁区微信公众号发布工作动态、政策解读等内容，全年共推送文章 512 篇。')).toEqual([
      ['newmedia_posts', 512, '丁区微信公众号'],
    ]);
  });

  it('gives followers and posts of the next clause to the account just named', () => {
    expect(brief('开通“戊市交通”微信公众号，全年发送信息 120 条；截至年底累计发送 400 条信息，累计关注用户达 900 人。')).toEqual([
      ['newmedia_posts', 120, '“戊市交通”微信公众号'],
      ['newmedia_followers', 900, '“戊市交通”微信公众号'],
      ['newmedia_posts', 400, '“戊市交通”微信公众号'],
    ]);
  });

  it('declines followers gained, a series, a topic, and a quoted website column', () => {
    expect(brief('己县微信公众号本年新增关注用户 50 人，累计关注用户 700 人。')).toEqual([['newmedia_followers', 700, '己县微信公众号']]);
    expect(brief('己县微信公众号发布 200 篇《每日快检》系列文章。')).toEqual([]);
    expect(brief('己县微信公众号发布涉及物价的专项推文 30 条。')).toEqual([]);
    expect(brief('“己县发布”公众号推送信息 90 条，“己县网”要闻栏目更新信息 12 条。')).toEqual([
      ['newmedia_posts', 90, '“己县发布”公众号'],
    ]);
  });
});

describe('extractMetrics on counts named after the figure or by another body', () => {
  const brief = (text: string) => extractMetrics(text, 2023).map((metric) => [metric.key, metric.value]);

  it('takes "等共计N条政策解读", ignoring a year inside a title', () => {
    expect(brief('通过门户网站发布《2022—2025年示例规划》解读、《示例办法（试行）》解读等共计 6 条政策解读。')).toEqual([
      ['policy_interpretations', 6],
    ]);
  });

  it('declines a narrower count ("N条涉农补贴信息", "N条热线短号") and a residual category', () => {
    expect(brief('通过政府门户网站发布 45 条涉农补贴信息。')).toEqual([]);
    expect(brief('热线平台整合了投诉举报等 9 条热线短号。')).toEqual([]);
    expect(brief('应当主动公开的其他政府信息 14 条。')).toEqual([]);
  });

  it('declines a department’s figure quoted in a region-wide report', () => {
    expect(brief('区民政局持续公开救助信息，受理各类群众诉求 120 起。')).toEqual([]);
    expect(brief('通过热线平台受理群众政策咨询等方面的诉求共 130 件。')).toEqual([['inquiries_answered', 130]]);
  });

  it('reads 未制发 normative documents as zero and skips a cleanup of the stock', () => {
    expect(brief('行政规范性文件本年度未制发。')).toEqual([['policy_docs_published', 0]]);
    expect(brief('完成现行有效规范性文件清理和集中发布，共发布规范性文件 300 余份。')).toEqual([]);
  });

  it('keeps a bracketed remark inside its clause', () => {
    expect(brief('共在门户网站发布政府信息（文件）75 份。')).toEqual([['portal_posts', 75]]);
  });
});

describe('extractMetrics on overlong text', () => {
  it('reads a figure after a long run of tabs and in a sentence longer than any real one', () => {
    const tabs = `全年主动公开${'\t'.repeat(100_000)}政府信息 12 条。`;
    expect(extractMetrics(tabs).map((m) => [m.key, m.value])).toEqual([['proactive_items_total', 12]]);
    const long = `${'其中规划类信息 3 条，'.repeat(400)}全年共发布政策解读 7 篇。`;
    expect(extractMetrics(long).map((m) => [m.key, m.value])).toEqual([['policy_interpretations', 7]]);
  });
});

describe('normaliseProse', () => {
  it('ends a heading line as a sentence of its own', () => {
    expect(normaliseProse('（一）主动公开情况\n全年发布信息 30 条')).toBe('（一）主动公开情况。全年发布信息 30 条');
  });

  it('undoes PDF line wrapping and page numbers but keeps spaces beside figures', () => {
    expect(normaliseProse('市政府网站主动公开各类政\n府信息 5500 余条，\n -1- \n新闻发布会 12 场')).toBe(
      '市政府网站主动公开各类政府信息 5500 余条，新闻发布会 12 场',
    );
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(corpus, 'truth'));
if (!present) console.warn(`narrative corpus tests skipped: ${corpus} not found`);

describe.skipIf(!present)('extractMetrics on the real reports of ../shared/corpus', () => {
  const truthFiles = present ? readdirSync(path.join(corpus, 'truth')).filter((name) => name.endsWith('.json')) : [];
  const renderings = truthFiles.flatMap((truthFile) => {
    const stem = truthFile.replace(/\.json$/, '');
    return [`${stem}.txt`, `${stem}_layout.txt`].filter((name) => existsSync(path.join(corpus, name)))
      .map((file) => ({ file, truthFile }));
  });

  it('has text renderings to check', () => {
    expect(renderings.length).toBeGreaterThanOrEqual(9);
  });

  it.each(renderings)('$file: every truth metric is found', ({ file, truthFile }) => {
    const truth = JSON.parse(readFileSync(path.join(corpus, 'truth', truthFile), 'utf8')) as { metrics: Metric[] };
    const found = extractMetrics(readFileSync(path.join(corpus, file), 'utf8')).map(essence);
    for (const expected of truth.metrics) expect(found).toContainEqual(essence(expected));
  });

  it('Wuzhong 2020: the three accounts and nothing beyond the truth', () => {
    const truth = JSON.parse(readFileSync(path.join(corpus, 'truth', '2020_wuzhong-gov-service-centre.json'), 'utf8')) as { metrics: Metric[] };
    const found = extractMetrics(readFileSync(path.join(corpus, '2020_wuzhong-gov-service-centre.txt'), 'utf8'));
    expect(found.map(essence)).toEqual(expect.arrayContaining(truth.metrics.map(essence)));
    // Beyond the corpus truth, only figures the project's own hand-read truth also lists (宁夏政务服务网 56).
    const ours = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../data/truth/narrative/2020_wuzhong-gov-service-centre.json'), 'utf8')) as { metrics: { key: string; value: number }[] };
    for (const metric of found) expect(ours.metrics.some((m) => m.key === metric.key && m.value === metric.value), `${metric.key} ${metric.value}`).toBe(true);
  });
});
