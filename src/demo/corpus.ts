/**
 * The demo corpus on disk: every generated report printed in one rendering chosen per report,
 * under `<dir>/<year>/`, with a MANIFEST.tsv saying what each file holds.
 */
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { demoReports, type DemoReport } from './generate.ts';
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

export interface DemoCorpusOptions {
  years?: number[];
  /** Called after each file is written, with how many are written so far. */
  onFile?: (written: number) => void;
}

/** Files written at once: enough to keep the disk busy, few enough to bound memory. */
const WRITES_IN_FLIGHT = 32;

/**
 * Writes one file per report under `dir/<year>/` and a MANIFEST.tsv of what each file holds,
 * report by report: a national-scale corpus is never held in memory whole.
 */
export async function writeDemoCorpus(dir: string, seed: number, agencies?: number, options: DemoCorpusOptions = {}): Promise<{ files: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const agencyNumber = new Map<string, number>();
  const yearDirs = new Set<number>();
  const manifest = await open(path.join(dir, 'MANIFEST.tsv'), 'w');
  const inFlight = new Set<Promise<void>>();
  let files = 0;
  let bytes = 0;
  try {
    await manifest.write('file\tagency\tlevel\tyear\ttemplate\trendering\tslips\n');
    for (const report of demoReports({ seed, agencies, years: options.years })) {
      const name = report.agency.name!;
      if (!agencyNumber.has(name)) agencyNumber.set(name, agencyNumber.size + 1);
      const rendering = renderingFor(seed, report);
      const { extension, content } = renderReport(report, rendering);
      const file = `${report.year}/a${String(agencyNumber.get(name)).padStart(4, '0')}-${rendering}${extension}`;
      if (!yearDirs.has(report.year)) {
        await mkdir(path.join(dir, String(report.year)), { recursive: true });
        yearDirs.add(report.year);
      }
      const write: Promise<void> = writeFile(path.join(dir, file), content).then(() => {
        inFlight.delete(write);
        files += 1;
        options.onFile?.(files);
      });
      inFlight.add(write);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      bytes += Buffer.byteLength(content);
      await manifest.write(`${[file, name, report.agency.level, report.year, report.template, rendering, report.slips.join(',')].join('\t')}\n`);
    }
    await Promise.all(inFlight);
  } finally {
    await manifest.close();
  }
  return { files, bytes };
}
