import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { VaeConfig } from '../config/schema.ts';
import { BatchOrder, deriveSeed } from '../data/random.ts';
import { loadPackedDigits } from '../testing/digits.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { buildDecoder, buildEncoder, createVae } from './vae.ts';

const PIXELS = 784;
const cfg: VaeConfig = { latentDim: 2, hiddenUnits: 64, batchSize: 32, learningRate: 2e-3 };

let digits: tf.Tensor2D;
beforeAll(async () => {
  await useCpuBackend();
  const set = loadPackedDigits();
  const n = 500;
  digits = tf.tensor2d(
    Float32Array.from(set.pixels.subarray(0, n * PIXELS), (v) => v / 255),
    [n, PIXELS],
  );
});

/** Runs `steps` steps and returns every step's [reconstruction, kl, total]. */
async function train(seed: number, steps: number, c = cfg): Promise<number[][]> {
  const vae = createVae(PIXELS, c, seed);
  const order = new BatchOrder(digits.shape[0], c.batchSize, deriveSeed(seed, 'order'));
  const out: number[][] = [];
  for (let s = 0; s < steps; s++) {
    const idx = order.next();
    const terms = tf.tidy(() => {
      const x = tf.gather(digits, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
      const eps = tf.randomNormal(
        [c.batchSize, c.latentDim],
        0,
        1,
        'float32',
        deriveSeed(seed, 'noise', s),
      );
      return vae.trainStep(x, eps as tf.Tensor2D);
    });
    out.push(Array.from(await terms.data()));
    terms.dispose();
  }
  vae.dispose();
  return out;
}

describe('VAE', () => {
  it('encoder gives μ and logVar of the latent size; decoder gives images', () => {
    const enc = buildEncoder(PIXELS, { ...cfg, latentDim: 5 }, 1);
    const dec = buildDecoder(PIXELS, { ...cfg, latentDim: 5 }, 1);
    const [mu, logVar] = enc.predict(tf.zeros([3, PIXELS])) as tf.Tensor[];
    expect(mu!.shape).toEqual([3, 5]);
    expect(logVar!.shape).toEqual([3, 5]);
    expect((dec.predict(tf.zeros([4, 5])) as tf.Tensor).shape).toEqual([4, PIXELS]);
    tf.dispose([mu!, logVar!]);
    enc.dispose();
    dec.dispose();
  });

  it('decoded and reconstructed images are in [0, 1]', async () => {
    const vae = createVae(PIXELS, cfg, 3);
    const img = vae.decode(tf.randomNormal([6, 2], 0, 3, 'float32', 1) as tf.Tensor2D);
    const rec = vae.reconstruct(digits.slice([0, 0], [4, PIXELS]));
    expect(img.shape).toEqual([6, PIXELS]);
    expect(rec.shape).toEqual([4, PIXELS]);
    for (const t of [img, rec]) {
      const v = await t.data();
      expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...v)).toBeLessThanOrEqual(1);
    }
    tf.dispose([img, rec]);
    vae.dispose();
  });

  it('the reconstruction loss falls clearly within a few hundred steps on 500 digits', async () => {
    const losses = await train(7, 300);
    const mean = (rows: number[][]) => rows.reduce((a, r) => a + r[0]!, 0) / rows.length;
    const first = mean(losses.slice(0, 10));
    const last = mean(losses.slice(-20));
    // BCE summed over 784 pixels starts near 543 (784·ln 2) and should fall well below.
    expect(first).toBeGreaterThan(400);
    expect(last).toBeLessThan(0.6 * first);
    expect(last).toBeLessThan(240);
    for (const row of losses) {
      expect(row[2]).toBeCloseTo(row[0]! + row[1]!, 2); // total = reconstruction + KL
      expect(row[1]).toBeGreaterThanOrEqual(0); // KL is never negative
    }
  });

  it('the same seed gives the same first losses; another seed does not', async () => {
    const a = await train(11, 5);
    const b = await train(11, 5);
    const c = await train(12, 5);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('keeps the tensor count flat: the same after 50 steps as after 1', async () => {
    const vae = createVae(PIXELS, cfg, 5);
    const order = new BatchOrder(500, cfg.batchSize, 1);
    const step = async (s: number) => {
      const idx = order.next();
      const terms = tf.tidy(() => {
        const x = tf.gather(digits, tf.tensor1d(idx, 'int32')) as tf.Tensor2D;
        return vae.trainStep(
          x,
          tf.randomNormal([cfg.batchSize, 2], 0, 1, 'float32', s) as tf.Tensor2D,
        );
      });
      await terms.data();
      terms.dispose();
    };
    await step(0); // the optimiser creates its moment variables on the first step
    const afterOne = tf.memory().numTensors;
    for (let s = 1; s < 50; s++) await step(s);
    expect(tf.memory().numTensors).toBe(afterOne);
    const before = tf.memory().numTensors;
    vae.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});
