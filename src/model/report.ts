/** The shape of one parsed report (docs/contract.md), shared by the CLI, the dataset and the app. */
import type { TableId, TemplateId } from './templates/index.ts';

export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx';

export type AgencyLevel =
  | 'central' | 'central_branch'
  | 'provincial_gov' | 'provincial_dept'
  | 'prefecture_gov' | 'prefecture_dept'
  | 'county_gov' | 'county_dept'
  | 'township' | 'zone';

export const AGENCY_LEVELS: readonly AgencyLevel[] = [
  'central', 'central_branch', 'provincial_gov', 'provincial_dept', 'prefecture_gov',
  'prefecture_dept', 'county_gov', 'county_dept', 'township', 'zone',
];

export interface Agency {
  name: string | null;
  level: AgencyLevel | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** GB/T 2260 code of the deepest division the name places the body in. */
  region_code: string | null;
  /** A government's own report covering its whole region: never summed with its members. null = cannot tell. */
  is_aggregate: boolean | null;
  /** One id per body across years and renamings (ingest fills it from data/agencies.tsv or the name). */
  id?: string;
}

/**
 * number: a figure was printed. blank: printed empty (/, -, —, nothing). inferred: lost in
 * extraction and fixed by the table's own arithmetic. missing: neither.
 */
export type CellState = 'number' | 'blank' | 'inferred' | 'missing';

export interface Cell {
  table: TableId;
  row: string;
  col: string;
  value: number | null;
  raw: string | null;
  state: CellState;
}

export type Platform = 'wechat' | 'weibo' | 'app' | 'douyin' | 'toutiao' | 'video_channel' | 'other';

export type PeriodKind = 'annual' | 'cumulative';

export interface Metric {
  key: MetricKey;
  value: number;
  unit: string;
  platform?: Platform;
  account?: string;
  /** 余/约/近/超过… printed beside the number. */
  approx?: boolean;
  /** annual: this year's flow (本年, 全年); cumulative: a stock or running total (截至, 累计, 现有). */
  period_kind?: PeriodKind;
  evidence: string;
}

export type CheckStatus = 'pass' | 'fail' | 'uncertain';

export interface CheckResult {
  rule: string;
  row?: string;
  col?: string;
  status: CheckStatus;
  left: number | null;
  right: number | null;
  /** Cell keys (t3.granted.total …) the rule read: what a reader highlights when it fails. */
  cells?: string[];
  note?: string;
}

export interface ParsedReport {
  source: { file: string; sha256: string; format: SourceFormat; url?: string };
  agency: Agency;
  year: number | null;
  template: TemplateId | null;
  cells: Cell[];
  metrics: Metric[];
  checks: CheckResult[];
  warnings: string[];
}

export const METRIC_KEYS = [
  'proactive_items_total', 'portal_posts', 'policy_docs_published', 'policy_interpretations',
  'press_conferences', 'gazette_issues', 'newmedia_followers', 'newmedia_posts',
  'inquiries_answered', 'complaints', 'suggestions', 'open_day_events', 'procurement_amount',
  'info_processing_fee',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const METRIC_UNITS: Record<MetricKey, string> = {
  proactive_items_total: '条', portal_posts: '条', policy_docs_published: '件',
  policy_interpretations: '篇', press_conferences: '场', gazette_issues: '期',
  newmedia_followers: '个', newmedia_posts: '条', inquiries_answered: '件', complaints: '件',
  suggestions: '件', open_day_events: '次', procurement_amount: '万元', info_processing_fee: '元',
};
