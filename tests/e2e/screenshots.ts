/**
 * Screenshots of every view, zh and en, 1280 and 375 px wide, into /tmp/shots/ (outside the
 * repo), for a person to look at.   npx tsx tests/e2e/screenshots.ts [route...]
 */
import { screenshot, startBrowser, waitForIdle } from './harness.ts';
import { startPreview } from './server.ts';

const preview = await startPreview();
const browser = await startBrowser(preview.baseUrl);
try {
  const wanted = process.argv.slice(2);
  const routes = wanted.length > 0 ? wanted : ['overview', 'compare', 'trends', 'outcomes', 'procurement', 'newmedia', 'review', 'quality'];
  for (const route of routes) {
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [1280, 375]) {
        const app = await browser.open(`#/${route}${lang === 'en' ? '?lang=en' : ''}`, { width, height: width > 400 ? 900 : 800 });
        await waitForIdle(app.page);
        await screenshot(app.page, `${route}-${lang}-${width}`);
        if (app.consoleErrors.length > 0) console.log(`${route} ${lang} ${width}: console errors`, app.consoleErrors);
        if (app.foreignRequests().length > 0) console.log(`${route} ${lang} ${width}: foreign requests`, app.foreignRequests());
        await app.close();
        console.log(`/tmp/shots/${route}-${lang}-${width}.png`);
      }
    }
  }
} finally {
  await browser.close();
  preview.stop();
}
