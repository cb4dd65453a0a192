import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AgencyLevel } from '../../model/report.ts';
import { DEFAULT_DEMO_SEED } from '../../demo/corpus.ts';
import { DEFAULT_DEMO_AGENCIES, generateDemoReports } from '../../demo/generate.ts';
import { reportTitle } from '../../demo/render.ts';
import { identifyReport } from './agency.ts';

describe('identifyReport on invented pages', () => {
  it('skips site chrome and a metadata block and reads the title', () => {
    const identity = identifyReport([
      '示例省甲市人民政府门户网站',
      '当前位置：首页 > 政府信息公开 > 政府信息公开年报',
      '政府信息公开',
      '政府信息公开年报',
      '发布时间：2024-01-20  来源：甲市教育局',
      '宿迁市教育局2023年政府信息公开工作年度报告',
      '一、总体情况',
    ]);
    expect(identity).toEqual({
      agency: { name: '宿迁市教育局', level: 'prefecture_dept', province: '江苏省', city: '宿迁市', county: null, region_code: '321300', is_aggregate: false },
      year: 2023,
      warnings: [],
    });
  });

  it('joins a title split over two lines', () => {
    const identity = identifyReport(['', '   宿迁市人民政府', '  2022 年政府信息公开工作年度报告', '本报告由宿迁市人民政府办公室根据……编制。']);
    expect(identity.agency).toMatchObject({ name: '宿迁市人民政府', level: 'prefecture_gov' });
    expect(identity.year).toBe(2022);
  });

  it('drops a site name glued before the title and a notice wrapped around it', () => {
    expect(identifyReport(['宿迁市人民政府门户网站 - 宿迁市教育局2023年政府信息公开工作年度报告']).agency.name).toBe('宿迁市教育局');
    expect(identifyReport(['关于宿城区2023年政府信息公开工作年度报告的公告']).agency)
      .toMatchObject({ name: '宿城区', level: 'county_gov', city: '宿迁市' });
  });

  it('reads a traditional-script mirror with inline pinyin', () => {
    const identity = identifyReport(['廣東省人民政府2020年政府信息公開工作年度報(bào)告']);
    expect(identity.agency).toMatchObject({ name: '广东省人民政府', level: 'provincial_gov', province: '广东省' });
    expect(identity.year).toBe(2020);
  });

  it('takes the year from the statistics period when the title has none', () => {
    const identity = identifyReport([
      '驼铃路街道办事处政府信息公开工作年度报告',
      '本报告所列数据统计期限为2021年1月1日至2021年12月31日。',
    ]);
    expect(identity.year).toBe(2021);
    expect(identity.agency).toMatchObject({ name: '驼铃路街道办事处', level: 'township' });
  });

  it('restores a city the title dropped from the intro', () => {
    const identity = identifyReport([
      '市人民政府办公室2025年政府信息公开工作年度报告',
      '现公开宿迁市人民政府办公室2025年政府信息公开工作年度报告。',
    ]);
    expect(identity.agency).toMatchObject({ name: '宿迁市人民政府办公室', level: 'prefecture_dept', city: '宿迁市' });
  });

  it('names the body from the intro when there is no title', () => {
    const identity = identifyReport([
      '根据《中华人民共和国政府信息公开条例》，现将宿迁市教育局2021年度政府信息公开工作情况报告如下：',
      '一、总体情况',
    ]);
    expect(identity.agency.name).toBe('宿迁市教育局');
    expect(identity.year).toBe(2021);
  });

  it('falls back on the page metadata when the text names no body', () => {
    const identity = identifyReport(['- 发布机构: 宿迁市教育局', '- 发布日期: 2024-01-20', '2023年政府信息公开工作年度报告']);
    expect(identity.agency).toMatchObject({ name: '宿迁市教育局', level: 'prefecture_dept' });
    expect(identity.year).toBe(2023);
  });

  it('says so instead of guessing when nothing names the body or the year', () => {
    const identity = identifyReport(['一、总体情况', '我局积极落实政府信息公开工作要求。', '二、主动公开政府信息情况']);
    expect(identity.agency).toMatchObject({ name: null, level: null, province: null, city: null, county: null });
    expect(identity.year).toBeNull();
    expect(identity.warnings).toHaveLength(2);
  });

  it('does not take the year of a cited notice or a later signature date', () => {
    const identity = identifyReport([
      '示例街道办事处政府信息公开工作年度报告',
      '根据《关于做好2020年度政府信息公开工作年度报告的通知》要求编制。',
      '2022年1月20日',
    ]);
    expect(identity.year).toBeNull();
  });
});

