/**
 * The demo corpus: invented annual reports of fictional agencies (示例省…), with the TRUE figures
 * every rendering of them must parse back to. Deterministic for a seed; no clock, no Math.random.
 */
import { ORG_COLS, T3_COL_KEYS, T4_COL_KEYS, TEMPLATES, cellKey, outcomeRows, prescribedOtherRows, templateCells, templateForYear, type CellRef, type TableId, type Template, type TemplateId } from '../model/templates/index.ts';
import type { Agency, AgencyLevel, Cell, Metric, MetricKey, Platform } from '../model/report.ts';
import { demoAgencies } from './agencies.ts';
import { CellIndex } from './cell-index.ts';
import { Random } from './random.ts';

export interface DemoReport {
  agency: Agency;
  year: number;
  template: TemplateId;
  /** Every cell of the template, in reading order; `raw` is exactly what a rendering prints. */
  cells: Cell[];
  /** Narrative figures; `evidence` is the sentence the rendering prints for it. */
  metrics: Metric[];
  /** Deliberate arithmetic errors, as `rule:col` (t3.balance, t3.outcome_sum) or `rule:row`. */
  slips: string[];
}

export interface DemoOptions {
  seed: number;
  agencies?: number;
  years?: number[];
}

export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
export const DEFAULT_DEMO_AGENCIES = 300;

/** Share of reports carrying one deliberate arithmetic slip. */
const SLIP_RATE = 0.03;
/** Share of reports that print some of their zero cells blank. */
const BLANK_REPORT_RATE = 0.06;

interface LevelProfile {
  /** Median new applications a year. */
  applications: number;
  /** Median 行政许可/处罚 decisions a year. */
  decisions: number;
  procurementProjects: number;
  followers: number;
  makesRegulations: boolean;
  isGovernment: boolean;
}

const PROFILES: Record<AgencyLevel, LevelProfile> = {
  central: { applications: 600, decisions: 20000, procurementProjects: 80, followers: 800000, makesRegulations: true, isGovernment: false },
  central_branch: { applications: 40, decisions: 3000, procurementProjects: 20, followers: 20000, makesRegulations: false, isGovernment: false },
  provincial_gov: { applications: 3000, decisions: 600000, procurementProjects: 350, followers: 1500000, makesRegulations: true, isGovernment: true },
  provincial_dept: { applications: 90, decisions: 20000, procurementProjects: 40, followers: 120000, makesRegulations: false, isGovernment: false },
  prefecture_gov: { applications: 900, decisions: 150000, procurementProjects: 200, followers: 300000, makesRegulations: true, isGovernment: true },
  prefecture_dept: { applications: 14, decisions: 3000, procurementProjects: 15, followers: 15000, makesRegulations: false, isGovernment: false },
  county_gov: { applications: 120, decisions: 30000, procurementProjects: 60, followers: 40000, makesRegulations: false, isGovernment: true },
  county_dept: { applications: 4, decisions: 600, procurementProjects: 6, followers: 3000, makesRegulations: false, isGovernment: false },
  township: { applications: 1.2, decisions: 40, procurementProjects: 2, followers: 800, makesRegulations: false, isGovernment: true },
  zone: { applications: 25, decisions: 5000, procurementProjects: 30, followers: 20000, makesRegulations: false, isGovernment: true },
};

const APPLICANT_COLS = ['natural_person', ...ORG_COLS] as const;
const APPLICANT_WEIGHTS = [0.88, 0.06, 0.004, 0.005, 0.02, 0.031];

/** Outcome rows shared by both templates, with their typical weight among all outcomes. */
const OUTCOME_WEIGHTS: Record<string, number> = {
  granted: 0.4, partially_granted: 0.1,
  denied_state_secret: 0.002, denied_prohibited_by_law: 0.008, denied_security_stability: 0.005,
  denied_third_party: 0.015, denied_internal_affairs: 0.01, denied_process_info: 0.012,
  denied_enforcement_file: 0.004, denied_admin_query: 0.006,
  unable_not_held: 0.2, unable_needs_creation: 0.03, unable_unclear: 0.02,
  np_petition_complaint: 0.03, np_repeat: 0.025, np_publication: 0.006, np_mass_repeat: 0.008, np_confirm_reissue: 0.006,
  other_handling: 0.06, other_no_correction: 0.035, other_fee_unpaid: 0.004, other_other: 0.021,
};

