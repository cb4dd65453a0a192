import { describe, expect, it } from 'vitest';
import { enumerateSplits, TooManySplits } from './split.ts';
import type { PrintedField } from './types.ts';

const value = (text: string): PrintedField => ({ kind: 'value', text });
const texts = (candidates: ReturnType<typeof enumerateSplits>) => candidates.map((c) => c.map((p) => (p.kind === 'value' ? p.text : `<${p.raw}>`)).join('|'));
const counts = (n: number) => Array.from({ length: n }, () => ({}));

describe('enumerateSplits', () => {
  it('cuts a run only where no cell gets a leading zero', () => {
    expect(texts(enumerateSplits([value('006')], counts(3)))).toEqual(['0|0|6']);
    expect(texts(enumerateSplits([value('5000005')], counts(7)))).toEqual(['5|0|0|0|0|0|5']);
  });

  it('lists every reading of an ambiguous run', () => {
    expect(texts(enumerateSplits([value('1234')], counts(3)))).toEqual(['1|2|34', '1|23|4', '12|3|4']);
  });

  it('keeps separate printed fields apart and cuts only inside them', () => {
    // The row total (applied by the caller) then keeps 30,0 | 0,0,0,0,30.
    expect(texts(enumerateSplits([value('300'), value('000030')], counts(7))).sort()).toEqual(['300|0|0|0|0|3|0', '30|0|0|0|0|0|30']);
  });

  it('lets a sign start only a signed cell and decimals and units end only a money cell', () => {
    const slots = [{}, { signed: true }, {}];
    expect(texts(enumerateSplits([value('41'), value('-29')], slots)).sort()).toEqual(['41|-2|9', '41|<->|29']);
    const money = [{}, { money: true }];
    expect(texts(enumerateSplits([value('30.5万元')], money))).toEqual(['3|0.5万元']);
    expect(enumerateSplits([value('7.5')], [{}, {}])).toEqual([]);
  });

  it('keeps a printed blank as one cell', () => {
    expect(texts(enumerateSplits([value('40'), { kind: 'blank', raw: '/' }], counts(3)))).toEqual(['4|0|</>']);
  });

  it("reads a '-' before digits as a blank cell where no sign fits", () => {
    // 一、本年新收…600---6: the text splits it as 600 | - | - | -6, but no count is negative.
    const fields = [value('600'), { kind: 'blank', raw: '-' } as const, { kind: 'blank', raw: '-' } as const, value('-6')];
    expect(texts(enumerateSplits(fields, counts(7), { groups: [{ first: 0, total: 6 }] }))).toEqual(['6|0|0|<->|<->|<->|6']);
    expect(texts(enumerateSplits([value('-0'), value('-0')], counts(4)))).toEqual(['<->|0|<->|0']);
  });

  it('keeps only cuts whose parts add up to the total', () => {
    const row = { groups: [{ first: 0, total: 6 }] };
    expect(texts(enumerateSplits([value('7789166')], counts(3), { groups: [{ first: 0, total: 2 }] }))).toEqual(['77|89|166']);
    // 1+2+3+4+5+6 = 21, and no other cut of the run adds up.
    expect(texts(enumerateSplits([value('12345621')], counts(7), row))).toEqual(['1|2|3|4|5|6|21']);
    // A blank part voids the sum: every cut is left for the table to decide.
    expect(texts(enumerateSplits([value('123'), { kind: 'blank', raw: '/' }, value('4')], counts(4), { groups: [{ first: 0, total: 3 }] })).sort()).toEqual(['12|3|</>|4', '1|23|</>|4']);
  });

  it('checks group totals in the middle of a row (table 4)', () => {
    const groups = [{ first: 0, total: 2 }, { first: 3, total: 5 }];
    expect(texts(enumerateSplits([value('123347')], counts(6), { groups }))).toEqual(['1|2|3|3|4|7']);
  });

  it('gives up past the search budget instead of searching without bound', () => {
    expect(() => enumerateSplits([value('12345678912345678912345678')], counts(12), { budget: 1000 })).toThrow(TooManySplits);
  });

  it('gives up past the limit instead of enumerating without bound', () => {
    expect(() => enumerateSplits([value('12345678912345678912')], counts(10), { limit: 100 })).toThrow(TooManySplits);
  });
});
