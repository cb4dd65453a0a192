import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './url.svelte.ts';

describe('URL state', () => {
  it('reads the view, its id and parameters from the hash', () => {
    expect(parseHash('#/report/abc123?lang=en')).toEqual({ route: { name: 'report', id: 'abc123' }, params: { lang: 'en' } });
    expect(parseHash('')).toEqual({ route: { name: 'overview', id: null }, params: {} });
    expect(parseHash('#/compare?metric=&year=2023').params).toEqual({ year: '2023' });
  });

  it('writes a stable hash (sorted keys, empty values dropped) that reads back the same', () => {
    const location = { route: { name: 'compare', id: null }, params: { year: '2023', metric: 'disclosure_rate', sel: '示例省甲市教育局,示例省乙县人民政府', empty: '' } };
    const hash = formatHash(location);
    expect(hash.startsWith('#/compare?metric=disclosure_rate&sel=')).toBe(true);
    expect(hash).not.toContain('empty');
    const back = parseHash(hash);
    expect(back.params.sel).toBe('示例省甲市教育局,示例省乙县人民政府');
    expect(formatHash(back)).toBe(hash);
  });
});