/** What carries from one year's report to the next for the same agency. */
interface AgencyState {
  carriedOut: Map<string, number> | null;
  normativeStock: number;
  regulationStock: number;
  catalogueItems: Map<string, number>;
  growth: number;
  grantedBias: number;
}

export function generateDemoReports(options: DemoOptions): DemoReport[] {
  return [...demoReports(options)];
}

/** The same reports one at a time, agency by agency: a national-scale corpus never needs to be held whole. */
export function* demoReports(options: DemoOptions): Generator<DemoReport> {
  const years = [...(options.years ?? DEMO_YEARS)].sort((a, b) => a - b);
  for (const agency of demoAgencies(options.seed, options.agencies ?? DEFAULT_DEMO_AGENCIES)) {
    const random = Random.derive(options.seed, 'agency', agency.name!);
    const state = initialState(random, agency);
    for (const year of years) yield generateReport(random, agency, year, state);
  }
}

function initialState(random: Random, agency: Agency): AgencyState {
  const profile = PROFILES[agency.level!];
  return {
    carriedOut: null,
    normativeStock: random.int(0, profile.isGovernment ? 300 : 60),
    regulationStock: profile.makesRegulations ? random.int(5, 120) : 0,
    catalogueItems: new Map(),
    growth: random.logNormal(1, 0.6),
    grantedBias: random.normal() * 0.08,
  };
}

function generateReport(random: Random, agency: Agency, year: number, state: AgencyState): DemoReport {
  const template = templateForYear(year);
  const profile = PROFILES[agency.level!];
  const values = new CellIndex<number>();
  const set = (table: TableId, row: string, col: string, value: number) => values.set(table, row, col, value);

  const yearTrend = 1 + 0.08 * (year - 2019);
  const expectedApplications = profile.applications * state.growth * yearTrend;
  const newReceived = random.poisson(random.logNormal(expectedApplications, 0.25));

  generateTable2(random, template, profile, state, set);
  generateTable3(random, template, state, newReceived, set);
  generateTable4(random, newReceived, set);

  const procurement = printsCell(template, PROCUREMENT_AMOUNT) ? procurementPrinted(random, values.get('t2', 'centralized_procurement', 'procurement_amount')!) : null;
  const cells: Cell[] = CELL_LAYOUT.get(template)!.map((ref) => {
    const value = values.get(ref.table, ref.row, ref.col);
    if (value === undefined) throw new Error(`demo generator left ${ref.table}.${ref.row}.${ref.col} unset`);
    if (ref.row === 'centralized_procurement' && ref.col === 'procurement_amount') return { table: ref.table, row: ref.row, col: ref.col, value: procurement!.value, raw: procurement!.raw, state: 'number' };
    return { table: ref.table, row: ref.row, col: ref.col, value, raw: printSigned(ref.col, value, random), state: 'number' };
  });

  let slips: string[] = [];
  if (random.chance(BLANK_REPORT_RATE)) blankSomeZeros(random, cells);
  else if (random.chance(SLIP_RATE / (1 - BLANK_REPORT_RATE))) slips = applySlip(random, cells, template);

  const metrics = generateMetrics(random, agency, template, profile, newReceived);
  return { agency, year, template: template.id, cells, metrics, slips };
}

/** Each template's cells as it prescribes them, in reading order. */
const CELL_LAYOUT = new Map<Template, CellRef[]>(TEMPLATES.map((t) => [t, templateCells(t)]));
const CELL_KEYS = new Map<Template, Set<string>>(TEMPLATES.map((t) => [t, new Set(CELL_LAYOUT.get(t)!.map(cellKey))]));
const printsCell = (template: Template, key: string) => CELL_KEYS.get(template)!.has(key);
const PROCUREMENT_AMOUNT = 't2.centralized_procurement.procurement_amount';
/** The fee-notice row of table 3 comes with the fees for processing information (信息处理费). */
const FEE_UNPAID = 't3.other_fee_unpaid.total';

