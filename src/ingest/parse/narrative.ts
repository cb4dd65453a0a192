/**
 * Narrative metrics (contract.md metric keys) from the prose of sections 一 and 六.
 * Precision over recall: a figure is taken only where a wording pattern ties it to its metric
 * in the same clause, and new-media figures only where an account is named before them in the
 * same sentence. Channel figures are never added up into totals (domain.md §7.4 rule 18).
 */
import { METRIC_UNITS } from '../../model/report.ts';
import type { Metric, MetricKey, PeriodKind, Platform } from '../../model/report.ts';
import { normaliseScript } from './script.ts';
import { findNumbersWithUnits, NUMBER_SOURCE, parseProseNumber, toWanYuan } from './numbers.ts';

const NUM = `(?<num>${NUMBER_SOURCE})`;

/**
 * What a figure in a clause can be the figure of. `before`: the subject, then at most `gap`
 * characters without another figure or clause break, then the figure. `after`: a verb right
 * before the figure and the subject noun right after its unit ("公开356条政务信息"). Only the
 * listed units count. The first subject of this list that fits wins, so the specific come first.
 */
interface Subject {
  key: MetricKey;
  before?: string;
  gap?: number;
  after?: string;
  units: RegExp;
  /** The clause must not say this (another body's figure, a stock, a sub-category…). */
  unless?: RegExp;
  /** The sentence since its previous figure must not say this ("…文件清理和集中发布，共发布规范性文件500余份"). */
  earlierUnless?: RegExp;
  /** The clause (or its sentence, for `sentenceNeeds`) must say this. */
  needs?: RegExp;
  sentenceNeeds?: RegExp;
  /** "对29项…政策文件进行解读": what the figure counts is named after it. */
  objectFollows?: boolean;
}

const COUNT = /^(?:条|件|份|个|项|篇)$/u;
const SUBJECTS: Subject[] = [
  { key: 'info_processing_fee', before: '信息(?:公开)?处理费(?:收入)?', gap: 8, units: /^元$/u },
  {
    key: 'procurement_amount', before: '(?:采购|金额)', gap: 24, units: /^(?:元|万元|亿元)$/u, sentenceNeeds: /采购/u,
    unless: /项目数量|采购项目|第二十条/u,
  },
  {
    key: 'policy_interpretations', before: '(?:政策(?:文件)?解读|解读(?:信息|材料|稿件|文章|产品))(?:信息|材料|稿件|文章|产品)?(?:发布)?', gap: 6,
    after: '政策解读', units: /^(?:条|篇|件|个|期|项)$/u, unless: /解读率|[和及与]解读/u,
  },
  {
    key: 'policy_interpretations', before: '(?:对|就)', gap: 0, units: /^(?:项|件|个|篇)$/u, objectFollows: true,
    needs: /政策[^，。；]{0,30}(?:进行|开展|作出|做出)?解读/u,
  },
  {
    key: 'policy_docs_published', before: '(?:行政)?(?:规范性文件|政策性文件)', gap: 4, after: '(?:行政)?规范性文件',
    units: /^(?:件|份|个|条|篇)$/u, needs: /制发|印发|发布|制定|出台|公开|更新|其中/u,
    unless: /现行有效|清理|废止|失效|修订|修改|合法性审查|备案审查|审查|法规|规章/u,
    earlierUnless: /现行有效|清理/u,
  },
  {
    key: 'press_conferences', before: '(?:新闻发布会|新闻通气会|发布会|通气会|新闻发布活动)', gap: 6,
    after: '(?:新闻)?(?:发布会|通气会)', units: /^(?:场|次|期)$/u,
  },
  { key: 'gazette_issues', before: '公报》?', gap: 4, units: /^期$/u },
  { key: 'open_day_events', before: '开放日(?:活动)?', gap: 4, after: '(?:政府|政务)?开放日', units: /^(?:次|场|期)$/u },
  { key: 'complaints', before: '投诉(?:举报)?(?:类|事项|件)?', gap: 4, units: /^(?:件|条|次|起|个)$/u, unless: /投诉咨询|咨询投诉/u },
  {
    key: 'suggestions', before: '(?:意见建议|建议)', gap: 4, units: /^(?:件|条)$/u,
    unless: /代表|委员|提案|人大|政协|开放日/u,
  },
  {
    key: 'inquiries_answered', before: '(?:咨询|留言|热线|来电|诉求)(?:信息|问题|件|电话)?', gap: 6,
    units: /^(?:件|条|个|起|次|人次)$/u, needs: /受理|答复|回复|解答|办理|处理|接听|回应/u,
    unless: /投诉(?!咨询)/u,
  },
  {
    key: 'inquiries_answered', before: '(?:群众|市民|网民|公众)(?:关切|关心|关注)?的?问题', gap: 2,
    units: /^(?:件|条|个)$/u, needs: /解答|答复|回复/u,
  },
  {
    key: 'portal_posts', before: '(?:门户网站?|政府网站|网站|门户网|政务网|服务网\\p{Script=Han}{0,8}站点|站点)”?', gap: 40,
    units: /^(?:条|篇|份|件)$/u, needs: /发布|公开|更新|刊发|推送|刊登|上传|编发/u,
    unless: /主动公开|专栏(?!公开政府信息)|栏目|申请|微信|微博|抖音|客户端|新媒体|公众号|头条/u,
  },
  {
    key: 'proactive_items_total',
    before: '主动(?:公开|发布)(?:的|了)?(?:[^，,。；;\\d]{0,24}?(?:政府|政务|各类|全部)(?:信息|文件)|(?:政府|政务)?(?:信息|文件))?(?:数|数量|总数)?',
    gap: 3, after: '(?:政务|政府)信息',
    units: COUNT, unless: /应主动公开|依申请|不予公开|部分公开|予以公开|申请/u,
  },
  {
    key: 'proactive_items_total', before: '(?:公开|公布)(?:各类|(?!的)\\p{Script=Han}{1,4}?)?(?:政府|政务)信息(?:数|数量)?', gap: 6, after: '(?:政务|政府)信息',
    units: COUNT, unless: /应主动公开|依申请|申请|予以|不予|部分公开|专栏|栏目|网站|门户网/u,
  },
  {
    key: 'proactive_items_total', before: '(?:共|累计)?公开文件', gap: 4,
    units: /^(?:份|件|条)$/u, unless: /申请|规范性|政策性/u, needs: /累计|共/u,
  },
];