describe('identifyReport on the demo corpus', () => {
  // The seeded corpus draws its agencies from one fictional province; a larger draw reaches
  // three of them. The generator's agency is the truth for each.
  it.each([
    ['seeded', DEFAULT_DEMO_AGENCIES],
    ['wider', 1000],
  ])('gives every agency of the %s demo corpus the generator’s region and level', (_, agencies) => {
    const reports = generateDemoReports({ seed: DEFAULT_DEMO_SEED, agencies, years: [2023] });
    expect(new Set(reports.map((report) => report.agency.level)).size).toBeGreaterThanOrEqual(7);
    const wrong = reports.flatMap((report) => {
      const { agency, year } = identifyReport(['示例省人民政府门户网站', reportTitle(report), '一、总体情况']);
      const same = year === report.year
        && (['name', 'level', 'province', 'city', 'county'] as const).every((key) => agency[key] === report.agency[key]);
      return same ? [] : [`${reportTitle(report)}: ${JSON.stringify(agency)}`];
    });
    expect(wrong).toEqual([]);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`agency corpus tests skipped: ${corpus} not found`);

/** MANIFEST level words → the levels a report of that kind may have. */
const MANIFEST_LEVELS: Record<string, AgencyLevel[]> = {
  department: ['provincial_dept', 'prefecture_dept', 'county_dept'],
  municipal: ['prefecture_gov', 'zone'],
  county: ['county_gov'],
  township: ['township'],
  provincial: ['provincial_gov'],
  national: ['central'],
};

/**
 * The MANIFEST places 双塔区 under 铁岭市; GB/T 2260 (and the code table) has 双塔区 only
 * under 朝阳市 in 辽宁省, so the city is checked against the table, not the MANIFEST, there.
 */
const MANIFEST_CITY_DISPUTED = new Set(['2020_tieling-shuangta-qianjin-subdistrict.txt']);
/** The MANIFEST names the body, but this excerpt only says 我局: nothing to find. */
const NOT_NAMED_IN_TEXT = new Set(['2020_wuhan-ecology-environment-bureau-trad-mirror.txt']);

/** 红河哈尼族彝族自治州 is written 红河州 in the MANIFEST. */
function shortForm(division: string): string {
  return division.replace(/^(\p{Script=Han}{2})\p{Script=Han}*自治州$/u, '$1州');
}

describe.skipIf(!present)('identifyReport on the real reports of ../shared/corpus', () => {
  const rows = present
    ? readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'))
    : [];
  const textRows = rows
    .filter(([file]) => file.endsWith('.txt'))
    .map(([file, agency, region, level, year]) => ({ file, agency, region, level, year: Number(year) }));

  it.each(textRows)('$file', ({ file, agency, region, level, year }) => {
    const identity = identifyReport(readFileSync(path.join(corpus, file), 'utf8').split(/\r?\n/));
    const yearNotStated = /YEAR NOT STATED/.test(rows.find(([name]) => name === file)!.join('\t'));
    expect(identity.year).toBe(yearNotStated ? null : year);

    const stated = !/[（(]/.test(agency) && !NOT_NAMED_IN_TEXT.has(file);
    if (stated) expect(identity.agency.name).not.toBeNull();
    const { name, level: found, province, city, county } = identity.agency;
    if (name === null) return;
    // The text may give less than the MANIFEST's full name (钟祥镇 for 仁寿县钟祥镇人民政府,
    // 区政府办公室 for 武汉市汉阳区人民政府办公室), never other words.
    const manifestName = agency.replace(/[（(].*$/, '').replace('人民政府', '政府');
    if (stated) expect(manifestName).toContain(name.replace('人民政府', '政府'));
    if (found !== null && MANIFEST_LEVELS[level]) expect(MANIFEST_LEVELS[level]).toContain(found);
    for (const part of [province, MANIFEST_CITY_DISPUTED.has(file) ? null : city, county]) {
      if (part) expect(region.includes(part) || region.includes(shortForm(part))).toBe(true);
    }
  });

  it('Wuzhong 2020', () => {
    const identity = identifyReport(readFileSync(path.join(corpus, '2020_wuzhong-gov-service-centre.txt'), 'utf8').split('\n'));
    expect(identity.agency).toMatchObject({
      name: '吴忠市政务服务中心', level: 'prefecture_dept', province: '宁夏回族自治区', city: '吴忠市', county: null,
    });
    expect(identity.year).toBe(2020);
  });
});