type Setter = (table: TableId, row: string, col: string, value: number) => void;

function generateTable2(random: Random, template: Template, profile: LevelProfile, state: AgencyState, set: Setter): void {
  const decisionsScale = profile.decisions * state.growth;
  const decisions = (share: number) => (random.chance(0.25) ? 0 : Math.round(random.logNormal(decisionsScale * share, 0.8)));
  const newRegulations = profile.makesRegulations ? random.int(0, 8) : 0;
  const newNormative = random.chance(0.3) ? 0 : Math.round(random.logNormal(profile.isGovernment ? 12 : 4, 0.7));

  if (printsCell(template, 't2.regulations.total_published')) {
    state.regulationStock += newRegulations;
    state.normativeStock += newNormative;
    set('t2', 'regulations', 'new_made', newRegulations);
    set('t2', 'regulations', 'new_published', newRegulations);
    set('t2', 'regulations', 'total_published', state.regulationStock);
    const publishedNormative = random.chance(0.1) ? Math.max(0, newNormative - random.int(1, 3)) : newNormative;
    set('t2', 'normative_documents', 'new_made', newNormative);
    set('t2', 'normative_documents', 'new_published', publishedNormative);
    set('t2', 'normative_documents', 'total_published', state.normativeStock);
    const catalogueRows: [string, number][] = [['admin_licensing', 0.3], ['other_external_services', 0.1], ['admin_penalty', 0.5], ['admin_coercion', 0.04]];
    for (const [row, share] of catalogueRows) {
      const items = catalogue(random, state, row, 2, 200);
      const change = random.chance(0.5) ? 0 : random.int(-Math.min(12, items), 12);
      state.catalogueItems.set(row, items + change);
      set('t2', row, 'prev_year_items', items);
      set('t2', row, 'items_change', change);
      set('t2', row, 'decisions', items === 0 ? 0 : decisions(share));
    }
    const feeItems = catalogue(random, state, 'admin_fees', 0, 30);
    const feeChange = feeItems > 0 && random.chance(0.3) ? -random.int(1, Math.min(3, feeItems)) : 0;
    state.catalogueItems.set('admin_fees', feeItems + feeChange);
    set('t2', 'admin_fees', 'prev_year_items', feeItems);
    set('t2', 'admin_fees', 'items_change', feeChange);
    const projects = random.chance(0.2) ? 0 : Math.round(random.logNormal(profile.procurementProjects, 0.6));
    set('t2', 'centralized_procurement', 'procurement_projects', projects);
    // The amount in 元 (whole fen) is resolved to its printed form later; store fen here.
    set('t2', 'centralized_procurement', 'procurement_amount', projects === 0 ? 0 : Math.round(projects * random.logNormal(45, 0.9) * 1_000_000));
  } else if (printsCell(template, 't2.regulations.currently_valid')) {
    const repealedRegulations = state.regulationStock > 0 && random.chance(0.3) ? random.int(0, Math.min(3, state.regulationStock)) : 0;
    state.regulationStock += newRegulations - repealedRegulations;
    const repealedNormative = state.normativeStock > 0 && random.chance(0.5) ? random.int(0, Math.min(20, state.normativeStock)) : 0;
    state.normativeStock += newNormative - repealedNormative;
    set('t2', 'regulations', 'issued', newRegulations);
    set('t2', 'regulations', 'repealed', repealedRegulations);
    set('t2', 'regulations', 'currently_valid', state.regulationStock);
    set('t2', 'normative_documents', 'issued', newNormative);
    set('t2', 'normative_documents', 'repealed', repealedNormative);
    set('t2', 'normative_documents', 'currently_valid', state.normativeStock);
    set('t2', 'admin_licensing', 'decisions', decisions(0.3));
    set('t2', 'admin_penalty', 'decisions', decisions(0.5));
    set('t2', 'admin_coercion', 'decisions', decisions(0.04));
    const feeWan = random.chance(0.55) ? 0 : Math.round(random.logNormal(profile.isGovernment ? 800 : 40, 1.2) * 100) / 100;
    set('t2', 'admin_fees', 'fee_amount', feeWan);
  }
}

