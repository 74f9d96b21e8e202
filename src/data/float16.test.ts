import { describe, expect, it } from 'vitest';
import { encodeHalf, fromHalf, toHalf } from './float16.ts';

describe('float16', () => {
  it('encodes the landmarks exactly', () => {
    expect(toHalf(0)).toBe(0);
    expect(toHalf(-0)).toBe(0x8000);
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(toHalf(65504)).toBe(0x7bff); // the largest half
    expect(toHalf(1e6)).toBe(0x7c00); // beyond it: ∞
    expect(toHalf(2 ** -24)).toBe(1); // the smallest subnormal
    expect(toHalf(2 ** -26)).toBe(0); // below half of it: zero
    expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
  });

  it('rounds to the nearest half, ties to even, within 2^-11 relative', () => {
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00); // a tie: stays on the even 1
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // a tie: up to the even neighbour
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = (Math.sin(i * 12.9898) * 43758.5453) % 8; // spread over ±8
      if (Math.abs(v) < 1e-4) continue;
      worst = Math.max(worst, Math.abs(fromHalf(toHalf(v)) - v) / Math.abs(v));
    }
    expect(worst).toBeLessThanOrEqual(2 ** -11);
    expect(worst).toBeGreaterThan(0);
  });

  it('encodes arrays value by value', () => {
    const bits = encodeHalf(new Float32Array([0.5, -0.25, 3]));
    expect([...bits].map(fromHalf)).toEqual([0.5, -0.25, 3]);
  });
});
