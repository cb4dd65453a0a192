/**
 * A doctored dataset, as someone else's `public/data/` could be: invented reports whose agency
 * names, accounts, evidence, printed cells and warnings carry script. Written with the real
 * dataset writer, and served beside the built app in a copy of dist/ that links everything else.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFirstPaintJson } from '../../scripts/first-paint-json.ts';
import { generateDemoReports } from '../../src/demo/generate.ts';
import { DatasetWriter } from '../../src/ingest/dataset-writer.ts';
import { runChecks } from '../../src/model/rules.ts';
import { DATASETS } from '../../src/model/dataset.ts';
import { templateById } from '../../src/model/templates/index.ts';
import { distWithOwnData } from './server.ts';

/** Each sets `window.__xss` when it runs; the test fails if it ever does. */
export const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2">',
  '"><script>window.__xss=3</script>',
  "'-window.__xss=4-'",
];

export async function writeDoctoredDist(): Promise<string> {
  const dist = distWithOwnData();
  for (const dataset of Object.values(DATASETS)) {
    const dir = join(dist, 'data', dataset);
    mkdirSync(dir, { recursive: true });
    const writer = await DatasetWriter.open();
    try {
      generateDemoReports({ seed: 4242, years: [2020, 2021, 2023], agencies: 8 }).forEach((report, i) => {
        const payload = PAYLOADS[i % PAYLOADS.length]!;
        const name = `${report.agency.name}${payload}`;
        writer.add({
          source: { file: `${payload}.txt`, sha256: `${i}`.padStart(64, '0'), format: 'text', url: `javascript:window.__xss=5` },
          agency: { ...report.agency, name, id: name },
          year: report.year,
          template: report.template,
          cells: report.cells.map((cell, k) => (k % 7 === 0 && cell.raw !== null ? { ...cell, raw: `${cell.raw}${payload}` } : cell)),
          metrics: report.metrics.map((metric) => ({ ...metric, account: metric.account ? `${metric.account}${payload}` : metric.account, evidence: `${metric.evidence}${payload}` })),
          checks: runChecks(report.cells, templateById(report.template)),
          warnings: [`t3.granted.total: ${payload}`],
        }, { synthetic: dataset === DATASETS.demo });
      });
      await writer.write(dir);
    } finally {
      writer.close();
    }
    await writeFirstPaintJson(dir);
  }
  return dist;
}
