import { describe, expect, it } from 'vitest';
import type { AgencyLevel } from '../../model/report.ts';
import { describeAgency } from './regions.ts';

describe('describeAgency', () => {
  it.each([
    ['吴忠市政务服务中心', 'prefecture_dept', '宁夏回族自治区', '吴忠市', null],
    ['淮安市人民政府', 'prefecture_gov', '江苏省', '淮安市', null],
    ['淮安市洪泽区人民政府', 'county_gov', '江苏省', '淮安市', '洪泽区'],
    ['洪泽区人民政府', 'county_gov', '江苏省', '淮安市', '洪泽区'],
    ['昆山市人民政府', 'county_gov', '江苏省', '苏州市', '昆山市'],
    ['亳州市人民政府办公室', 'prefecture_dept', '安徽省', '亳州市', null],
    ['广东省人民政府', 'provincial_gov', '广东省', null, null],
    ['浙江省教育厅', 'provincial_dept', '浙江省', null, null],
    ['上海市人民政府', 'provincial_gov', '上海市', null, null],
    ['上海市公安局', 'provincial_dept', '上海市', null, null],
    ['重庆市九龙坡区二郎街道办事处', 'township', '重庆市', null, '九龙坡区'],
    ['乐至县回澜镇人民政府', 'township', '四川省', '资阳市', '乐至县'],
    ['红河州人民政府', 'prefecture_gov', '云南省', '红河哈尼族彝族自治州', null],
    ['平潭综合实验区', 'prefecture_gov', '福建省', '平潭综合实验区', null],
    ['示例市经济技术开发区管委会', 'zone', null, '示例市', null],
    ['国家新闻出版署', 'central', null, null, null],
    ['教育部', 'central', null, null, null],
    ['国家税务总局江苏省税务局', 'central_branch', null, null, null],
    ['区统计局', 'county_dept', null, null, null],
    ['钟祥镇人民政府', 'township', null, null, null],
  ] as [string, AgencyLevel, string | null, string | null, string | null][])(
    '%s → %s %s/%s/%s',
    (name, level, province, city, county) => {
      expect(describeAgency(name)).toMatchObject({ name, level, province, city, county });
    },
  );

  describe('places the code table does not know, split by their administrative endings', () => {
    it.each([
      ['示例省人民政府', 'provincial_gov', '示例省', null, null],
      ['示例省人民政府办公厅', 'provincial_dept', '示例省', null, null],
      ['示例省住房和城乡建设厅', 'provincial_dept', '示例省', null, null],
      ['示例省市场监督管理局', 'provincial_dept', '示例省', null, null],
      ['示例省甲市人民政府', 'prefecture_gov', '示例省', '甲市', null],
      ['示例省甲市教育局', 'prefecture_dept', '示例省', '甲市', null],
      ['示例省甲市人民政府办公室', 'prefecture_dept', '示例省', '甲市', null],
      ['示例省甲市市场监督管理局', 'prefecture_dept', '示例省', '甲市', null],
      ['示例省甲市城市管理局', 'prefecture_dept', '示例省', '甲市', null],
      ['示例省乙市民政局', 'prefecture_dept', '示例省', '乙市', null],
      ['示例省乙市政务服务管理局', 'prefecture_dept', '示例省', '乙市', null],
      ['示例省乙市市政工程管理处', 'prefecture_dept', '示例省', '乙市', null],
      ['示例省新州市教育局', 'prefecture_dept', '示例省', '新州市', null],
      ['示例省甲市示例经济技术开发区管理委员会', 'zone', '示例省', '甲市', null],
      ['示例东省甲市子县人民政府', 'county_gov', '示例东省', '甲市', '子县'],
      ['示例东省甲市丑区人民政府办公室', 'county_dept', '示例东省', '甲市', '丑区'],
      ['示例省子县乡村振兴局', 'county_dept', '示例省', null, '子县'],
      ['示例自治区甲地区乙市住房和城乡建设局', 'county_dept', '示例自治区', '甲地区', '乙市'],
      ['示例省甲市子县甲镇人民政府', 'township', '示例省', '甲市', '子县'],
      ['示例省甲市丑区甲街道办事处', 'township', '示例省', '甲市', '丑区'],
      ['江苏省示例市教育局', 'prefecture_dept', '江苏省', '示例市', null],
      ['淮安市示例区人民政府', 'county_gov', '江苏省', '淮安市', '示例区'],
    ] as [string, AgencyLevel, string | null, string | null, string | null][])(
      '%s → %s %s/%s/%s',
      (name, level, province, city, county) => {
        expect(describeAgency(name)).toMatchObject({ name, level, province, city, county });
      },
    );
  });

  it('keeps only what namesakes share when a district name is not unique', () => {
    expect(describeAgency('朝阳区人民政府')).toMatchObject({ level: 'county_gov', province: null, county: null });
  });
});
