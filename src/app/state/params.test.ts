import { describe, expect, it } from 'vitest';
import { APP, APP_PARAMS, change, clashes, codecs, encodeParam, param, readParam } from './params.ts';
import { ALL_PARAMS, COMPARE_PARAMS, QUALITY_PARAMS, TRENDS_PARAMS } from '../views/params.ts';

describe('URL parameters', () => {
  it('read a value the URL holds, and the default for one it cannot', () => {
    expect(readParam({ sort: 'agency' }, COMPARE_PARAMS.sort)).toBe('agency');
    expect(readParam({ sort: 'nonsense' }, COMPARE_PARAMS.sort)).toBe('value');
    expect(readParam({}, COMPARE_PARAMS.year)).toBeNull();
    expect(readParam({ year: '2023' }, COMPARE_PARAMS.year)).toBe(2023);
    expect(readParam({ year: 'last' }, COMPARE_PARAMS.year)).toBeNull();
    expect(readParam({ q_page: '-2' }, QUALITY_PARAMS.page)).toBe(0);
    expect(readParam({ agencies: '甲,,乙' }, TRENDS_PARAMS.agencies)).toEqual(['甲', '乙']);
    expect(readParam({ lang: 'fr' }, APP_PARAMS.lang)).toBe('zh');
  });

  it('keep defaults out of the URL', () => {
    expect(encodeParam(COMPARE_PARAMS.sort, 'value')).toBeNull();
    expect(encodeParam(COMPARE_PARAMS.sort, 'level')).toBe('level');
    expect(encodeParam(QUALITY_PARAMS.page, 0)).toBeNull();
    expect(change(COMPARE_PARAMS.selected, [])).toEqual({ key: 'sel', value: null });
    expect(change(COMPARE_PARAMS.selected, ['甲', '乙'])).toEqual({ key: 'sel', value: '甲,乙' });
    expect(change(APP_PARAMS.lang, 'en')).toEqual({ key: 'lang', value: 'en' });
  });

  it('declare no key twice where both can be in the URL at once', () => {
    expect(clashes(ALL_PARAMS)).toEqual([]);
    const mine = param('trends', 'lang', codecs.text(), '');
    const twice = param('compare', 'sort', codecs.text(), '');
    expect(clashes([...ALL_PARAMS, mine, twice])).toEqual([`lang: ${APP} and trends`, 'sort: compare and compare']);
  });
});
