import { describe, expect, it } from 'vitest';
import { cellKey, templateById, templateCells, templateForYear, templatesWithCells } from '../model/templates/index.ts';
import { runChecks } from '../model/rules.ts';
import { AGENCY_LEVELS, METRIC_KEYS, type Cell } from '../model/report.ts';
import { CellIndex } from './cell-index.ts';
import { DEMO_YEARS, generateDemoReports, type DemoReport } from './generate.ts';

const AGENCIES = 120;
const reports = generateDemoReports({ seed: 20190515, agencies: AGENCIES });
const indexes = new Map(reports.map((r) => [r, CellIndex.of(r.cells)]));
const figure = (report: DemoReport, table: string, row: string, col: string): Cell => {
  const cell = indexes.get(report)!.get(table, row, col);
  if (!cell) throw new Error(`${report.agency.name} ${report.year} lacks ${table}.${row}.${col}`);
  return cell;
};
const total = (report: DemoReport, row: string) => figure(report, 't3', row, 'total').value ?? 0;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('generateDemoReports', () => {
  it('gives every agency a report for each year 2019–2025 by default', () => {
    expect(reports).toHaveLength(AGENCIES * DEMO_YEARS.length);
    expect(new Set(reports.map((r) => r.agency.name)).size).toBe(AGENCIES);
    expect([...new Set(reports.map((r) => r.year))].sort()).toEqual(DEMO_YEARS);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { seed: 42, agencies: 25, years: [2020, 2023] };
    const first = JSON.stringify(generateDemoReports(options));
    expect(JSON.stringify(generateDemoReports(options))).toBe(first);
    expect(JSON.stringify(generateDemoReports({ ...options, seed: 43 }))).not.toBe(first);
  });

  it('names only fictional agencies, with a level and places consistent with the name', () => {
    for (const { agency } of reports) {
      expect(agency.name!.startsWith('示例')).toBe(true);
      expect(AGENCY_LEVELS).toContain(agency.level);
      const prefix = `${agency.province}${agency.city ?? ''}${agency.county ?? ''}`;
      expect(agency.name!.startsWith(prefix), agency.name!).toBe(true);
      if (agency.level === 'county_gov' || agency.level === 'county_dept' || agency.level === 'township') expect(agency.county).not.toBeNull();
      if (agency.level === 'provincial_gov' || agency.level === 'provincial_dept') expect(agency.city).toBeNull();
      if (agency.level?.endsWith('_gov')) expect(agency.name!.endsWith('人民政府')).toBe(true);
    }
    const levels = new Set(reports.map((r) => r.agency.level));
    for (const level of ['provincial_gov', 'provincial_dept', 'prefecture_gov', 'prefecture_dept', 'county_gov', 'county_dept', 'township'] as const) expect(levels).toContain(level);
  });

  it('uses the 2019 template for 2019–2020 and the 2021 template from 2021, keyed exactly as the template', () => {
    const wrong = reports.filter((r) => r.template !== templateForYear(r.year).id || r.cells.map(cellKey).join() !== templateCells(templateById(r.template)).map(cellKey).join());
    expect(wrong.map((r) => `${r.agency.name} ${r.year}`)).toEqual([]);
    expect(new Set(reports.filter((r) => r.year <= 2020).map((r) => r.template))).toEqual(new Set(['2019']));
    expect(new Set(reports.filter((r) => r.year >= 2021).map((r) => r.template))).toEqual(new Set(['2021']));
  });

  it('keeps blanks as null with a printed blank, never as 0', () => {
    const cells = reports.flatMap((r) => r.cells);
    const blanks = cells.filter((c) => c.state === 'blank');
    expect(blanks.length).toBeGreaterThan(0);
    expect(blanks.filter((c) => c.value !== null || !['', '-', '/'].includes(c.raw!))).toEqual([]);
    const numbers = cells.filter((c) => c.state === 'number');
    expect(numbers.length + blanks.length).toBe(cells.length);
    expect(numbers.filter((c) => c.value === null || !/^[+-]?\d+(\.\d+)?(万元|元)?$/.test(c.raw!))).toEqual([]);
  });

  it('holds the table arithmetic in every report except exactly its recorded slips', () => {
    const mismatches: string[] = [];
    for (const report of reports) {
      const checks = runChecks(report.cells, templateById(report.template));
      const failed = checks.filter((c) => c.status === 'fail').map((c) => `${c.rule}:${c.rule === 't3.balance' || c.rule === 't3.outcome_sum' ? c.col : c.row}`);
      const unexpectedUncertain = !report.cells.some((c) => c.state === 'blank') && checks.some((c) => c.status === 'uncertain');
      if (failed.sort().join() !== [...report.slips].sort().join() || unexpectedUncertain) mismatches.push(`${report.agency.name} ${report.year}: failed [${failed}] slips [${report.slips}]`);
    }
    expect(mismatches).toEqual([]);
    const slipped = reports.filter((r) => r.slips.length > 0).length / reports.length;
    expect(slipped).toBeGreaterThan(0.01);
    expect(slipped).toBeLessThan(0.06);
  });

  it('carries over out of year y into year y+1 for the same agency, per column', () => {
    const byAgency = new Map<string, DemoReport[]>();
    for (const report of reports) byAgency.set(report.agency.name!, [...(byAgency.get(report.agency.name!) ?? []), report]);
    for (const series of byAgency.values()) {
      for (let i = 1; i < series.length; i++) {
        for (const col of ['natural_person', 'commercial_enterprise', 'other_org', 'total']) {
          const out = figure(series[i - 1], 't3', 'carried_over_out', col);
          const into = figure(series[i], 't3', 'carried_over_in', col);
          expect(into.value ?? 0, `${series[i].agency.name} ${series[i].year} ${col}`).toBe(out.value ?? 0);
        }
      }
    }
  });

  it('has plausible distributions', () => {
    const departments = reports.filter((r) => r.agency.level!.endsWith('_dept'));
    const smallShare = departments.filter((r) => total(r, 'new_received') <= 50).length / departments.length;
    expect(smallShare).toBeGreaterThan(0.8);
    const governments = reports.filter((r) => r.agency.level === 'prefecture_gov' || r.agency.level === 'provincial_gov');
    expect(governments.some((r) => total(r, 'new_received') >= 1000)).toBe(true);

    const applicants = sum(reports.map((r) => total(r, 'new_received')));
    const natural = sum(reports.map((r) => figure(r, 't3', 'new_received', 'natural_person').value ?? 0));
    expect(natural / applicants).toBeGreaterThan(0.75);

    const outcomes = sum(reports.map((r) => total(r, 'outcome_total')));
    const share = (row: string) => sum(reports.map((r) => total(r, row))) / outcomes;
    expect(share('granted')).toBeGreaterThan(0.3);
    expect(share('granted')).toBeLessThan(0.55);
    expect(share('partially_granted')).toBeGreaterThan(0.05);
    expect(share('partially_granted')).toBeLessThan(0.15);
    expect(share('unable_not_held')).toBeGreaterThan(0.12);
    expect(share('unable_not_held')).toBeLessThan(0.3);

    const reviews = reports.map((r) => ({ corrected: figure(r, 't4', 'review', 'corrected').value ?? 0, all: figure(r, 't4', 'review', 'total').value ?? 0 }));
    const correction = sum(reviews.map((x) => x.corrected)) / sum(reviews.map((x) => x.all));
    expect(correction).toBeGreaterThan(0.03);
    expect(correction).toBeLessThan(0.2);
  });

  it('prints procurement with its own unit and keeps 万元 in value', () => {
    const printsProcurement = new Set(templatesWithCells(['t2.centralized_procurement.procurement_amount']).map((t) => t.id));
    expect([...printsProcurement]).toEqual(['2019']);
    const amounts = reports.filter((r) => printsProcurement.has(r.template)).map((r) => figure(r, 't2', 'centralized_procurement', 'procurement_amount')).filter((c) => c.state === 'number' && c.value !== 0);
    expect(amounts.some((c) => c.raw!.endsWith('万元'))).toBe(true);
    expect(amounts.some((c) => /\d元$/.test(c.raw!))).toBe(true);
    for (const cell of amounts) {
      const printed = Number(cell.raw!.replace(/万?元$/, ''));
      expect(cell.value).toBeCloseTo(cell.raw!.endsWith('万元') ? printed : printed / 10_000, 8);
    }
    expect(reports.filter((r) => !printsProcurement.has(r.template)).every((r) => !r.cells.some((c) => c.row === 'centralized_procurement'))).toBe(true);
  });

  it('writes metrics of the contract keys, each with the sentence that states it', () => {
    const metrics = reports.flatMap((r) => r.metrics.map((m) => ({ ...m, year: r.year })));
    const problems = metrics.flatMap((m) => {
      const printed = m.key === 'newmedia_followers' && m.evidence.includes('万人') ? `${m.value / 10_000}万` : String(m.value);
      const isNewMedia = m.key === 'newmedia_followers' || m.key === 'newmedia_posts';
      return [
        !METRIC_KEYS.includes(m.key) && 'unknown key',
        isNewMedia && (!m.platform || !m.evidence.startsWith(m.account!)) && 'new-media metric without its platform and account',
        m.key === 'info_processing_fee' && m.year < 2021 && 'fee before the 2021 template',
        !(m.key === 'info_processing_fee' && m.value === 0) && !m.evidence.includes(printed) && 'value not in its evidence',
      ].filter(Boolean).map((problem) => `${problem}: ${m.evidence}`);
    });
    expect(problems).toEqual([]);
    const platforms = new Set(metrics.map((m) => m.platform).filter(Boolean));
    for (const p of ['wechat', 'weibo', 'douyin']) expect(platforms).toContain(p);
    expect(metrics.some((m) => m.approx)).toBe(true);
  });
});
