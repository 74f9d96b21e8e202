import { describe, expect, it } from 'vitest';
import { divergence } from './divergence.ts';

describe('divergence', () => {
  it('names the first step whose loss is not finite, and what to try', () => {
    // Three metrics a step, steps 11 to 13: the second value of step 12 is NaN.
    const values = Float32Array.of(1, 2, 3, 4, Number.NaN, 6, 7, Infinity, 9);
    expect(divergence(values, 3, 11, 'vae')).toBe(
      'The loss became NaN at step 12, so training was paused. Try a lower learning rate or a smaller β, then Reset.',
    );
    expect(divergence(Float32Array.of(1, -Infinity), 1, 5, 'gan')).toMatch(
      /^The loss became infinite at step 6, .* the WGAN-GP loss/,
    );
  });

  it('is null while every loss is finite', () => {
    expect(divergence(Float32Array.of(0, -1e30, 1e30), 3, 1, 'ae')).toBeNull();
  });
});
