import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { bceWithLogits, klToStandardNormal } from './losses.ts';

beforeAll(useCpuBackend);

describe('bceWithLogits', () => {
  it('equals −[x·log σ(l) + (1−x)·log(1−σ(l))] summed over pixels', async () => {
    const x = tf.tensor2d([[0, 1, 0.25]]);
    const l = tf.tensor2d([[-2, 3, 0.5]]);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = [0, 1, 0.25].reduce((acc, xi, i) => {
      const s = sig([-2, 3, 0.5][i]!);
      return acc - (xi * Math.log(s) + (1 - xi) * Math.log(1 - s));
    }, 0);
    const got = await bceWithLogits(x, l).data();
    expect(got[0]).toBeCloseTo(expected, 5);
    tf.dispose([x, l]);
  });

  it('stays finite for huge logits', async () => {
    const x = tf.tensor2d([[0, 1]]);
    const l = tf.tensor2d([[1000, -1000]]);
    const got = await bceWithLogits(x, l).data();
    expect(got[0]).toBeCloseTo(2000, 3);
    tf.dispose([x, l]);
  });
});

describe('klToStandardNormal', () => {
  it('is 0 when q(z|x) is N(0, I) and matches the closed form otherwise', async () => {
    const zero = await klToStandardNormal(tf.zeros([1, 3]), tf.zeros([1, 3])).data();
    expect(zero[0]).toBeCloseTo(0, 6);
    // μ = 1, logVar = ln 4 (σ² = 4): KL = ½(σ² + μ² − 1 − ln σ²) per dim
    const mu = tf.tensor2d([[1, 1]]);
    const logVar = tf.tensor2d([[Math.log(4), Math.log(4)]]);
    const got = await klToStandardNormal(mu, logVar).data();
    expect(got[0]).toBeCloseTo(2 * 0.5 * (4 + 1 - 1 - Math.log(4)), 5);
  });
});
