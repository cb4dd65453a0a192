import path from 'node:path';
import { displayPath, readReport } from '../ingest/read-report.ts';
import type { ParsedReport } from '../model/report.ts';
import { severityOf } from '../model/rules.ts';

/** One report: JSON on stdout, or a short summary; a file that is no report → one line, exit 1. */
export async function runParse(file: string, options: { json: boolean }): Promise<number> {
  const resolved = path.resolve(file);
  const result = await readReport({ path: resolved, name: path.basename(resolved) });
  if ('problem' in result) {
    process.stderr.write(`gongkai: ${displayPath(resolved)}: ${result.problem}\n`);
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
