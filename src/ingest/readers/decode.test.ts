import { describe, expect, it } from 'vitest';
import { latin1 } from './decode.ts';

describe('latin1', () => {
  it('gives every byte as the code point of the same number, as Node’s latin1 does, at any length', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...latin1(every)].map((c) => c.charCodeAt(0))).toEqual([...every]);
    // a byte-order mark's bytes stay two characters: nothing is taken for a BOM
    expect(latin1(Uint8Array.of(0xff, 0xfe, 0x41))).toBe('\u00ff\u00feA');
    let seed = 7;
    const random = Uint8Array.from({ length: 70_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(latin1(random)).toBe(Buffer.from(random).toString('latin1'));
    expect(latin1(new Uint8Array(0))).toBe('');
  });
});