/** A figure of another year, a comparison, a share or an average is not the year's figure. */
const OTHER_PERIOD = /较上年|比上年|同比|上一年|去年|前年|环比|增长|减少|下降|提高|平均/u;
/** "政策解读类10条", "规范性文件类信息6条": one category of a listing, not the metric's own figure. */
const CATEGORY = /(?<!各)类(?:信息|文件)?(?:共|共计)?\s*$|其他[^，,。；;\d０-９]{0,12}?(?:信息|文件)(?:中[^，,。；;\d０-９]{0,8})?\s*$/u;
const RUNNING_TOTAL = /截至|截止|目前|现有|已有|历年|至今|以来|总计已/u;
const THIS_YEAR = /全年|本年|今年|年内/u;
const YEAR_BOUND = /(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)|全年|本年|今年|年内|年度/u;

/**
 * `context`: the text since the figure before. The year's figure when it says 全年 or 本年 (even
 * "截至12月31日，全年累计…"), or its sentence did before it; a figure up to a date (截至…, 目前,
 * 以来) is a running total. 累计 alone is one too, unless its
 * sentence bounds it by the year ("2021年，公众号累计发送了736条信息" is that year's posts:
 * the same body's figures for consecutive years rise and fall). A sentence opened by 截至…
 * (`asOf`) dates every figure after it, through its semicolons, unless one says 全年.
 */
function periodOf(context: string, sentenceUpToFigure: string, sentence: string, asOf: boolean): PeriodKind {
  if (THIS_YEAR.test(context)) return 'annual';
  if (RUNNING_TOTAL.test(context)) return 'cumulative';
  if (THIS_YEAR.test(sentenceUpToFigure)) return 'annual';
  if (asOf) return 'cumulative';
  if (/累计/u.test(context)) return YEAR_BOUND.test(sentence) ? 'annual' : 'cumulative';
  return 'annual';
}