function catalogue(random: Random, state: AgencyState, row: string, lo: number, hi: number): number {
  const known = state.catalogueItems.get(row);
  if (known !== undefined) return known;
  return random.chance(0.3) ? 0 : random.int(lo, hi);
}

function generateTable3(random: Random, template: Template, state: AgencyState, newReceived: number, set: Setter): void {
  const rows = outcomeRows(prescribedOtherRows(template));
  const weights = rows.map((r) => OUTCOME_WEIGHTS[r] * (r === 'granted' ? Math.max(0.3, 1 + state.grantedBias * 5) : 1));
  const newByCol = random.multinomial(newReceived, APPLICANT_WEIGHTS);
  const carriedIn = state.carriedOut ?? new Map(APPLICANT_COLS.map((c, i) => [c, random.poisson(newByCol[i] * 0.03)]));
  const outShare = random.next() * 0.08;
  const carriedOut = new Map<string, number>();
  const totals = new Map<string, number>();
  const add = (row: string, col: string, value: number) => {
    set('t3', row, col, value);
    totals.set(row, (totals.get(row) ?? 0) + value);
  };
  APPLICANT_COLS.forEach((col, i) => {
    const incoming = carriedIn.get(col) ?? 0;
    const available = newByCol[i] + incoming;
    const out = random.binomial(available, outShare);
    const split = random.multinomial(available - out, weights);
    add('new_received', col, newByCol[i]);
    add('carried_over_in', col, incoming);
    rows.forEach((row, k) => add(row, col, split[k]));
    add('outcome_total', col, available - out);
    add('carried_over_out', col, out);
    carriedOut.set(col, out);
  });
  for (const [row, total] of totals) set('t3', row, 'total', total);
  state.carriedOut = carriedOut;
}

function generateTable4(random: Random, applications: number, set: Setter): void {
  const groups: [string, number][] = [['review', 0.02], ['lit_direct', 0.009], ['lit_after_review', 0.005]];
  for (const [row, rate] of groups) {
    const cases = random.poisson(applications * rate + 0.05);
    const [upheld, corrected, other, pending] = random.multinomial(cases, [0.6, 0.09, 0.21, 0.1]);
    set('t4', row, 'upheld', upheld);
    set('t4', row, 'corrected', corrected);
    set('t4', row, 'other', other);
    set('t4', row, 'pending', pending);
    set('t4', row, 'total', cases);
  }
}

/** Reports print 采购总金额 with their own unit: 万元 to four places, or 元 (whole or with fen). */
function procurementPrinted(random: Random, fen: number): { raw: string; value: number } {
  if (fen === 0) return { raw: '0', value: 0 };
  const style = random.pick(['wan', 'wan', 'yuan', 'yuan-fen'] as const);
  if (style === 'wan') {
    const wan = trimDecimals((Math.round(fen / 100) / 10000).toFixed(4));
    return { raw: `${wan}万元`, value: Number(wan) };
  }
  if (style === 'yuan') {
    const yuan = Math.round(fen / 100);
    return { raw: `${yuan}元`, value: yuan / 10000 };
  }
  return { raw: `${(fen / 100).toFixed(2)}元`, value: fen / 1_000_000 };
}

