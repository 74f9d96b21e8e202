import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { BatchOrder } from '../data/random.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { stepContext } from './stepContext.ts';

beforeAll(useCpuBackend);

describe('stepContext', () => {
  it('never repeats a seed across steps, however many draws a step takes', () => {
    // A DCGAN with dsteps = 9 draws noise and three dropout masks per D update: over 64 a step.
    const data = tf.zeros([16, 2]) as tf.Tensor2D;
    const order = new BatchOrder(16, 4, 1);
    const seeds = new Map<number, string>();
    for (let step = 0; step < 20; step++) {
      const ctx = stepContext(data, order, 7, step);
      for (let draw = 0; draw < 200; draw++) {
        const s = ctx.seed();
        expect(seeds.get(s), `step ${step} draw ${draw}`).toBeUndefined();
        seeds.set(s, `${step}/${draw}`);
      }
    }
    // The same run, step and draw give the same seed: runs repeat.
    const again = stepContext(data, order, 7, 3);
    expect(again.seed()).toBe([...seeds].find(([, at]) => at === '3/0')![0]);
    data.dispose();
  });
});
