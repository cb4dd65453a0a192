/**
 * Narrative metrics (contract.md metric keys) from the prose of sections 一 and 六.
 * Precision over recall: a figure is taken only where a wording pattern ties it to its metric
 * in the same clause, and new-media figures only where an account is named before them in the
 * same sentence. Channel figures are never added up into totals (domain.md §7.4 rule 18).
 */
import { METRIC_UNITS } from '../../model/report.ts';
import type { Metric, MetricKey, Platform } from '../../model/report.ts';
import { normaliseScript } from './agency.ts';
import { NUMBER_SOURCE, parseProseNumber, toWanYuan } from './numbers.ts';

const NUM = `(?<num>${NUMBER_SOURCE})`;
/** A stretch of words inside one clause, with no figure in it. */
const GAP = (max: number) => `[^，,。；;\\d０-９]{0,${max}}?`;

interface MetricRule {
  key: MetricKey;
  pattern: RegExp;
  /** The clause must not match this (a component figure, another body's figures…). */
  unless?: RegExp;
}

function rule(key: MetricKey, source: string, unless?: RegExp): MetricRule {
  return { key, pattern: new RegExp(source, 'u'), unless };
}

const PROACTIVE_EXCLUDED = /^(?:其中|包括)|依申请|申请|予以公开|不予公开|部分公开/u;

const RULES: MetricRule[] = [
  rule('proactive_items_total',
    `主动(?:公开|发布)(?:${GAP(16)}政府信息|(?:各类|全部)?(?:政务)?信息)(?:数|数量)?(?:共|共计|合计|总计|达)?\\s*${NUM}\\s*(?<unit>条|件)`,
    PROACTIVE_EXCLUDED),
  rule('proactive_items_total',
    `(?:公开|公布|发布)${GAP(12)}政府信息(?:数|数量)?(?:共|共计|合计|总计|达)?\\s*${NUM}\\s*(?<unit>条|件)`,
    PROACTIVE_EXCLUDED),
  rule('portal_posts',
    `(?<account>[^，,。；;\\d０-９]{0,24}?(?:门户网站|政府网站|网站))(?:上)?(?:共|共计|累计|全年)?` +
      `(?:公开|发布|更新|刊发)(?:各类|各项)?(?:动态|政务|工作)?(?:信息|稿件|文章)(?:共|共计)?\\s*${NUM}\\s*(?<unit>条|篇)`,
    /主动(?:公开|发布).*政府信息/u),
  rule('policy_docs_published', `政策性文件\\s*(?:共|共计)?\\s*${NUM}\\s*(?<unit>件|个|篇)`),
  rule('policy_docs_published',
    `主动公开${GAP(12)}(?:行政)?规范性文件\\s*${NUM}\\s*(?<unit>件)`,
    /现行有效|废止|清理|其中/u),
  rule('policy_interpretations',
    `解读(?:信息|材料|稿件|文章|产品)?(?:发布)?(?:共|共计)?\\s*${NUM}\\s*(?<unit>篇|条|件|个|期|项)`,
    /解读率|[和及与]解读/u),
  rule('policy_interpretations',
    `对\\s*${NUM}\\s*(?<unit>项|件|个|篇)${GAP(40)}政策${GAP(12)}(?:进行|开展)?解读`),
  rule('press_conferences', `新闻发布(?:会|活动)\\s*(?:共|共计)?\\s*${NUM}\\s*(?<unit>场|次)`),
  rule('press_conferences',
    `(?:召开|举办|举行|组织)了?\\s*(?:共)?\\s*${NUM}\\s*(?<unit>场|次)${GAP(16)}新闻发布(?:会|活动)`),
  rule('gazette_issues', `公报》?\\s*(?:共|共计)?\\s*${NUM}\\s*(?<unit>期)`),
  rule('inquiries_answered',
    `(?:答复|受理|办理|回复|解答|处理)(?:群众|网民|公众|政府信息)?(?:咨询|留言)(?:信息|问题|件)?(?:共|共计)?\\s*${NUM}\\s*(?<unit>件|条|人次|次|个)`),
  rule('complaints', `投诉(?:举报)?(?:类)?\\s*${NUM}\\s*(?<unit>件|条|次)`),
  rule('suggestions', `(?<!意见|代表|委员)建议(?:类)?\\s*${NUM}\\s*(?<unit>件)`, /代表|委员|提案|人大|政协/u),
  rule('open_day_events', `开放日(?:活动)?\\s*(?:共|共计)?\\s*${NUM}\\s*(?<unit>次|场|期)`),
  rule('open_day_events',
    `(?:开展|举办|组织|举行)了?\\s*${NUM}\\s*(?<unit>次|场|期)${GAP(12)}开放日`),
  rule('procurement_amount',
    `采购(?:总)?金额(?:为|达|共|合计)?\\s*${NUM}\\s*(?<unit>万元|亿元|元)`),
  rule('info_processing_fee',
    `信息处理费(?:收入)?(?:共|共计|合计|为)?\\s*${NUM}\\s*(?<unit>元)`),
];

