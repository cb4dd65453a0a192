/**
 * Who filed the report and for which year: the title (or, without one, the sentences that name
 * the body); region and level then come from the division table in regions.ts (docs/domain.md §9).
 */
import { describeAgency, emptyAgency, escapeRegExp, fillRegionFromText, isBareRegion, isBelowPrefecture, startsWithRegion } from './regions.ts';
import { normaliseScript } from './script.ts';
import type { Agency } from '../../model/report.ts';

export interface ReportIdentity {
  agency: Agency;
  year: number | null;
  warnings: string[];
}

const TITLE_TAIL = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/u;
const NOT_A_TITLE = /^(?:根据|依据|按照|本报告|本年报|本年度报告|现将|为|特|如|《)|[>》]|https?:|\/|当前位置|所在的位置/u;
const LABEL = /^(?:标题|题名|名称|文章标题)\s*[:：]\s*/u;
const AGENCY_SUFFIX =
  /(?:人民政府|政府|办公厅|办公室|委员会|管理局|局|厅|署|部|委|中心|办事处|街道|镇|乡|管委会|实验区|管理区|新区|开发区|区|县|市|州|盟|旗|省|自治区)$/u;

/**
 * Agency, year and region of one report from its lines, top first. Site chrome, breadcrumbs,
 * metadata blocks and crawler headers may come before the title; the title may be split over
 * two lines, duplicated, lack a year or lack its city. The year never comes from a file name.
 */
export function identifyReport(lines: string[]): ReportIdentity {
  const warnings: string[] = [];
  const clean = normaliseScript(lines.join('\n'))
    .normalize('NFKC')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim());
  const head = clean.slice(0, 60);
  const title = findTitle(head);
  const statedNames = namesStatedInText(head);

  let name = title?.agency ?? null;
  if (name && isBareRegion(name)) {
    const fuller = statedNames.find((stated) => new RegExp(`^${escapeRegExp(name!)}(?:人民政府|政府|办事处)$`, 'u').test(stated));
    if (fuller) name = fuller;
  }
  if (name && /^[省市区县镇乡]/u.test(name) && !startsWithRegion(name)) {
    name = headLineNaming(head, name) ?? name;
  }
  if (!name) name = statedNames[0] ?? null;
  if (!name) warnings.push('agency: the text names no reporting body (no title, no 本报告由…/现将… sentence)');

  const year = title?.year ?? yearFromText(clean);
  if (year === null) warnings.push('year: the text states no report year (no year in the title, no statistics period)');

  const agency = name ? describeAgency(name) : emptyAgency();
  if (agency.level && !agency.county && isBelowPrefecture(agency.level)) fillRegionFromText(agency, clean);
  if (name && agency.level === null) warnings.push(`agency: cannot tell the level of 「${name}」`);
  return { agency, year, warnings };
}

/** "市人民政府办公室" in the title, "现公开天门市人民政府办公室…" in the intro. */
function headLineNaming(lines: string[], regionless: string): string | null {
  const pattern = new RegExp(`\\p{Script=Han}{1,12}${escapeRegExp(regionless)}`, 'gu');
  for (const line of lines) {
    for (const match of line.matchAll(pattern)) {
      for (let start = 0; start < match[0].length - regionless.length; start++) {
        const candidate = match[0].slice(start);
        if (startsWithRegion(candidate)) return candidate;
      }
    }
  }
  return null;
}

interface Title {
  agency: string | null;
  year: number | null;
}

/** The first title that names a body; failing that, the first with a year. A bare column name
 * such as "政府信息公开年报" in a breadcrumb is neither. */
function findTitle(lines: string[]): Title | null {
  let yearOnly: Title | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(LABEL, '');
    if (!line || line.length > 60 || NOT_A_TITLE.test(line)) continue;
    const tail = TITLE_TAIL.exec(line);
    if (!tail) continue;
    const head = line.slice(0, tail.index).replace(/\s+/gu, '');
    const yearMatch = /(\d{4})年度?/u.exec(head);
    const year = plausibleYear(yearMatch ? Number(yearMatch[1]) : null);
    const parts = yearMatch ? [head.slice(0, yearMatch.index), head.slice(yearMatch.index + yearMatch[0].length)] : [head];
    // A bare column name ("政府信息公开年报" in a breadcrumb) has no year: it is not a split title.
    const agency = parts.map(cleanAgencyName).find((part) => part) ?? (year !== null ? agencyOnLineBefore(lines, index) : null);
    if (agency) return { agency, year };
    if (year !== null) yearOnly ??= { agency: null, year };
  }
  return yearOnly;
}

