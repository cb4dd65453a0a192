import { describe, expect, it } from 'vitest';
import { generateDemoReports, type DemoReport } from './generate.ts';
import { RENDERINGS } from './render.ts';
import { differences, parseRendering } from './roundtrip.ts';

const PER_TEMPLATE = 5;
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
