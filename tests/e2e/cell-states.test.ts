/**
 * Every table shows each figure's state as itself: a blank cell as 空白, a missing one as 缺失,
 * one the template lacks as 不适用, an inferred figure as its number marked 推 — never as 0 or
 * as another state. Both datasets, since the real reports have inferred cells and the demo
 * ones blanks.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, startBrowser, waitForIdle, type Browser } from './harness.ts';
import { REPO_ROOT } from './paths.ts';
import { tablePath } from '../../src/ingest/dataset-writer.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});

/** The report of `dataset` with most cells in `state`, read from the served files. */
async function reportWith(dataset: 'real' | 'demo', state: string): Promise<string> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const cells = `read_parquet('${tablePath(`${REPO_ROOT}/dist/data/${dataset}`, 'cells')}')`;
  const reader = await connection.runAndReadAll(`SELECT report_id FROM ${cells} WHERE state = '${state}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  return String(reader.getRowObjectsJS()[0]!.report_id);
}

const TEXT: Record<string, (text: string) => boolean> = {
  value: (t) => /\d/u.test(t) && !/空白|缺失|不适用|推/u.test(t),
  inferred: (t) => /\d/u.test(t) && t.endsWith('推'),
  blank: (t) => t === '空白',
  missing: (t) => t === '缺失',
  na: (t) => t === '不适用',
};


describe('cell states', () => {
  it('every table renders blank, missing, inferred and not applicable as themselves', async () => {
    const seen = new Map<string, string>();
    const wrong: string[] = [];
    for (const dataset of ['real', 'demo'] as const) {
      const app = await browser.open('#/', { dataset });
      await waitForIdle(app.page);
      const detail = [`#/report/${encodeURIComponent(await reportWith(dataset, dataset === 'real' ? 'inferred' : 'blank'))}`, `#/report/${encodeURIComponent(await reportWith(dataset, 'missing'))}`];
      const hashes = [
        '#/outcomes', '#/review', '#/procurement', '#/compare?metric=procurement_t2&year=2023', '#/compare?metric=review_correction_rate',
        '#/compare?metric=applications', '#/trends?metric=procurement_t2&group=all', ...detail,
      ];
      for (const hash of hashes) {
        await goTo(app.page, hash);
        const cells = await app.page.locator('td[data-state]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-state')!, (td.textContent ?? '').trim()]));
        expect(cells.length, `${dataset} ${hash}: no table cell carries its state`).toBeGreaterThan(0);
        for (const [state, text] of cells) {
          if (!seen.has(state)) seen.set(state, `${dataset} ${hash}`);
          if (!TEXT[state]?.(text)) wrong.push(`${dataset} ${hash}: ${state} shown as “${text}”`);
        }
      }
      expect(app.consoleErrors).toEqual([]);
      await app.close();
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(['blank', 'inferred', 'missing', 'na', 'value']);
  }, 300_000);
});
