/**
 * The round-trip property: a generated report, printed in any rendering and read back by the
 * real readers and parser, gives back exactly the figures it was generated with.
 */
import { describe, expect, it } from 'vitest';
import { cellKey, columnDef } from '../model/template.ts';
import type { ParsedReport } from '../model/report.ts';
import { readHtmlDocument } from '../ingest/readers/html.ts';
import { readTextDocument } from '../ingest/readers/text.ts';
import { parseDocument } from '../ingest/parse/index.ts';
import { generateDemoReports, type DemoReport } from './generate.ts';
import { RENDERINGS, renderReport, type Rendering } from './render.ts';

const PER_TEMPLATE = 6;
const reports = generateDemoReports({ seed: 7, agencies: 40 });

/** A spread of reports of one template: evenly spaced, plus ones with blanks and with slips. */
function sample(template: '2019' | '2021'): DemoReport[] {
  const pool = reports.filter((r) => r.template === template);
  const step = Math.floor(pool.length / PER_TEMPLATE);
  const picked = new Set(Array.from({ length: PER_TEMPLATE }, (_, i) => pool[i * step + (i % step)]));
  const withBlanks = pool.find((r) => r.cells.some((c) => c.state === 'blank'));
  const withSlips = pool.find((r) => r.slips.length > 0);
  const busiest = [...pool].sort((a, b) => total(b) - total(a))[0];
  for (const extra of [withBlanks, withSlips, busiest]) if (extra) picked.add(extra);
  return [...picked];
}

function total(report: DemoReport): number {
  return report.cells.find((c) => c.table === 't3' && c.row === 'new_received' && c.col === 'total')?.value ?? 0;
}

export function parseRendering(report: DemoReport, rendering: Rendering): ParsedReport {
  const { extension, content } = renderReport(report, rendering);
  const doc = extension === '.html' ? readHtmlDocument(content) : readTextDocument(content);
  return parseDocument(doc, { file: `roundtrip${extension}`, sha256: 'roundtrip', format: extension === '.html' ? 'html' : 'text' });
}

/** Every way the parsed report differs from the truth, one line each. */
export function differences(report: DemoReport, parsed: ParsedReport, rendering: Rendering): string[] {
  const out: string[] = [];
  if (parsed.template !== report.template) out.push(`template: got ${parsed.template}, want ${report.template}`);
  if (parsed.year !== report.year) out.push(`year: got ${parsed.year}, want ${report.year}`);
  const parsedCells = new Map(parsed.cells.map((c) => [cellKey(c), c]));
  const declined = new Set(parsed.checks.filter((c) => c.rule === 'parse.split' && c.status === 'uncertain').flatMap((c) => c.cells ?? []));
  for (const truth of report.cells) {
    const key = cellKey(truth);
    const got = parsedCells.get(key);
    parsedCells.delete(key);
    if (!got) {
      out.push(`${key}: absent, want ${truth.state} ${truth.raw}`);
      continue;
    }
    if (rendering === 'text-runtogether' && got.state === 'missing' && got.value === null && declined.has(key)) continue;
    const isMoney = columnDef(report.template, truth.table, truth.col)?.unit === '万元';
    const sameValue = truth.value === null || got.value === null ? truth.value === got.value : isMoney ? Math.abs(truth.value - got.value) < 1e-6 : truth.value === got.value;
    if (got.state !== truth.state || !sameValue) out.push(`${key}: got ${got.state} ${got.value} (raw ${JSON.stringify(got.raw)}), want ${truth.state} ${truth.value} (raw ${JSON.stringify(truth.raw)})`);
  }
  for (const key of parsedCells.keys()) out.push(`${key}: not in the template's cells`);
  for (const truth of report.metrics) {
    const found = parsed.metrics.some((m) => m.key === truth.key && Math.abs(m.value - truth.value) < 1e-9 && (truth.platform === undefined || m.platform === truth.platform));
    if (!found) out.push(`metric ${truth.key}=${truth.value}${truth.platform ? ` (${truth.platform})` : ''} not found in «${truth.evidence}»`);
  }
  return out;
}

describe('render → read → parse gives back the generated figures', () => {
  for (const rendering of RENDERINGS) {
    for (const template of ['2019', '2021'] as const) {
      it(`${rendering}, ${template} template`, () => {
        const problems = sample(template).flatMap((report) => differences(report, parseRendering(report, rendering), rendering).map((d) => `${report.agency.name} ${report.year}: ${d}`));
        expect(problems, `${problems.length} differences; first ones:\n${problems.slice(0, 12).join('\n')}`).toEqual([]);
      });
    }
  }
});