function trimDecimals(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function printSigned(col: string, value: number, random: Random): string {
  if (col === 'items_change' && value > 0 && random.chance(0.4)) return `+${value}`;
  return String(value);
}

/** Some reports leave cells empty where the figure is zero (common in HTML tables). */
function blankSomeZeros(random: Random, cells: Cell[]): void {
  const glyph = random.pick(['', '', '-', '/']);
  const share = random.next() * 0.6 + 0.2;
  for (const cell of cells) {
    if (cell.value !== 0) continue;
    if (random.chance(cell.table === 't2' ? share / 4 : share)) {
      cell.value = null;
      cell.raw = glyph;
      cell.state = 'blank';
    }
  }
}

/**
 * Break exactly the identities named in the returned slips, and no others: each slip moves
 * figures in pairs so the neighbouring identities still hold.
 */
function applySlip(random: Random, cells: Cell[], template: Template): string[] {
  const index = CellIndex.of(cells);
  const bump = (row: string, col: string, by: number, table: TableId = 't3') => {
    const cell = index.get(table, row, col)!;
    cell.value = cell.value! + by;
    cell.raw = String(cell.value);
  };
  const delta = random.int(1, 3);
  const kind = random.pick(['outcome_sum', 'balance', 'row_total', 't4_total'] as const);
  const col = random.pick(T3_COL_KEYS.filter((c) => c !== 'total'));
  if (kind === 'outcome_sum') {
    const row = random.pick(outcomeRows(prescribedOtherRows(template)));
    bump(row, col, delta);
    bump(row, 'total', delta);
    return [`t3.outcome_sum:${col}`, 't3.outcome_sum:total'];
  }
  if (kind === 'balance') {
    bump('new_received', col, delta);
    bump('new_received', 'total', delta);
    return [`t3.balance:${col}`, 't3.balance:total'];
  }
  if (kind === 'row_total') {
    // Shift a total between two outcome rows: both row sums break, the column sums hold.
    const rows = outcomeRows(prescribedOtherRows(template));
    const from = rows.find((r) => (index.get('t3', r, 'total')!.value ?? 0) >= delta);
    if (!from) {
      bump('granted', col, delta);
      bump('granted', 'total', delta);
      return [`t3.outcome_sum:${col}`, 't3.outcome_sum:total'];
    }
    const to = rows.find((r) => r !== from)!;
    bump(from, 'total', -delta);
    bump(to, 'total', delta);
    return [`t3.row_total:${from}`, `t3.row_total:${to}`];
  }
  const group = random.pick(['review', 'lit_direct', 'lit_after_review']);
  bump(group, random.pick(T4_COL_KEYS.filter((c) => c !== 'total')), delta, 't4');
  return [`t4.total:${group}`];
}

// ---- Narrative metrics -----------------------------------------------------

const ACCOUNT_KINDS: { platform: Platform; suffixes: string[]; share: number; followers: number; posts: number }[] = [
  { platform: 'wechat', suffixes: ['微信公众号', '政务微信', '微信服务号', '微信订阅号'], share: 0.85, followers: 1, posts: 400 },
  { platform: 'weibo', suffixes: ['政务微博', '官方微博'], share: 0.45, followers: 0.6, posts: 900 },
  { platform: 'douyin', suffixes: ['抖音号', '政务抖音号'], share: 0.3, followers: 0.8, posts: 120 },
  { platform: 'toutiao', suffixes: ['头条号'], share: 0.15, followers: 0.3, posts: 300 },
  { platform: 'video_channel', suffixes: ['微信视频号'], share: 0.2, followers: 0.2, posts: 90 },
];

function shortName(agency: Agency): string {
  return agency.city ? agency.name!.slice(agency.province!.length) : agency.name!;
}

const metric = (key: MetricKey, value: number, unit: string, evidence: string, extra: Partial<Metric> = {}): Metric => ({ key, value, unit, evidence, ...extra });

function generateMetrics(random: Random, agency: Agency, template: Template, profile: LevelProfile, applications: number): Metric[] {
  const out: Metric[] = [];
  const scale = Math.max(1, profile.applications);
  const count = (median: number) => Math.max(1, Math.round(random.logNormal(median, 0.5)));

  if (random.chance(0.8)) {
    const n = count(40 * Math.sqrt(scale) + 30);
    if (n >= 500 && random.chance(0.3)) {
      const rounded = Math.floor(n / 100) * 100;
      out.push(metric('proactive_items_total', rounded, '条', `全年主动公开各类政府信息${rounded}余条`, { approx: true }));
    } else {
      const phrase = random.pick(['全年主动公开政府信息', '本年度共主动公开政府信息', '通过各类渠道主动公开政府信息']);
      out.push(metric('proactive_items_total', n, '条', `${phrase}${n}条`));
    }
  }
  if (random.chance(0.6)) {
    const n = count(25 * Math.sqrt(scale) + 20);
    const phrase = random.pick(['在门户网站发布各类信息', '通过政府门户网站公开动态信息', '在政府网站发布信息']);
    out.push(metric('portal_posts', n, '条', `${phrase}${n}条`));
  }
  if (random.chance(0.5)) {
    const n = count(3 * Math.sqrt(scale) + 2);
    const phrase = random.pick(['公开政策性文件', '主动公开政策性文件']);
    out.push(metric('policy_docs_published', n, '件', `${phrase}${n}件`));
  }
  if (random.chance(0.5)) {
    const n = count(2 * Math.sqrt(scale) + 2);
    const [phrase, unit] = random.pick([['发布政策解读材料', '篇'], ['制作政策解读稿件', '篇'], ['发布政策解读', '条']] as const);
    out.push(metric('policy_interpretations', n, unit, `${phrase}${n}${unit}`));
  }
  if (profile.isGovernment && agency.level !== 'township' && random.chance(0.7)) {
    const n = count(Math.sqrt(scale) / 2 + 1);
    const phrase = random.pick(['召开新闻发布会', '举办新闻发布会']);
    out.push(metric('press_conferences', n, '场', `${phrase}${n}场`));
  }
  if ((agency.level === 'provincial_gov' || agency.level === 'prefecture_gov') && random.chance(0.8)) {
    const n = random.pick([4, 6, 12, 12, 24]);
    out.push(metric('gazette_issues', n, '期', `编发政府公报${n}期`));
  }

  for (const kind of ACCOUNT_KINDS) {
    if (!random.chance(kind.share)) continue;
    const account = `${shortName(agency)}${random.pick(kind.suffixes)}`;
    const followers = Math.max(5, Math.round(random.logNormal(profile.followers * kind.followers, 0.9)));
    const posts = Math.max(1, Math.round(random.logNormal(kind.posts, 0.8)));
    const extra = { platform: kind.platform, account };
    if (followers >= 20000 && random.chance(0.3)) {
      const wan = Math.round(followers / 1000) / 10;
      const clause = `${account}粉丝达${wan}万人，全年发布信息${posts}条`;
      out.push(metric('newmedia_followers', Math.round(wan * 10000), '人', clause, extra), metric('newmedia_posts', posts, '条', clause, extra));
    } else {
      const [followWord, followUnit] = random.pick([['关注用户', '个'], ['粉丝量', '个'], ['订阅用户', '人']] as const);
      const [postWord, postUnit] = random.pick([['发布内容', '条'], ['推送文章', '篇'], ['发布信息', '条']] as const);
      const clause = `${account}，${followWord}${followers}${followUnit}，${postWord}${posts}${postUnit}`;
      out.push(metric('newmedia_followers', followers, followUnit, clause, extra), metric('newmedia_posts', posts, postUnit, clause, extra));
    }
  }

  if (random.chance(0.55)) {
    const inquiries = count(20 * Math.sqrt(scale) + 10);
    if (random.chance(0.5)) {
      const complaints = random.int(0, Math.max(2, Math.round(inquiries / 8)));
      const suggestions = random.int(0, Math.max(2, Math.round(inquiries / 20)));
      const clause = `全年累计答复咨询${inquiries}件，投诉${complaints}件，建议${suggestions}件`;
      out.push(metric('inquiries_answered', inquiries, '件', clause), metric('complaints', complaints, '件', clause), metric('suggestions', suggestions, '件', clause));
    } else {
      const phrase = random.pick(['答复群众咨询', '办理群众留言', '回复群众咨询']);
      out.push(metric('inquiries_answered', inquiries, '件', `${phrase}${inquiries}件`));
    }
  }
  if (profile.isGovernment && random.chance(0.35)) {
    const n = random.int(1, 6);
    const [phrase, unit] = random.pick([['开展政府开放日活动', '次'], ['举办政府开放日活动', '场']] as const);
    out.push(metric('open_day_events', n, unit, `${phrase}${n}${unit}`));
  }
  if (printsCell(template, FEE_UNPAID) && random.chance(0.7)) {
    const charged = random.chance(0.15) && applications > 0;
    const fee = charged ? random.int(1, 60) * 10 : 0;
    out.push(metric('info_processing_fee', fee, '元', charged ? `本年度共收取信息处理费${fee}元` : '本年度未收取信息处理费'));
  }
  return out;
}
