import { describe, expect, it } from 'vitest';
import { compactView } from './compact.ts';

describe('compactView', () => {
  it('maps every kept character back to the text, however long the text', () => {
    const long = `${'主动公开政府信息 12 条，'.repeat(30_000)}政务公(gōng)开(kāi)`;
    const view = compactView(long);
    expect(view.text.length).toBe(view.origin.length);
    expect(view.text.endsWith('政务公开')).toBe(true);
    expect(long[view.origin.at(-1)!]).toBe('开');
  });
});
