import { describe, expect, it } from 'vitest';
import { SYNTHETIC_MARKER } from '../model/dataset.ts';
import { generateDemoReports, type DemoReport } from './generate.ts';
import { RENDERINGS, renderReport, reportTitle } from './render.ts';

const reports = generateDemoReports({ seed: 3, agencies: 30 });
const withBlanks = (template: string) => reports.find((r) => r.template === template && r.cells.some((c) => c.state === 'blank'))!;
const plain = (template: string) => reports.find((r) => r.template === template && !r.cells.some((c) => c.state === 'blank') && r.metrics.length > 3)!;
const HEADINGS = [/^一、总体情况$/m, /^二、主动公开政府信息情况$/m, /^三、收到和处理政府信息公开申请情况$/m, /^四、(政府信息公开行政复议、行政诉讼情况|申请行政复议、提起行政诉讼情况)$/m, /^五、.*存在的主要问题及改进情况$/m, /^六、其他需要报告的事项$/m];
const textOf = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&nbsp;/g, ' ').replace(/\n+/g, '\n');

describe('renderReport', () => {
  it('prints the title, the synthetic marker right under it and the six sections, in every rendering', () => {
    for (const report of [plain('2019'), plain('2021')]) {
      for (const rendering of RENDERINGS) {
        const { extension, content } = renderReport(report, rendering);
        expect(extension).toBe(rendering === 'html' ? '.html' : '.txt');
        const lines = (rendering === 'html' ? textOf(content) : content).split('\n').map((l) => l.trim()).filter(Boolean);
        const title = lines.lastIndexOf(reportTitle(report));
        expect(title, rendering).toBeGreaterThanOrEqual(0);
        expect(lines[title + 1]).toBe(SYNTHETIC_MARKER);
        const body = lines.join('\n');
        for (const heading of HEADINGS) expect(body, `${rendering} ${heading}`).toMatch(heading);
        for (const metric of report.metrics) expect(body.replace(/\n/g, '')).toContain(metric.evidence);
      }
    }
  });

  it('is deterministic', () => {
    for (const rendering of RENDERINGS) expect(renderReport(reports[5], rendering)).toEqual(renderReport(reports[5], rendering));
  });

  it('prints the template header words that tell the versions apart', () => {
    for (const rendering of RENDERINGS) {
      const old = renderReport(plain('2019'), rendering).content;
      const revised = renderReport(plain('2021'), rendering).content;
      for (const word of ['本年新制作数量', '上一年项目数量', '采购总金额']) expect(old).toContain(word);
      for (const word of ['本年制发件数', '现行有效件数', '本年收费金额']) expect(revised.replace(/\n/g, '')).toContain(word);
      expect(revised).not.toContain('采购总金额');
    }
  });

  it('text-tab: one table row per line, its cells separated by tabs', () => {
    const report = plain('2021');
    const lines = renderReport(report, 'text-tab').content.split('\n');
    const granted = lines.find((l) => l.includes('（一）予以公开'))!.split('\t');
    const want = report.cells.filter((c) => c.table === 't3' && c.row === 'granted').map((c) => c.raw);
    expect(granted).toEqual(['三、本年度办理结果', '（一）予以公开', ...want]);
    const t4 = report.cells.filter((c) => c.table === 't4').map((c) => c.raw).join('\t');
    expect(lines).toContain(t4);
  });

  it('text-lines: one cell per line; text-runtogether: a row’s cells with no separator', () => {
    const report = plain('2019');
    const figures = (row: string) => report.cells.filter((c) => c.table === 't3' && c.row === row).map((c) => c.raw!);
    const lines = renderReport(report, 'text-lines').content.split('\n');
    const at = lines.indexOf('一、本年新收政府信息公开申请数量');
    expect(lines.slice(at + 1, at + 8)).toEqual(figures('new_received'));
    expect(renderReport(report, 'text-runtogether').content.split('\n')).toContain(`一、本年新收政府信息公开申请数量${figures('new_received').join('')}`);
  });

  it('text-layout: figures in columns at least two spaces apart', () => {
    const report = plain('2021');
    const line = renderReport(report, 'text-layout').content.split('\n').find((l) => l.startsWith('四、结转下年度继续办理'))!;
    expect(line.split(/\s{2,}/).slice(1)).toEqual(report.cells.filter((c) => c.table === 't3' && c.row === 'carried_over_out').map((c) => c.raw));
  });

  it('html: Word-style tables with rowspan/colspan, and blanks printed empty', () => {
    for (const template of ['2019', '2021'] as const) {
      const report = withBlanks(template);
      const html = renderReport(report, 'html').content;
      expect(html.match(/<table/g)).toHaveLength(3);
      expect(html).toContain(`rowspan="${{ '2019': 20, '2021': 22 }[template]}"`);
      expect(html).toContain('colspan="7"');
      expect(html).toMatch(/&nbsp;|<td[^>]*><\/td>|>-<|>\/</);
    }
  });

  it('html: every table is a full rectangle once rowspan and colspan are laid out', () => {
    for (const template of ['2019', '2021'] as const) {
      const html = renderReport(withBlanks(template), 'html').content;
      for (const table of html.match(/<table[\s\S]*?<\/table>/g)!) {
        const occupied: number[][] = [];
        table.match(/<tr>[\s\S]*?<\/tr>/g)!.forEach((tr, y) => {
          let x = 0;
          for (const td of tr.match(/<td[^>]*>/g)!) {
            const span = (name: string) => Number(td.match(new RegExp(`${name}="(\\d+)"`))?.[1] ?? 1);
            while (occupied[y]?.[x]) x++;
            for (let dy = 0; dy < span('rowspan'); dy++) for (let dx = 0; dx < span('colspan'); dx++) (occupied[y + dy] ??= [])[x + dx] = 1;
            x += span('colspan');
          }
        });
        const widths = occupied.map((row) => row.filter(Boolean).length);
        expect(new Set(widths).size, `${template}: row widths ${widths}`).toBe(1);
      }
    }
  });

  it('prints blanks as nothing, a dash or a slash — never as 0', () => {
    const report: DemoReport = withBlanks('2019');
    const rowWithBlank = report.cells.find((c) => c.table === 't3' && c.row === 'new_received' && c.state === 'blank') ? 'new_received' : 'carried_over_out';
    const label = rowWithBlank === 'new_received' ? '一、本年新收政府信息公开申请数量' : '四、结转下年度继续办理';
    const truth = report.cells.filter((c) => c.table === 't3' && c.row === rowWithBlank);
    const printed = (glyphForEmpty: string, last: string) => truth.map((c, i) => (c.state === 'number' ? c.raw : c.raw || (i === truth.length - 1 ? last : glyphForEmpty)));
    const tab = renderReport(report, 'text-tab').content.split('\n').find((l) => l.startsWith(label))!;
    expect(tab.split('\t').slice(1)).toEqual(printed('', '-'));
    const lines = renderReport(report, 'text-lines').content.split('\n');
    const at = lines.indexOf(label);
    expect(lines.slice(at + 1, at + 8)).toEqual(printed('/', '/'));
  });
});