function cleanAgencyName(raw: string): string | null {
  const name = raw
    .replace(/^.*[-_|｜—]/u, '')
    .replace(/^.*关于(?:印发|公布|发布)/u, '')
    .replace(/^(?:关于|公布|发布)|关于(?:报送|上报|呈报|提交|印发)?$/u, '')
    .replace(/(?:\(机关\)|本级|的)$/u, '')
    .replace(/[“”"'《》]/gu, '');
  return name.length >= 2 && /\p{Script=Han}/u.test(name) ? name : null;
}

/** "淮安市人民政府" on one line, "2024 年政府信息公开工作年度报告" on the next. */
function agencyOnLineBefore(lines: string[], titleIndex: number): string | null {
  for (let index = titleIndex - 1; index >= 0 && index >= titleIndex - 3; index--) {
    const line = lines[index].replace(/\s+/gu, '');
    if (!line) continue;
    return line.length <= 30 && /^\p{Script=Han}+$/u.test(line) && AGENCY_SUFFIX.test(line) ? line : null;
  }
  return null;
}

const NAME = '([\\p{Script=Han}()]{2,30}?)';
const CONTACT_PATTERN = new RegExp(`请与${NAME}(?:联系|\\(|,|。)`, 'u');
const STATED_NAME_PATTERNS = [
  new RegExp(`本(?:年度)?(?:报告|年报)由${NAME}(?:根据|依据|按照|结合|编制)`, 'u'),
  new RegExp(`由${NAME}(?:根据|依据|按照|结合)[^。]*编制`, 'u'),
  new RegExp(`(?:现将|现公布|现公开|编制了?|公布)${NAME}\\d{4}年`, 'u'),
  new RegExp(`公布\\d{4}年度?${NAME}(?:政府)?(?:\\(机关\\))?信息公开`, 'u'),
  CONTACT_PATTERN,
  new RegExp(`(?:^|。)\\d{4}年,${NAME}(?:在|坚持|认真|严格|按照|围绕|以|深入|全面|始终|紧紧|积极|高度重视|不断|进一步)`, 'u'),
  // Page metadata comes last: it may name the office that posted the page, not the author.
  new RegExp(`^(?:-\\s*)?(?:发布机构|发文机关|发布单位|信息来源|来源)\\s*:\\s*${NAME}(?=\\s|$|时间|日期|发布|浏览|字号)`, 'u'),
];

/** Names the opening sentences give the reporting body, best evidence first. */
function namesStatedInText(lines: string[]): string[] {
  const names: string[] = [];
  for (const pattern of STATED_NAME_PATTERNS) {
    for (const line of lines) {
      let name = pattern.exec(line)?.[1];
      if (!name) continue;
      name = name.replace(/^(?:我|本)[局委办厅署处单位街镇乡区县市]+/u, '');
      // A contact office speaks for the government it serves: "请与XX县人民政府办公室联系".
      if (pattern === CONTACT_PATTERN) name = name.replace(/(人民政府)(?:党政办公室|党政办|办公室)$/u, '$1');
      if (name.length >= 2 && AGENCY_SUFFIX.test(name) && !/^(?:我|本)/u.test(name)) names.push(name);
    }
  }
  return names;
}

function yearFromText(lines: string[]): number | null {
  const text = lines.join('\n');
  const opening = lines.slice(0, 60).join('\n');
  const period = /统计(?:期限|时间|时限|期间|区间|范围)[^。\n]{0,12}?(\d{4})年1月1日/u.exec(opening)
    ?? /自(\d{4})年1月1日(?:起)?(?:至|到|-)/u.exec(opening);
  if (period) return plausibleYear(Number(period[1]));
  const firstSentence = /^(?:一、总体情况\s*)?(\d{4})年度?,/mu.exec(opening);
  if (firstSentence) return plausibleYear(Number(firstSentence[1]));
  const stated = /(?:公布|现将|现公布|现公开|编制了?)(?:我[局委办厅署处街镇乡区县市]|本级)?(\d{4})年度?/u.exec(opening);
  if (stated) return plausibleYear(Number(stated[1]));
  // Only when the prose speaks of a single year: a later signature date or next year's plan
  // makes the year uncertain, and then none is given.
  const mentioned = new Set<number>();
  const outsideCitations = text.replace(/《[^》]*》|〔[^〕]*〕|\[[^\]]*\]/gu, '');
  for (const match of outsideCitations.matchAll(/(\d{4})年(?!\d{1,2}月(?!1日))/gu)) mentioned.add(Number(match[1]));
  return mentioned.size === 1 ? plausibleYear([...mentioned][0]) : null;
}

function plausibleYear(year: number | null): number | null {
  return year !== null && year >= 2007 && year <= 2100 ? year : null;
}
