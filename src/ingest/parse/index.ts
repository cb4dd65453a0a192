/**
 * One SourceDocument (from any reader) → one ParsedReport (docs/contract.md): sections, template,
 * tables 2–4 as cells, the arithmetic checks, agency, year and narrative metrics.
 */
import { detectTemplate, otherRowsOfText, tables, TEMPLATES, type Template, type TableId } from '../../model/templates/index.ts';
import type { Cell, CheckResult, ParsedReport, SourceFormat } from '../../model/report.ts';
import { runChecks } from '../../model/rules.ts';
import type { SourceDocument } from '../document.ts';
import { identifyReport } from './agency.ts';
import { inferLostCells } from './infer.ts';
import { extractMetrics } from './narrative.ts';
import { normaliseDocument } from './script.ts';
import { locateSections } from './sections.ts';
import { buildStream, originOf, type Stream } from './stream.ts';
import { readTable } from './tables.ts';
import type { MoneyUnit, Region } from './types.ts';

export interface SourceInfo {
  file: string;
  sha256: string;
  format: SourceFormat;
}

const TABLE_TITLES: Record<TableId, string> = { t2: '二、主动公开政府信息情况', t3: '三、收到和处理政府信息公开申请情况', t4: '四、行政复议、行政诉讼情况' };

export function parseDocument(doc: SourceDocument, source: SourceInfo, templates: readonly Template[] = TEMPLATES): ParsedReport {
  const stream = buildStream(normaliseDocument(doc));
  const view = stream.view.text;
  const layout = locateSections(view);
  const warnings: string[] = [];

  const identity = identifyReport(stream.plainLines);
  warnings.push(...identity.warnings);

  // Headers only: a narrative quoting another version's wording must not decide the template.
  const detected = detectTemplate(view.slice(layout.t2?.from ?? layout.t3?.from ?? 0), templates);
  const template = detected.template;
  if (!template) {
    const counts = Object.values(detected.hits);
    const most = Math.max(...counts);
    warnings.push(most === 0
      ? 'template not detected: no table-2 header words of either version were found; no table cells read'
      : `template not detected: header words of ${counts.filter((n) => n === most).length === 2 ? 'both' : 'several'} versions found equally often (${most}); no table cells read`);
  }

  const cells: Cell[] = [];
  const splitChecks: CheckResult[] = [];

  if (template) {
    const otherRows = otherRowsOfText(layout.t3 ? view.slice(layout.t3.from, layout.t3.to) : null, template);
    const lost = new Set<string>();
    for (const table of tables(template, otherRows)) {
      const region = layout[table.id];
      if (!region) {
        warnings.push(`${TABLE_TITLES[table.id]}: table not found in the text (an image, or not printed); no cells read`);
        continue;
      }
      const reading = readTable(stream, region, table, { template, otherRows, headerUnit: headerUnitOf(view, region) });
      if (reading.cells.length === 0) warnings.push(`${TABLE_TITLES[table.id]}: no figures found under the heading (an image, or not printed); no cells read`);
      cells.push(...reading.cells);
      splitChecks.push(...reading.checks);
      warnings.push(...reading.warnings);
      reading.lost.forEach((k) => lost.add(k));
    }
    warnings.push(...inferLostCells(cells, lost, template, otherRows));
  }

  const narrative = layout.narrative.map((r) => plainText(stream, r)).join('\n');
  return {
    source: { file: source.file, sha256: source.sha256, format: source.format },
    agency: identity.agency,
    year: identity.year,
    template: template?.id ?? null,
    cells,
    metrics: extractMetrics(narrative, identity.year),
    checks: template && cells.length > 0 ? [...runChecks(cells, template), ...splitChecks] : splitChecks,
    warnings,
  };
}

/** A table's header may state its money unit once: 本年收费金额（单位：万元）. */
function headerUnitOf(view: string, region: Region): MoneyUnit | null {
  const m = /单位:?(万元|元)|金额\((万元|元)\)/.exec(view.slice(region.from, region.to));
  return m ? ((m[1] ?? m[2]) as MoneyUnit) : null;
}

function plainText(stream: Stream, region: Region): string {
  // a run of tabs as one space: the narrative reader folds blank runs to one space anyway
  return stream.text.slice(originOf(stream, region.from), originOf(stream, region.to)).replace(/\t+/g, ' ');
}