/** A statement that no fee arose: 未收取信息处理费, 没有产生信息公开处理费, 无收取…处理费情况. */
const NO_FEE = /(?:未|没有|无|不|未曾)(?:收取|产生|发生|收到)(?:过|任何)?[^，,。；;\d０-９]{0,16}?(?:信息)?(?:公开)?处理费/u;
/** A statement that nothing was received or held: 实现零投诉, 没有…产生投诉, 未召开新闻发布会. */
const ZERO_STATEMENTS: [MetricKey, RegExp][] = [
  ['complaints', /零投诉|(?:没有|未|无)(?:因[^，。；]{0,12})?(?:产生|收到|发生)?(?:任何)?投诉/u],
  ['press_conferences', /(?:未|没有)(?:召开|举办|举行)(?:过)?(?:新闻)?(?:发布会|通气会)/u],
  ['policy_docs_published', /(?:规范性|政策性)文件[^，,。；;\d]{0,8}?(?:未|没有)(?:制发|制定|印发|出台|发布)|(?:未|没有)(?:制发|制定|印发|出台|发布)(?:过|任何)?(?:行政)?(?:规范性|政策性)文件/u],
];
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
const ACCOUNT_RESET = new RegExp(
  '两微一端|两微|新媒体|网站|平台(?!号)|矩阵|栏目|专栏|其中' +
    // 等 ends a list of channels ("网站、微信等"), not a list of topics ("政策解读等内容").
    '|(?<=号|微博|微信|抖音|头条|客户端|APP|App|网站|网|平台|端|媒体)等' +
    // A quoted name that is no account of ours ("“平潭网”国资动态栏目") starts another subject.
    '|[“「]',
  'gu',
);
/** "政务新媒体“平潭应急”发布…": an account named only by the words for government new media. */
const NEW_MEDIA_NAMED = /(?:政务)?新媒体(?:平台|账号)?\s*(?<name>[“「][^“”「」]{2,30}[”」])(?!\s*(?:微信|微博|公众号|抖音|头条|视频号|客户端|APP|App|订阅号|服务号))/gu;
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
/** Words that end the text before an account's name: connectives, and verbs (发挥…作用, 累计发布…). */
const ACCOUNT_START = new RegExp(
  `.*(?:其中|通过|利用|依托|运用|借助|开通|开设|建立|创建|运营|在|发挥|累计|用好|做好|${JOINING_AND}|及|与|、|，|,|：|:)`,
  'u',
);
/** "我局官方微信公众号", "该微信公众号": the reporting body speaking of itself, not part of a name. */
const SELF_REFERENCE = /^(?:我局|本局|我委|本委|我办|本办|我区|我市|我县|我单位|本单位|本机关|该|局)/u;
const AFTER_LIST_WORD = new RegExp(`(?:[、及与]|${JOINING_AND})$`, 'u');

const FOLLOWERS = new RegExp(
  `(?:粉丝(?:量|数|总数|总量)?|关注(?:用户|人数|量|数)?|用户(?:数|量)?|订阅(?:用户|数|量)?)` +
    `(?:数)?(?:达到|已达|达|为|共|累计|超过|突破)?\\s*${NUM}\\s*(?:(?<unit>人次|个|人|名|户)(?!次)|(?![\\d\\s万亿余多人个名户条篇件次期场项元%]))`,
  'gu',
);
/** Posting verbs, then at most a short description of what was posted, then the count. */
const POSTS = new RegExp(
  `(?:发布|推送|发送|更新|编发|刊发|发表|推出|公开)了?[^，,。；;\\d０-９%]{0,40}?(?:共|共计|累计)?\\s*${NUM}\\s*(?<unit>条|篇|期)`,
  'gu',
);
/** A post count on its own: the figures after 分别 (respectively). */
const POSTS_FIGURE = new RegExp(`${NUM}\\s*(?<unit>条|篇|期)`, 'gu');
const POSTING_VERB_ONLY = /^\s*(?:发布|推送|发送|更新|编发|刊发|发表|推出)了?\s*$/u;
/** Verbs only a new-media account does: a figure after them with no account belongs to the last one named. */
const MEDIA_ONLY_VERB = /推送|推文|发表文章|发送/u;
/** Only an account has followers: 粉丝 or 关注 with no account named belong to the last one named. */
const MEDIA_ONLY_AUDIENCE = /粉丝|关注/u;

/**
 * The metrics stated outright in the narrative. `text` is the prose of sections 一, 六 (and maybe
 * 五), lines joined with newlines; line breaks and page numbers from PDF extraction are tolerated.
 * The prose is read sentence by sentence and clause by clause: in each clause, each figure with a
 * unit is given to the subject that names it (SUBJECTS), or to the new-media account before it;
 * a figure with no clear subject, of another period, or of a sub-category is left alone.
 * `year`, when known, keeps figures of other years out.
 */
