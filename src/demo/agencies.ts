/**
 * The fictional administrative tree the demo corpus is drawn from. Every name starts with
 * 示例 and every place below it is a 天干/地支 stand-in, so no demo agency can be mistaken for a
 * real body.
 */
import type { Agency, AgencyLevel } from '../model/report.ts';
import { Random } from './random.ts';

const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];
/** Five provinces for the demo; past them (a national-scale corpus) 示例甲子省, 示例甲丑省…, some 73,000 agencies in all. */
const PROVINCES = ['示例省', '示例东省', '示例西省', '示例南省', '示例北省', ...STEMS.flatMap((stem) => BRANCHES.map((branch) => `示例${stem}${branch}省`))];

const PROVINCIAL_DEPTS = ['人民政府办公厅', '教育厅', '公安厅', '财政厅', '自然资源厅', '生态环境厅', '住房和城乡建设厅', '交通运输厅', '卫生健康委员会', '市场监督管理局'];
const PREFECTURE_DEPTS = ['人民政府办公室', '教育局', '公安局', '财政局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '卫生健康委员会', '市场监督管理局', '人力资源和社会保障局', '政务服务管理局'];
const COUNTY_DEPTS = ['人民政府办公室', '教育局', '公安局', '民政局', '卫生健康局', '市场监督管理局', '自然资源局'];

const CITIES_PER_PROVINCE = 10;
const COUNTIES_PER_CITY = 4;
const TOWNSHIPS_PER_COUNTY = 3;

/** Every agency of one fictional province, parents before children. */
function provinceTree(province: string): Agency[] {
  const out: Agency[] = [];
  const add = (name: string, level: AgencyLevel, city: string | null, county: string | null) =>
    out.push({
      name, level, province, city, county, region_code: null,
      is_aggregate: level === 'provincial_gov' || level === 'prefecture_gov' || level === 'county_gov',
    });

  add(`${province}人民政府`, 'provincial_gov', null, null);
  for (const dept of PROVINCIAL_DEPTS) add(`${province}${dept}`, 'provincial_dept', null, null);
  for (let c = 0; c < CITIES_PER_PROVINCE; c++) {
    const city = `${STEMS[c]}市`;
    const cityPrefix = `${province}${city}`;
    add(`${cityPrefix}人民政府`, 'prefecture_gov', city, null);
    for (const dept of PREFECTURE_DEPTS) add(`${cityPrefix}${dept}`, 'prefecture_dept', city, null);
    if (c % 3 === 0) add(`${cityPrefix}示例经济技术开发区管理委员会`, 'zone', city, null);
    for (let k = 0; k < COUNTIES_PER_CITY; k++) {
      const county = `${BRANCHES[(c + k * 3) % BRANCHES.length]}${k % 2 === 0 ? '县' : '区'}`;
      const countyPrefix = `${cityPrefix}${county}`;
      add(`${countyPrefix}人民政府`, 'county_gov', city, county);
      for (const dept of COUNTY_DEPTS) add(`${countyPrefix}${dept}`, 'county_dept', city, county);
      for (let t = 0; t < TOWNSHIPS_PER_COUNTY; t++) {
        const stem = STEMS[(c + k + t * 4) % STEMS.length];
        const name = county.endsWith('区') && t === 0 ? `${countyPrefix}${stem}街道办事处` : `${countyPrefix}${stem}${t === 2 ? '乡' : '镇'}人民政府`;
        add(name, 'township', city, county);
      }
    }
  }
  return out;
}

/**
 * `count` agencies drawn from the fictional tree: a seeded sample that keeps the tree's mix of
 * levels, returned in tree order (a province's government before its departments and cities).
 */
export function demoAgencies(seed: number, count: number): Agency[] {
  const pool: Agency[] = [];
  for (const province of PROVINCES) {
    pool.push(...provinceTree(province));
    if (pool.length >= count * 1.5) break;
  }
  if (count > pool.length) throw new Error(`demo agencies: asked for ${count}, the fictional tree holds only ${pool.length}`);
  const random = Random.derive(seed, 'agencies');
  const order = pool.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, count).sort((a, b) => a - b).map((i) => pool[i]);
}
