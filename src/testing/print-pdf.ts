/**
 * Chromium's "print to PDF" of a saved report page, offline: the PDFs a user gets by printing a
 * report's web page, used to check the PDF path on a producer other than Word.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const PAGE_SETUPS = {
  A4: { format: 'A4', landscape: false },
  'Letter-landscape': { format: 'Letter', landscape: true },
} as const;
export type PageSetup = keyof typeof PAGE_SETUPS;

export interface Printer {
  print(htmlFile: string, setup: PageSetup): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<Printer> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gongkai-print-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Saved pages link stylesheets and images on their government sites: print them as saved.
  await browser.route(/^https?:/, (route) => route.abort());
  return {
    async print(htmlFile, setup) {
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
        return await page.pdf({ ...PAGE_SETUPS[setup], printBackground: false });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
