import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuzzReports } from './fuzz.ts';

const reportsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/reports');

describe('fuzzReports (a short run; `npm run fuzz` runs many)', () => {
  it('meets mutated real reports with no crash, no figure that is not in the input, no non-finite number', async () => {
    const originals = readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 20).map((f) => readFileSync(path.join(reportsDir, f), 'utf8'));
    const result = await fuzzReports(originals, 20261207, Array.from({ length: 60 }, (_, n) => n));
    expect({ crash: result.crash, foreign: result.foreign, nonFinite: result.nonFinite }).toEqual({ crash: [], foreign: [], nonFinite: [] });
  }, 120_000);
});