export function extractMetrics(text: string, year: number | null = null): Metric[] {
  const prose = normaliseProse(normaliseScript(text));
  const metrics: Metric[] = [];
  let lastAccount: AccountMention | null = null;
  for (const period of prose.match(/[^。！？!?]+/gu) ?? []) {
    const sentences = (period.match(/[^；;]+/gu) ?? []).flatMap(boundedPieces);
    const asOf = /^\s*(?:截至|截止)/u.test(sentences[0] ?? '');
    for (const sentence of sentences) {
      const read = figuresOf(sentence);
      const media = newMediaMetrics(sentence, read, lastAccount, asOf);
      metrics.push(...media.metrics);
      lastAccount = media.lastAccount;
      const taken = new Set(media.metrics.map((m) => m.evidence));
      // A comma between digits with three after it is a thousands separator, not a clause break.
      // A bracketed remark without figures ("（文件）", "（试行）") stays inside its clause.
      for (const match of matchesOf(CLAUSE, sentence)) {
        const clause = match[0];
        if ([...taken].some((evidence) => evidence.includes(clause.trim()) || clause.includes(evidence))) continue;
        metrics.push(...clauseMetrics(clause, match.index, sentence, read, year, asOf));
      }
    }
  }
  return dedupe(metrics);
}

/** A clause: up to a comma or colon; a comma between digits with three after it is a thousands separator. */
const CLAUSE = /(?:[^，,：:()（）]|[,，](?=[0-9]{3}(?![0-9]))|[（(][^（）()\d０-９，,]{0,20}[）)])+/gu;
const YEAR_STATED = /((?:19|20)\d{2})\s*年/gu;

/**
 * Every match of a global pattern, as `matchAll` gives them, without the copy of the pattern
 * `matchAll` makes on each call (this runs for every sentence and clause of every report).
 */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}

/**
 * Real sentences run to a few hundred characters; a longer run is glued table text or noise.
 * Reading is quadratic within a sentence, so a longer one is cut at its last comma before the
 * bound (or at the bound), which keeps the whole reading linear in the text.
 */