const NO_FEE = /(?:未|没有|无|不)(?:收取|产生|发生)[^，,。；;\d０-９]{0,16}?信息处理费/u;

/** Platform words, longest and most specific first. */
const PLATFORM_TOKENS: [string, Platform][] = [
  ['微信视频号', 'video_channel'], ['视频号', 'video_channel'],
  ['微信服务号', 'wechat'], ['微信订阅号', 'wechat'], ['微信公众号', 'wechat'],
  ['微信公众平台', 'wechat'], ['政务微信', 'wechat'], ['公众号', 'wechat'],
  ['服务号', 'wechat'], ['订阅号', 'wechat'], ['微信', 'wechat'],
  ['新浪微博', 'weibo'], ['政务微博', 'weibo'], ['微博', 'weibo'],
  ['抖音号', 'douyin'], ['抖音', 'douyin'],
  ['今日头条号', 'toutiao'], ['今日头条', 'toutiao'], ['头条号', 'toutiao'],
  ['客户端', 'app'], ['APP', 'app'], ['App', 'app'],
  ['快手号', 'other'], ['快手', 'other'], ['哔哩哔哩', 'other'],
];
const PLATFORM_PATTERN = new RegExp(`(?:${PLATFORM_TOKENS.map(([token]) => token).join('|')})(?:平台|账号)?`, 'gu');
const PLATFORM_OF = new Map(PLATFORM_TOKENS);
/** Words that name several channels or a non-media channel: a figure after them is no account's. */
const ACCOUNT_RESET = /两微一端|两微|新媒体|网站|平台(?!号)|矩阵|等/gu;
/** Where an account name starts, reading backwards from its platform word. */
const MAX_ACCOUNT_NAME = 20;
/**
 * 和 joins two channels or two bodies only after a channel or body word ("网站和政务微信",
 * "局机关和下属单位"); elsewhere it belongs to a body's name ("住房和城乡建设局",
 * "人力资源和社会保障局", "发展和改革委员会") and must not cut the account name short.
 */
const JOINING_AND =
  '(?<=(?:号|微博|微信|抖音|头条|客户端|APP|App|网站|网|平台|账号|媒体|端|快手|哔哩哔哩' +
  '|局|厅|委|会|办|办公室|中心|政府|机关|单位|部门|院|所|站|队|部|处|科|街道|镇|乡|县|区|市|省|州|旗|盟))和';
const ACCOUNT_START = new RegExp(`.*(?:其中|通过|利用|依托|运用|借助|开通|开设|在|${JOINING_AND}|及|与|、|，|,|：|:)`, 'u');
const AFTER_LIST_WORD = new RegExp(`(?:[、及与]|${JOINING_AND})$`, 'u');

const FOLLOWERS = new RegExp(
  `(?:粉丝(?:量|数|总数|总量)?|关注(?:用户|人数|量|数)?|用户(?:数|量)?|订阅(?:用户|数|量)?)` +
    `(?:数)?(?:达到|已达|达|为|共|累计)?\\s*${NUM}\\s*(?:(?<unit>个|人|名|户)(?!次)|(?![\\d\\s万亿余多人个名户条篇件次期场项元%]))`,
  'gu',
);
const POSTS = new RegExp(
  `(?:发布|推送|发送|更新|编发|刊发|公开)了?(?:内容|信息|消息|文章|稿件|微博|图文|各类信息|动态信息|政务信息)?(?:共|共计)?\\s*${NUM}\\s*(?<unit>条|篇|期)`,
  'gu',
);

/**
 * The metrics stated outright in the narrative. `text` is the prose of sections 一, 六 (and maybe
 * 五), lines joined with newlines; line breaks and page numbers from PDF extraction are tolerated.
 */
export function extractMetrics(text: string): Metric[] {
  const prose = normaliseProse(normaliseScript(text));
  const metrics: Metric[] = [];
  for (const sentence of prose.match(/[^。；;！？!?]+/gu) ?? []) {
    // A comma between digits with three after it is a thousands separator, not a clause break.
    for (const clause of sentence.match(/(?:[^，,]|,(?=[0-9]{3}(?![0-9])))+/gu) ?? []) {
      metrics.push(...clauseMetrics(clause, sentence));
    }
    metrics.push(...newMediaMetrics(sentence));
  }
  return dedupe(metrics);
}

function clauseMetrics(clause: string, sentence: string): Metric[] {
  const found: Metric[] = [];
  const evidence = clause.trim();
  for (const { key, pattern, unless } of RULES) {
    if (unless?.test(evidence)) continue;
    const match = pattern.exec(clause);
    if (!match?.groups) continue;
    const metric = toMetric(key, match.groups.num, match.groups.unit, evidence);
    if (!metric) continue;
    if (key === 'portal_posts') {
      const account = websiteName(match.groups.account);
      if (account) metric.account = account;
    }
    found.push(metric);
  }
  if (NO_FEE.test(clause) && !/\d/.test(clause.replace(/\d{4}年/g, ''))) {
    found.push({ key: 'info_processing_fee', value: 0, unit: METRIC_UNITS.info_processing_fee, evidence: sentence.trim() });
  }
  return found;
}

