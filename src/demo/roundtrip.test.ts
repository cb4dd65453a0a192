import { describe, expect, it } from 'vitest';
import { generateDemoReports, type DemoReport } from './generate.ts';
import { RENDERINGS } from './render.ts';
import { differences, parseRendering } from './roundtrip.ts';

const EVENLY_SPACED = 8;
const reports = generateDemoReports({ seed: 20190515, agencies: 40 });

/**
 * Reports of one template: evenly spaced through the corpus, plus the hard cases — blank cells,
 * blanks printed '-', deliberate slips, the busiest agency (multi-digit figures everywhere),
 * names with 和.
 */
function sample(template: '2019' | '2021'): DemoReport[] {
  const pool = reports.filter((r) => r.template === template);
  const step = Math.floor(pool.length / EVENLY_SPACED);
  const picked = new Set(Array.from({ length: EVENLY_SPACED }, (_, i) => pool[i * step]));
  const hard = [
    ...pool.filter((r) => r.cells.some((c) => c.state === 'blank')).slice(0, 3),
    // Blanks printed '-': run together they read as minus signs ('600---6').
    [...pool].filter((r) => dashBlanks(r) > 0).sort((a, b) => dashBlanks(b) - dashBlanks(a))[0],
    ...pool.filter((r) => r.slips.length > 0).slice(0, 2),
    [...pool].sort((a, b) => total(b) - total(a))[0],
    pool.find((r) => r.agency.name!.includes('和') && r.metrics.some((m) => m.platform)),
  ];
  for (const report of hard) if (report) picked.add(report);
  return [...picked];
}

function dashBlanks(report: DemoReport): number {
  return report.cells.filter((c) => c.state === 'blank' && c.raw === '-').length;
}

function total(report: DemoReport): number {
  return report.cells.find((c) => c.table === 't3' && c.row === 'new_received' && c.col === 'total')?.value ?? 0;
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
