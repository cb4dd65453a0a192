import { createHash } from 'node:crypto';
import path from 'node:path';
import { displayPath, parseRead } from '../ingest/ingest.ts';
import { readSource } from '../ingest/readers/index.ts';
import type { ParsedReport } from '../model/report.ts';
import { severityOf } from '../model/rules.ts';

/** One report: JSON on stdout, or a short summary; a file that is no report → one line, exit 1. */
export async function runParse(file: string, options: { json: boolean }): Promise<number> {
  const resolved = path.resolve(file);
  const shown = displayPath(resolved);
  let result;
  try {
    const { doc, bytes, format } = await readSource(resolved);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    result = parseRead({ path: resolved, name: path.basename(resolved) }, { doc, format, sha256 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const problem = message.startsWith(`${resolved}: `) ? message.slice(resolved.length + 2) : message;
    process.stderr.write(`gongkai: ${shown}: ${problem.split('\n')[0]}\n`);
    return 1;
  }
  if ('problem' in result) {
    process.stderr.write(`gongkai: ${shown}: ${result.problem}\n`);
    return 1;
  }
  process.stdout.write(options.json ? `${JSON.stringify(result.report, null, 2)}\n` : `${summarize(result.report).join('\n')}\n`);
  return 0;
}

export function summarize(report: ParsedReport): string[] {
  const { agency } = report;
  const place = [agency.province, agency.city, agency.county].filter(Boolean).join(' ');
  const cellStates = (['number', 'blank', 'inferred', 'missing'] as const)
    .map((state) => `${report.cells.filter((c) => c.state === state).length} ${state}`);
  const byStatus = (status: string) => report.checks.filter((c) => c.status === status);
  const failed = byStatus('fail');
  const lines = [
    `file      ${report.source.file} (${report.source.format}, sha256 ${report.source.sha256.slice(0, 12)}…)`,
    `agency    ${agency.name ?? '(not found)'}${agency.level ? ` · ${agency.level}` : ''}${place ? ` · ${place}` : ''}`,
    `year      ${report.year ?? '(not found)'}`,
    `template  ${report.template ?? '(not detected)'}`,
    `cells     ${report.cells.length}: ${cellStates.join(', ')}`,
    `metrics   ${report.metrics.length}`,
    `checks    ${report.checks.length}: ${byStatus('pass').length} pass, ${failed.length} fail, ${byStatus('uncertain').length} uncertain`,
  ];
  for (const check of failed) {
    const where = [check.row, check.col].filter(Boolean).join(' ');
    lines.push(`  fail    ${check.rule} (${severityOf(check.rule)})${where ? ` ${where}` : ''}: ${check.left} vs ${check.right}${check.note ? ` — ${check.note}` : ''}`);
  }
  if (report.warnings.length > 0) lines.push(`warnings  ${report.warnings.length}`, ...report.warnings.map((w) => `  ${w}`));
  return lines;
}