function toMetric(key: MetricKey, numberText: string, unit: string | undefined, evidence: string): Metric | null {
  const parsed = parseProseNumber(numberText);
  if (!parsed) return null;
  let value = parsed.value;
  let printedUnit = unit ?? METRIC_UNITS[key];
  if (key === 'procurement_amount') {
    const wan = toWanYuan(value, printedUnit);
    if (wan === null) return null;
    value = wan;
    printedUnit = '万元';
  }
  const metric: Metric = { key, value, unit: printedUnit, evidence };
  if (parsed.approx) metric.approx = true;
  return metric;
}

function websiteName(raw: string | undefined): string | null {
  if (!raw) return null;
  const name = raw.replace(ACCOUNT_START, '').replace(/^(?:全年|本年|今年|年内|我局|我区|我市|我县)/u, '').trim();
  // "政府门户网站" says which kind of site, not whose: no account.
  return name.length > 2 && !/^(?:政府|门户|政务|官方)*网站$/u.test(name) ? name : null;
}

interface AccountMention {
  platform: Platform;
  account: string;
  start: number;
  end: number;
  /** One of several channels named together ("政府网站、微信公众号等"): no figure is its own. */
  listed: boolean;
}

function newMediaMetrics(sentence: string): Metric[] {
  const mentions: AccountMention[] = [];
  for (const match of sentence.matchAll(PLATFORM_PATTERN)) {
    const before = sentence.slice(0, match.index);
    const name = before.replace(ACCOUNT_START, '');
    const named = name.trim().length <= MAX_ACCOUNT_NAME;
    const start = named ? before.length - name.length : match.index;
    const end = match.index + match[0].length;
    mentions.push({
      platform: PLATFORM_OF.get(match[0].replace(/(?:平台|账号)$/u, ''))!,
      account: named ? `${name.trim()}${match[0]}` : match[0],
      start,
      end,
      listed: AFTER_LIST_WORD.test(sentence.slice(0, start).trimEnd()) || /^\s*[、和及与等或]/u.test(sentence.slice(end)),
    });
  }
  if (mentions.length === 0) return [];
  const resets = [...sentence.matchAll(ACCOUNT_RESET)].map((match) => match.index);

  const found: Metric[] = [];
  const attribute = (key: MetricKey, pattern: RegExp) => {
    for (const match of sentence.matchAll(pattern)) {
      const owner = mentions.filter((mention) => mention.end <= match.index).at(-1);
      if (!owner || owner.listed || !match.groups) continue;
      if (resets.some((at) => at >= owner.end && at < match.index)) continue;
      if (mentions.some((mention) => mention !== owner && mention.start > owner.start && mention.start < match.index)) continue;
      const clauseStart = Math.max(sentence.lastIndexOf('，', match.index), sentence.lastIndexOf(',', match.index)) + 1;
      const evidenceStart = key === 'newmedia_followers' ? Math.min(owner.start, clauseStart) : clauseStart;
      const evidence = sentence.slice(evidenceStart, match.index + match[0].length).trim();
      const metric = toMetric(key, match.groups.num, match.groups.unit, evidence);
      if (!metric) continue;
      found.push({ ...metric, platform: owner.platform, account: owner.account });
    }
  };
  attribute('newmedia_followers', FOLLOWERS);
  attribute('newmedia_posts', POSTS);
  return found;
}

/** One figure per key and account (the first stated); figures without an account, one per key. */
function dedupe(metrics: Metric[]): Metric[] {
  const seen = new Set<string>();
  return metrics.filter((metric) => {
    const id = `${metric.key}|${metric.platform ?? ''}|${metric.account ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const CJK_OR_PUNCT = '\\p{Script=Han}，。、；：“”‘’《》（）！？';

/** A numbered heading on a line of its own: "（一）主动公开情况", "二、主动公开政府信息情况". */
const HEADING_LINE = /^([ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])[^。；;\n]{0,30}?)[ \t\u3000]*$/gmu;

/**
 * Undoes PDF line wrapping: page numbers ("-1-") go, line breaks and spaces between Chinese
 * characters go, a space next to a figure stays ("用户 14565 个" is how the report prints it).
 * A heading line ends its own sentence, so it never joins the figure on the next line.
 */
export function normaliseProse(text: string): string {
  return text
    .replace(HEADING_LINE, '$1。')
    .replace(/(?:^|\s)[-－—]\s*\d{1,3}\s*[-－—](?=\s|$)/gmu, ' ')
    .replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/gu, ' ')
    .replace(new RegExp(`(?<=[${CJK_OR_PUNCT}])[ \\t\\u3000]+(?=[${CJK_OR_PUNCT}])`, 'gu'), '')
    .replace(/[ \t\u3000]{2,}/gu, ' ');
}
