import { describe, expect, it } from 'vitest';
import { divergence } from './divergence.ts';

describe('divergence', () => {
  it('names the first step whose loss is not finite, and whether it is NaN', () => {
    // Three metrics a step, steps 11 to 13: the second value of step 12 is NaN.
    const values = Float32Array.of(1, 2, 3, 4, Number.NaN, 6, 7, Infinity, 9);
    expect(divergence(values, 3, 11)).toEqual({ nan: true, step: 12 });
    expect(divergence(Float32Array.of(1, -Infinity), 1, 5)).toEqual({ nan: false, step: 6 });
  });

  it('is null while every loss is finite', () => {
    expect(divergence(Float32Array.of(0, -1e30, 1e30), 3, 1)).toBeNull();
  });
});
