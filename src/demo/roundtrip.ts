/**
 * The round-trip property: a generated report, printed in any rendering and read back by the
 * real readers and parser, gives back exactly the figures it was generated with.
 */
import { cellKey, columnDef, templateById } from '../model/templates/index.ts';
import type { ParsedReport } from '../model/report.ts';
import { readHtmlDocument } from '../ingest/readers/html.ts';
import { readTextDocument } from '../ingest/readers/text.ts';
import { parseDocument } from '../ingest/parse/index.ts';
import type { DemoReport } from './generate.ts';
import { renderReport, type Rendering } from './render.ts';

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
    const isMoney = columnDef(templateById(report.template), truth.table, truth.col)?.unit === '万元';
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