const MAX_SENTENCE = 1500;
function boundedPieces(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const comma = Math.max(rest.lastIndexOf('，', MAX_SENTENCE), rest.lastIndexOf(',', MAX_SENTENCE));
    const cut = comma > MAX_SENTENCE / 2 ? comma + 1 : MAX_SENTENCE;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

interface SentenceFigures {
  /** Where the last figure with a unit ending at or before `position` ends (0 if none). */
  endOfFigureBefore(position: number): number;
}

/** The sentence's figures, found once: looking back to the previous figure costs no rescan. */
function figuresOf(sentence: string): SentenceFigures {
  const ends = findNumbersWithUnits(sentence).map((figure) => figure.end);
  return {
    endOfFigureBefore(position) {
      let found = 0;
      for (const end of ends) {
        if (end > position) break;
        found = end;
      }
      return found;
    },
  };
}

function mentionsOtherYear(clause: string, year: number | null): boolean {
  if (year === null) return false;
  // Years inside a document's title (《2021—2023年…方案》) are not the figure's period.
  for (const match of matchesOf(YEAR_STATED, clause.replace(/《[^《》]*》/gu, (title) => ' '.repeat(title.length)))) {
    const stated = Number(match[1]);
    const asOf = /(?:截至|截止|至)\s*$/u.test(clause.slice(0, match.index));
    if (stated !== year && !(asOf && stated === year + 1)) return true;
  }
  return false;
}

function clauseMetrics(clause: string, clauseStart: number, sentence: string, read: SentenceFigures, year: number | null, asOf: boolean): Metric[] {
  const found: Metric[] = [];
  const evidence = clause.trim();
  if (NO_FEE.test(clause) && !/\d/.test(clause.replace(/\d{4}\s*年(?:度)?/gu, ''))) {
    found.push({ key: 'info_processing_fee', value: 0, unit: METRIC_UNITS.info_processing_fee, period_kind: 'annual', evidence });
  }
  for (const [key, pattern] of ZERO_STATEMENTS) {
    if (pattern.test(clause) && !/\d/.test(clause.replace(/\d{4}\s*年(?:度)?/gu, ''))) {
      found.push({ key, value: 0, unit: METRIC_UNITS[key], period_kind: 'annual', evidence });
    }
  }
  if (OTHER_PERIOD.test(clause) || mentionsOtherYear(clause, year)) return found;
  const figures = findNumbersWithUnits(clause);
  figures.forEach((figure, index) => {
    const rest = clause.slice(figure.end);
    if (/^\s*(?:%|％|个百分点)/u.test(rest)) return;
    const before = clause.slice(index === 0 ? 0 : figures[index - 1].end, figure.start);
    if (CATEGORY.test(before.replace(/(?:超过|约|近|逾|超)\s*$/u, ''))) return;
    const nextListItem = clause.indexOf('、', figure.end);
    const localEnd = Math.min(index + 1 < figures.length ? figures[index + 1].start : clause.length, nextListItem >= 0 ? nextListItem : clause.length);
    const local = clause.slice(index === 0 ? 0 : figures[index - 1].end, localEnd);
    const upToFigure = sentence.slice(0, clauseStart + figure.start);
    const earlier = upToFigure.slice(read.endOfFigureBefore(upToFigure.length));
    const subject = SUBJECTS.find((candidate) => fits(candidate, figure.unit, before, rest, local, clause, sentence, earlier));
    if (!subject) return;
    const metric = toMetric(subject.key, figure.raw, figure.unit, evidence);
    if (!metric) return;
    metric.period_kind = periodOf(earlier + clause.slice(figure.start, figure.end), upToFigure, sentence, asOf);
    if (subject.key === 'portal_posts') {
      const account = websiteName(/(.*(?:网站|门户网|政务网|站点))/u.exec(before)?.[1]);
      if (account) metric.account = account;
    }
    found.push(metric);
  });
  return found;
}

/**
 * After "N条" a generic noun (信息, 文章…) or nothing: the figure counts the subject named before it.
 * A specific noun ("55条涉农补贴信息", "11条热线短号") counts something narrower or else.
 */
const WHAT_WAS_COUNTED_IS_GENERIC =
  /^(?:余|多)?\s*(?:次|人次)?(?:(?:各类|的)?(?:政府|政务)?(?:信息|文件|动态信息|动态|文章|内容|稿件)|[，,。；;、：:（()）\s]|$)/u;
/** "区社会事业局…受理各类群众诉求259起": a region-wide report quoting one of its departments. */
const ANOTHER_BODY = /(?:^|[，,；;、\s])(?:区|市|县)\p{Script=Han}{2,10}?(?:局|委员会|办公室)(?!\p{Script=Han}{0,4}(?:网站|公众号|微信|微博))/u;
const VERB = /公开|发布|制发|印发|制定|召开|举办|举行|开展|推送/u;
const VERB_BEFORE_NUMBER = /(?:公开|发布|制发|印发|制定|召开|举办|举行|开展|推送)(?:了|的)?(?:共|共计|各类)?\s*$/u;

/** Each subject's patterns for the text around a figure, compiled once. */
const SUBJECT_BEFORE = new Map(SUBJECTS.map((s) => [s, s.before === undefined ? null : new RegExp(`${s.before}[^，,。；;\\d０-９%]{0,${s.gap ?? 0}}$`, 'u')]));
const SUBJECT_AFTER = new Map(SUBJECTS.map((s) => [s, s.after === undefined ? null : new RegExp(`^(?:余|多)?\\s*(?:各类|的)?${s.after}`, 'u')]));

/** `local`: the clause from the figure before this one to the figure or list item after it. */
function fits(subject: Subject, unit: string, before: string, after: string, local: string, clause: string, sentence: string, earlier: string): boolean {
  if (!subject.units.test(unit)) return false;
  if (subject.unless?.test(local)) return false;
  if (subject.earlierUnless?.test(earlier)) return false;
  if (ANOTHER_BODY.test(earlier)) return false;
  if (subject.needs && !subject.needs.test(clause)) return false;
  if (subject.sentenceNeeds && !subject.sentenceNeeds.test(sentence)) return false;
  const subjectBefore = subject.before !== undefined
    && (subject.objectFollows || WHAT_WAS_COUNTED_IS_GENERIC.test(after))
    && SUBJECT_BEFORE.get(subject)!.test(before.trimEnd());
  const beforeNumber = before.replace(/(?:超过|约|近|逾|超)\s*$/u, '');
  const subjectAfter = subject.after !== undefined
    && (VERB_BEFORE_NUMBER.test(beforeNumber) || (/等\s*(?:共|共计|合计)?\s*$/u.test(beforeNumber) && VERB.test(clause.slice(0, clause.length - after.length))))
    && SUBJECT_AFTER.get(subject)!.test(after);
  return subjectBefore || subjectAfter;
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

/** The account's name before its platform word: a quoted name whole, else back to the last connective. */
function accountNameBefore(before: string): string {
  const quoted = /[“「][^“”「」]{1,30}[”」]\s*$/u.exec(before);
  return quoted ? quoted[0] : before.replace(ACCOUNT_START, '');
}

interface AccountMention {
  platform: Platform;
  account: string;
  start: number;
  end: number;
  /** One of several channels named together ("政府网站、微信公众号等"): no figure is its own. */
  listed: boolean;
}

function newMediaMetrics(sentence: string, read: SentenceFigures, previous: AccountMention | null, asOf: boolean): { metrics: Metric[]; lastAccount: AccountMention | null } {
  const mentions: AccountMention[] = [];
  for (const match of matchesOf(PLATFORM_PATTERN, sentence)) {
    const before = sentence.slice(0, match.index);
    const name = accountNameBefore(before);
    // "发布微博1024条", "发布999篇公众号信息": the platform word is what was posted, not another account.
    if (POSTING_VERB_ONLY.test(name) && mentions.some((mention) => mention.platform === PLATFORM_OF.get(match[0]))) continue;
    if (/[\d０-９]\s*(?:余|多)?\s*(?:条|篇|期)\s*$/u.test(name)) continue;
    const named = name.trim().length <= MAX_ACCOUNT_NAME && !POSTING_VERB_ONLY.test(name);
    const start = named ? before.length - name.length : match.index;
    const end = match.index + match[0].length;
    mentions.push({
      platform: (PLATFORM_OF.get(match[0]) ?? PLATFORM_OF.get(match[0].replace(/(?:平台|账号)$/u, '')))!,
      account: named ? `${name.trim().replace(SELF_REFERENCE, '')}${match[0]}` : match[0],
      start,
      end,
      listed: AFTER_LIST_WORD.test(sentence.slice(0, start).trimEnd()) || /^\s*[、和及与等或]/u.test(sentence.slice(end)),
    });
  }
  for (const match of matchesOf(NEW_MEDIA_NAMED, sentence)) {
    const start = match.index + match[0].indexOf(match.groups!.name);
    mentions.push({ platform: 'other', account: match.groups!.name, start, end: match.index + match[0].length, listed: false });
  }
  mentions.sort((a, b) => a.start - b.start);
  const resets = matchesOf(ACCOUNT_RESET, sentence)
    .map((match) => match.index)
    // An account's own name, and "公众号政务新媒体" said of the account just named, start nothing new.
    .filter((at) => !mentions.some((mention) => (at >= mention.start && at < mention.end) || (at >= mention.end && /^\s*(?:政务)?$/u.test(sentence.slice(mention.end, at)))));
  const found: Metric[] = [];
  // The text since the figure before this one: "…564人，截止2025年1月22日，累计发送1315条" dates the 1315.
  const period = (evidence: string, end = sentence.length, key: MetricKey = 'newmedia_posts'): PeriodKind => {
    const upTo = sentence.slice(0, end);
    const since = upTo.slice(read.endOfFigureBefore(Math.max(0, end - 1)));
    // Followers are a stock at the cut-off, unless the year's gain is meant ("全年关注用户达564人").
    if (key === 'newmedia_followers') return /(?:全年|本年)(?!累计)[^，,。；;\d总]{0,6}(?:关注|粉丝)/u.test(since) ? 'annual' : 'cumulative';
    return periodOf(since.length > evidence.length ? since : evidence, upTo, sentence, asOf);
  };

  // "微博、微信分别发布…495条和632条": listed accounts paired with the figures in order.
  const listed = mentions.filter((mention) => mention.listed || mentions.length > 1);
  const respectively = /分别/u.exec(sentence);
  if (respectively && listed.length >= 2) {
    const figures = matchesOf(POSTS_FIGURE, sentence.slice(respectively.index));
    if (figures.length === listed.length) {
      figures.forEach((match, i) => {
        const metric = toMetric('newmedia_posts', match.groups!.num, match.groups!.unit, sentence.trim());
        if (metric) found.push({ ...metric, platform: listed[i].platform, account: listed[i].account, period_kind: period(sentence) });
      });
      return { metrics: found, lastAccount: mentions.at(-1) ?? previous };
    }
  }

  const attribute = (key: MetricKey, pattern: RegExp) => {
    for (const match of matchesOf(pattern, sentence)) {
      // The figure's own position: a verb match may start inside an account's name ("平潭发布”公众号发布…").
      const at = match.index + match[0].lastIndexOf(match.groups!.num);
      let owner = mentions.filter((mention) => mention.end <= at).at(-1);
      const onlyMedia = key === 'newmedia_posts' ? MEDIA_ONLY_VERB : MEDIA_ONLY_AUDIENCE;
      if (!owner && mentions.length === 0 && previous && onlyMedia.test(match[0]) && !/网站|门户|平台|短信/u.test(sentence)) owner = previous;
      if (!owner || owner.listed || !match.groups) continue;
      // 人次 counts visits or services, except after an explicit follower word ("关注人数1314人次").
      if (match.groups.unit === '人次' && !/粉丝|关注人数/u.test(match[0])) continue;
      // Followers gained in the year are not the account's followers.
      if (key === 'newmedia_followers' && /(?:新增|净增|增加|增长)\s*$/u.test(sentence.slice(Math.max(0, match.index - 4), match.index))) continue;
      // "发布365篇《…》系列文章", "发布涉及酒店价格的专项推文256条": one series or topic, a part of the account's posts.
      if (key === 'newmedia_posts' && /^\s*(?:余|多)?\s*(?:《|[^，,。；;\d]{0,12}系列)/u.test(sentence.slice(match.index + match[0].length))) continue;
      if (key === 'newmedia_posts' && /涉及|专项|关于|(?<!各)类/u.test(match[0].slice(0, match[0].lastIndexOf(match.groups.num)))) continue;
      if (mentions.includes(owner)) {
        if (resets.some((reset) => reset >= owner!.end && reset < at)) continue;
        if (mentions.some((mention) => mention !== owner && mention.start > owner!.start && mention.start < at)) continue;
      }
      const clauseStart = Math.max(sentence.lastIndexOf('，', match.index), sentence.lastIndexOf(',', match.index)) + 1;
      const evidenceStart = key === 'newmedia_followers' && mentions.includes(owner) ? Math.min(owner.start, clauseStart) : clauseStart;
      const evidence = sentence.slice(evidenceStart, match.index + match[0].length).trim();
      if (OTHER_PERIOD.test(evidence)) continue;
      const metric = toMetric(key, match.groups.num, match.groups.unit, evidence);
      if (!metric) continue;
      found.push({ ...metric, platform: owner.platform, account: owner.account, period_kind: period(evidence, match.index + match[0].length, key) });
    }
  };
  attribute('newmedia_followers', FOLLOWERS);
  attribute('newmedia_posts', POSTS);
  const named = mentions.filter((mention) => !mention.listed).at(-1);
  return { metrics: found, lastAccount: named ?? (mentions.length > 0 ? null : previous) };
}

/** A figure read twice (from its clause and its account's sentence) is kept once. */
function dedupe(metrics: Metric[]): Metric[] {
  const seen = new Set<string>();
  return metrics.filter((metric) => {
    const id = `${metric.key}|${metric.platform ?? ''}|${metric.account ?? ''}|${metric.value}`;
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
const BLANKS_BETWEEN_CJK = new RegExp(`(?<=[${CJK_OR_PUNCT}])[ \\t\\u3000]+(?=[${CJK_OR_PUNCT}])`, 'gu');

export function normaliseProse(text: string): string {
  return text
    // Runs of blanks first become one space: every pattern below then stays linear on long tab runs.
    .replace(/[ \t\u3000]{2,}/gu, ' ')
    .replace(HEADING_LINE, '$1。')
    .replace(/(?:^|\s)[-－—]\s*\d{1,3}\s*[-－—](?=\s|$)/gmu, ' ')
    .replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/gu, ' ')
    .replace(BLANKS_BETWEEN_CJK, '')
    .replace(/[ \t\u3000]{2,}/gu, ' ');
}
