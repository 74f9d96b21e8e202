import { describe, expect, it } from 'vitest';
import { gridCodes, interpolateCodes } from './latentCodes.ts';

describe('gridCodes', () => {
  it('sweeps two dimensions over [−range, range] and keeps the others at the base', () => {
    const g = gridCodes([0.5, 0, 0], [1, 2], 2, 3);
    expect(g).toHaveLength(27);
    const code = (r: number, c: number) =>
      Array.from(g.subarray((r * 3 + c) * 3, (r * 3 + c) * 3 + 3));
    expect(code(0, 0)).toEqual([0.5, -2, 2]); // top left: dims[1] at +range
    expect(code(1, 1)).toEqual([0.5, 0, -0]);
    expect(code(2, 2)).toEqual([0.5, 2, -2]);
  });
});

describe('interpolateCodes', () => {
  const a = [1, 0];
  const b = [0, 1];
  it('linear: straight line, ends included', () => {
    const l = interpolateCodes(a, b, 3, 'linear');
    expect(Array.from(l)).toEqual([1, 0, 0.5, 0.5, 0, 1]);
  });

  it('spherical: stays on the circle between two unit codes', () => {
    const s = interpolateCodes(a, b, 5, 'spherical');
    for (let i = 0; i < 5; i++) expect(Math.hypot(s[2 * i]!, s[2 * i + 1]!)).toBeCloseTo(1, 6);
    expect(s[2]).toBeCloseTo(Math.cos(Math.PI / 8), 6); // a quarter of the way: angle π/8
    expect(s[8]).toBeCloseTo(0, 6); // the last code is b
    expect(s[9]).toBeCloseTo(1, 6);
  });

  it('spherical falls back to the line for parallel codes', () => {
    expect(Array.from(interpolateCodes([1, 1], [2, 2], 3, 'spherical'))).toEqual([
      1, 1, 1.5, 1.5, 2, 2,
    ]);
  });
});
