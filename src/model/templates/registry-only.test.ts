import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './index.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REGISTRY = path.join(SRC, 'model', 'templates');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === REGISTRY ? [] : sources(file);
    return /\.(ts|svelte)$/.test(entry.name) ? [file] : [];
  });
}

/** A template id compared in code (`=== '2019'`, `'2021' !==`) or in SQL (`template = '2019'`, `IN ('2019'`). */
function comparisons(id: string): RegExp {
  const quoted = `['"\`]${id}['"\`]`;
  return new RegExp(`[!=]==?\\s*${quoted}|${quoted}\\s*[!=]==?|\\b(template|version)\\s*(=|<>|!=|IN\\s*\\()\\s*'${id}'|\\b(case|when)\\s+${quoted}`, 'i');
}

describe('the template registry is the one place that knows the versions', () => {
  it('no file outside src/model/templates/ compares anything with a template id', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const { id } of TEMPLATES) if (comparisons(id).test(line)) found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches the comparisons it is meant to', () => {
    const [first] = TEMPLATES;
    for (const line of [`if (template === '${first.id}') {`, `r.template !== "${first.id}"`, `WHERE sel.template = '${first.id}'`, `r.template IN ('${first.id}', 'x')`]) {
      expect(comparisons(first.id).test(line), line).toBe(true);
    }
    expect(comparisons(first.id).test(`expect(report.template).toBe('${first.id}');`)).toBe(false);
  });
});
