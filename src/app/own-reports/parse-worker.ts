/**
 * Web Worker: one dropped report file at a time → the rows it adds to each dataset table, read
 * and parsed by the same code as `gongkai parse`. Nothing leaves the browser.
 */
import { ReadError } from '../../ingest/document.ts';
import { parseSource, problemOf } from '../../ingest/parse-source.ts';
import { MAX_FILE_BYTES, megabytes, readSourceBytes } from '../../ingest/readers/bytes.ts';
import { reportRows, type DatasetRow } from '../../model/dataset-rows.ts';
import type { DatasetTable } from '../../model/dataset.ts';
import { sha256Hex } from './sha256.ts';

export interface ParseRequest {
  id: number;
  file: File;
}

export type ParsedFile =
  | { problem: string }
  | { sha256: string; agency: string | null; year: number | null; synthetic: boolean; rows: Record<DatasetTable, DatasetRow[]> };

export interface ParseReply {
  id: number;
  outcome: ParsedFile;
}

async function parseFile(file: File): Promise<ParsedFile> {
  let read;
  let sha256: string;
  try {
    if (file.size > MAX_FILE_BYTES) throw new ReadError(file.name, `${megabytes(file.size)} is more than a report's ${megabytes(MAX_FILE_BYTES)}; not read`);
    const bytes = await file.arrayBuffer();
    sha256 = await sha256Hex(bytes);
    read = await readSourceBytes(new Uint8Array(bytes), file.name);
  } catch (error) {
    return { problem: problemOf(error, 'read') };
  }
  const outcome = parseSource(read, file.name, sha256);
  if ('problem' in outcome) return outcome;
  const { report, synthetic } = outcome;
  return { sha256: outcome.sha256, agency: report.agency.name, year: report.year, synthetic, rows: reportRows(report, { synthetic }) };
}

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, file } = event.data;
  let outcome: ParsedFile;
  try {
    outcome = await parseFile(file);
  } catch (error) {
    outcome = { problem: problemOf(error, 'parse') };
  }
  self.postMessage({ id, outcome } satisfies ParseReply);
};
