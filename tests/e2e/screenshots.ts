/**
 * Screenshots of every view, zh and en, 1280 and 375 px wide, into /tmp/shots/ (outside the
 * repo), for a person to look at.   npx tsx tests/e2e/screenshots.ts [--vision deuteranopia] [route...]
 * `--vision` shows them as a reader with that colour-vision deficiency sees them (Chromium's
 * emulation: deuteranopia, protanopia, tritanopia, achromatopsia).
 */
import { screenshot, startBrowser, waitForIdle } from './harness.ts';
import { startPreview } from './server.ts';

const preview = await startPreview();
const browser = await startBrowser(preview.baseUrl);
try {
  const args = process.argv.slice(2);
  const visionAt = args.indexOf('--vision');
  const vision = visionAt >= 0 ? args.splice(visionAt, 2)[1] : null;
  const wanted = args;
  const routes = wanted.length > 0 ? wanted : ['overview', 'compare', 'trends', 'outcomes', 'procurement', 'newmedia', 'review', 'quality', 'sql'];
  for (const route of routes) {
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [1280, 375]) {
        const app = await browser.open(`#/${route}${lang === 'en' ? '?lang=en' : ''}`, { width, height: width > 400 ? 900 : 800 });
        if (vision) {
          const cdp = await app.page.context().newCDPSession(app.page);
          await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: vision as 'deuteranopia' });
        }
        await waitForIdle(app.page);
        await screenshot(app.page, `${route}-${lang}-${width}${vision ? `-${vision}` : ''}`);
        if (app.consoleErrors.length > 0) console.log(`${route} ${lang} ${width}: console errors`, app.consoleErrors);
        if (app.foreignRequests().length > 0) console.log(`${route} ${lang} ${width}: foreign requests`, app.foreignRequests());
        await app.close();
        console.log(`/tmp/shots/${route}-${lang}-${width}${vision ? `-${vision}` : ''}.png`);
      }
    }
  }
} finally {
  await browser.close();
  preview.stop();
}
