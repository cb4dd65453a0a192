/**
 * Report files a reader might drop on the page: generated demo reports renamed to a fictional
 * body of their own (示例县某局…), so they are new to the demo dataset, printed as text or
 * Word-exported HTML, and a file that is no report at all.
 */
import { generateDemoReports } from '../demo/generate.ts';
import { renderReport, type Rendering } from '../demo/render.ts';
import { makeDocx, type DocxBlock } from './reader-fixtures.ts';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

/** Not the demo corpus's seed: these reports' bytes are in no shipped dataset. */
const OWN_SEED = 77;

/** `variant` picks one of a few generated reports, so two files need not share their figures. */
export function ownReportFile(agency: string, year: number, rendering: Rendering, name: string, variant = 0): DroppedFile {
  const report = generateDemoReports({ seed: OWN_SEED, agencies: 3, years: [year] })[variant]!;
  const { content } = renderReport({ ...report, agency: { ...report.agency, name: agency } }, rendering);
  return { name, bytes: new TextEncoder().encode(content) };
}

/** Bytes no reader takes: the problem names the file and says binary. */
export function brokenFile(name: string): DroppedFile {
  return { name, bytes: Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256) };
}

/** The same report as a Word document: the tab-separated rendering's table lines become Word tables. */
export async function ownReportDocx(agency: string, year: number, name: string, variant = 0): Promise<DroppedFile> {
  const text = new TextDecoder().decode(ownReportFile(agency, year, 'text-tab', name, variant).bytes);
  const blocks: DocxBlock[] = [];
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    const last = blocks[blocks.length - 1];
    if (!line.includes('\t')) blocks.push(line);
    else if (last && typeof last !== 'string') last.table.push(line.split('\t'));
    else blocks.push({ table: [line.split('\t')] });
  }
  return { name, bytes: await makeDocx(blocks) };
}
