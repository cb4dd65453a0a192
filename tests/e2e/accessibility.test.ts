/**
 * Every view, in both languages, checked by axe-core (WCAG 2.1 A and AA rules): no serious or
 * critical violation. One page moves from view to view, so DuckDB starts once.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, nativeQuery, openAppPage, type AppPage, type Browser } from './harness.ts';
import { VIEWS } from '../../src/app/views/registry.ts';
import { CONSOLE_EXAMPLES } from '../../src/app/queries/console-examples.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});


describe('accessibility', () => {
  it.each(['zh', 'en'] as const)('every view in %s: no serious or critical axe violation', async (lang) => {
    const [{ id }] = await nativeQuery<{ id: string }>('SELECT id FROM reports ORDER BY failed_hard DESC, id LIMIT 1');
    const found: string[] = [];
    for (const view of VIEWS) {
      // the console with a result on screen: its table and chart are checked too
      const query = view.route === 'sql' ? `&sql=${encodeURIComponent(CONSOLE_EXAMPLES[0]!.sql[lang])}` : '';
      const hash = `#/${view.route === 'report' ? `report/${encodeURIComponent(id)}` : view.route}?lang=${lang}${query}`;
      await goTo(app.page, hash);
      const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${hash} ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});
