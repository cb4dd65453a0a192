import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : productionSources(file);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('src/testing', () => {
  it('is imported by tests only, and the app never imports node:fs', () => {
    const offenders = productionSources(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const relative = path.relative(SRC, file);
      return [
        ...(/from '[./]*\/?testing\//.test(text) ? [`${relative} imports src/testing`] : []),
        ...(relative.startsWith('app') && /from 'node:/.test(text) ? [`${relative} imports a Node module`] : []),
      ];
    });
    expect(offenders).toEqual([]);
  });
});
