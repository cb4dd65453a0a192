/**
 * The demo corpus on disk: every generated report printed in one rendering chosen per report,
 * under `<dir>/<year>/`, with a MANIFEST.tsv saying what each file holds.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDemoReports, type DemoReport } from './generate.ts';
import { renderReport, type Rendering } from './render.ts';
import { Random } from './random.ts';

export const DEFAULT_DEMO_SEED = 20190515;

/** Most reports arrive as PDF text or web pages; run-together cells are a minority by design. */
const RENDERING_WEIGHTS: [Rendering, number][] = [
  ['text-tab', 0.3], ['text-lines', 0.2], ['text-layout', 0.2], ['html', 0.25], ['text-runtogether', 0.05],
];

export function renderingFor(seed: number, report: DemoReport): Rendering {
  let draw = Random.derive(seed, 'rendering', report.agency.name!, report.year).next();
  for (const [rendering, weight] of RENDERING_WEIGHTS) {
    draw -= weight;
    if (draw < 0) return rendering;
  }
  return RENDERING_WEIGHTS[0][0];
}

/** Writes one file per report under `dir/<year>/` and a MANIFEST.tsv of what each file holds. */
export async function writeDemoCorpus(dir: string, seed: number, agencies?: number): Promise<{ files: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  const reports = generateDemoReports({ seed, agencies });
  const agencyNumber = new Map<string, number>();
  const manifest = ['file\tagency\tlevel\tyear\ttemplate\trendering\tslips'];
  let bytes = 0;
  for (const report of reports) {
    const name = report.agency.name!;
    if (!agencyNumber.has(name)) agencyNumber.set(name, agencyNumber.size + 1);
    const rendering = renderingFor(seed, report);
    const { extension, content } = renderReport(report, rendering);
    const file = `${report.year}/a${String(agencyNumber.get(name)).padStart(4, '0')}-${rendering}${extension}`;
    await mkdir(path.join(dir, String(report.year)), { recursive: true });
    await writeFile(path.join(dir, file), content);
    bytes += Buffer.byteLength(content);
    manifest.push([file, name, report.agency.level, report.year, report.template, rendering, report.slips.join(',')].join('\t'));
  }
  await writeFile(path.join(dir, 'MANIFEST.tsv'), manifest.join('\n') + '\n');
  return { files: reports.length, bytes };
}
