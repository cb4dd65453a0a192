import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_FOLDERS = ['cmaps', 'standard_fonts'];

/**
 * pdf.js fetches its CMaps and font data by name from a folder URL (readers/pdf-assets.browser.ts):
 * the dev server serves pdfjs-dist's folders at <base>pdfjs/, the build copies them there.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'gongkai-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec(request.url?.split('?')[0] ?? '');
        if (!match) return next();
        try {
          response.end(readFileSync(path.join(PDFJS_DIR, match[1]!, match[2]!)));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const folder of PDFJS_FOLDERS) {
        for (const file of readdirSync(path.join(PDFJS_DIR, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${file}`, source: readFileSync(path.join(PDFJS_DIR, folder, file)) });
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [svelte(), pdfjsAssets()],
  root: '.',
  publicDir: 'public',
  // The parse worker is an entry of its own: scanned at start, its dependencies are not found
  // mid-session (which reloads the page and loses the files being read).
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], entries: ['index.html', 'src/app/own-reports/parse-worker.ts'] },
  build: { assetsInlineLimit: 0, target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
