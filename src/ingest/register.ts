/**
 * Who is who across years: the agency register (`data/agencies.tsv`) a user can read and
 * correct, and the source addresses of a folder's reports (`MANIFEST.tsv`). Both are applied
 * after parsing, so the parser's own reading stays visible in the report's warnings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AGENCY_LEVELS, type AgencyLevel, type ParsedReport } from '../model/report.ts';

export interface RegisterEntry {
  agencyId: string;
  name: string;
  level: AgencyLevel | null;
  regionCode: string | null;
  isAggregate: boolean | null;
}

export type AgencyRegister = ReadonlyMap<string, RegisterEntry>;

/** Tab-separated rows with a header line; `#` lines are comments. */
function readTsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/u).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  if (!header) return [];
  const names = header.split('\t').map((name) => name.trim());
  return rows.map((line) => {
    const values = line.split('\t');
    return Object.fromEntries(names.map((name, i) => [name, (values[i] ?? '').trim()]));
  });
}

/** Reads an agency register; a malformed line is an error naming the file and line. */
export function readAgencyRegister(file: string): AgencyRegister {
  const register = new Map<string, RegisterEntry>();
  readTsv(file).forEach((row, index) => {
    const where = `${file}: line ${index + 2}`;
    if (!row.agency_id || !row.name) throw new Error(`${where}: agency_id and name are required`);
    if (row.level && !(AGENCY_LEVELS as readonly string[]).includes(row.level)) throw new Error(`${where}: unknown level ${row.level}`);
    if (row.region_code && !/^\d{6}$/u.test(row.region_code)) throw new Error(`${where}: region_code must be six digits (GB/T 2260)`);
    if (row.is_aggregate && !['true', 'false'].includes(row.is_aggregate)) throw new Error(`${where}: is_aggregate must be true or false`);
    if (register.has(row.name)) throw new Error(`${where}: ${row.name} is listed twice`);
    register.set(row.name, {
      agencyId: row.agency_id,
      name: row.name,
      level: (row.level || null) as AgencyLevel | null,
      regionCode: row.region_code || null,
      isAggregate: row.is_aggregate ? row.is_aggregate === 'true' : null,
    });
  });
  return register;
}

/**
 * The register's id for the report's body, and what the register states over what the rules
 * found (each override is noted in the warnings). A body not in the register keeps its name as id.
 */
export function applyRegister(report: ParsedReport, register: AgencyRegister | undefined): void {
  const { agency } = report;
  const entry = agency.name ? register?.get(agency.name) : undefined;
  agency.id = entry?.agencyId ?? agency.name ?? undefined;
  if (!entry) return;
  const override = <K extends 'level' | 'region_code' | 'is_aggregate'>(key: K, value: ParsedReport['agency'][K] | null) => {
    if (value === null || value === agency[key]) return;
    report.warnings.push(`agency: ${key} ${String(agency[key])} → ${String(value)} (agency register)`);
    agency[key] = value;
  };
  override('level', entry.level);
  override('region_code', entry.regionCode);
  override('is_aggregate', entry.isAggregate);
}

/** `(orig https://…)` in a source line is the address the report was published at. */
function addressOf(source: string): string {
  return /\(orig (https?:\/\/[^)\s]+)\)/u.exec(source)?.[1] ?? source;
}

/** file name → source address, from a `MANIFEST.tsv` (columns `file`, `source`) in `dir`. */
export function readSourceManifest(dir: string): Map<string, string> {
  const file = path.join(dir, 'MANIFEST.tsv');
  const sources = new Map<string, string>();
  if (!existsSync(file)) return sources;
  for (const row of readTsv(file)) if (row.file && row.source) sources.set(row.file, addressOf(row.source));
  return sources;
}
