import { describe, expect, it } from 'vitest';
import { enumerateSplits, TooManySplits, type PrintedField } from './split.ts';

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
    expect(texts(enumerateSplits([value('41'), value('-29')], slots))).toEqual(['41|-2|9']);
    const money = [{}, { money: true }];
    expect(texts(enumerateSplits([value('30.5万元')], money))).toEqual(['3|0.5万元']);
    expect(enumerateSplits([value('7.5')], [{}, {}])).toEqual([]);
  });

  it('keeps a printed blank as one cell', () => {
    expect(texts(enumerateSplits([value('40'), { kind: 'blank', raw: '/' }], counts(3)))).toEqual(['4|0|</>']);
  });

  it('gives up past the limit instead of enumerating without bound', () => {
    expect(() => enumerateSplits([value('12345678912345678912')], counts(10), 100)).toThrow(TooManySplits);
  });
});
