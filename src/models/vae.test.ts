import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { digitLabels, digitTensor } from '../testing/digits.ts';
import { smallConfig, trainRows } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { createAutoencoder } from './autoencoder.ts';
import { createVae } from './vae.ts';
import { POINT_SIGMA } from '../config/datasets.ts';

// The encoder-decoder models learn: reconstruction falls clearly on 500 real digits.

const MNIST = { kind: 'image', height: 28, width: 28, channels: 1 } as const;
let digits: tf.Tensor2D;
beforeAll(async () => {
  await useCpuBackend();
  digits = digitTensor(500);
});

const mean = (rows: number[][], col: number) => rows.reduce((a, r) => a + r[col]!, 0) / rows.length;

describe('VAE', () => {
  it('the reconstruction loss falls clearly within 150 steps on 500 digits', async () => {
    const config = smallConfig('vae', { hidden: 64, batch: 32, lr: 2e-3, seed: 7 });
    const vae = createVae(config, MNIST);
    const rows = await trainRows(vae, digits, config, 150);
    vae.dispose();
    const first = mean(rows.slice(0, 10), 0);
    const last = mean(rows.slice(-20), 0);
    // BCE summed over 784 pixels starts near 543 (784·ln 2) and should fall well below.
    expect(first).toBeGreaterThan(400);
    expect(last).toBeLessThan(0.6 * first);
    expect(last).toBeLessThan(240);
    for (const row of rows) {
      expect(row[2]).toBeCloseTo(row[0]! + row[1]!, 2); // total = reconstruction + β·KL, β = 1
      expect(row[1]).toBeGreaterThanOrEqual(0); // KL is never negative
    }
  });

  it('β and the KL warm-up weight the KL term in the total', async () => {
    const config = smallConfig('vae', { beta: 4, warmup: 4 });
    const vae = createVae(config, MNIST);
    const rows = await trainRows(vae, digits, config, 6);
    vae.dispose();
    // β ramps as 4·(step + 1)/4: 1, 2, 3, 4, then stays 4.
    [1, 2, 3, 4, 4, 4].forEach((beta, i) => {
      const [recon, kl, total] = rows[i]!;
      expect(total).toBeCloseTo(recon! + beta * kl!, 2);
    });
  });
});

describe('held-out evaluation', () => {
  it('the VAE’s held-out −ELBO and the autoencoder’s held-out loss fall with training', async () => {
    const heldOut = digitTensor(600).slice([500, 0], [100, 784]) as tf.Tensor2D;
    for (const [create, id] of [
      [createVae, 'vae'],
      [createAutoencoder, 'ae'],
    ] as const) {
      const config = smallConfig(id, { hidden: 64, batch: 32, lr: 2e-3, seed: 3 });
      const model = create(config, MNIST);
      const evaluate = () =>
        tf.tidy(() =>
          model.evaluate!(
            heldOut,
            tf.randomNormal([100, 2], 0, 1, 'float32', 1) as tf.Tensor2D,
          ).dataSync(),
        );
      // The VAE reports [reconstruction, −ELBO], the autoencoder [reconstruction].
      const before = evaluate().at(-1)!;
      await trainRows(model, digits, config, 80);
      const tensors = tf.memory().numTensors;
      const values = evaluate();
      const after = values.at(-1)!;
      if (id === 'vae') expect(values[0]).toBeLessThan(values[1]!); // −ELBO = recon + KL, KL > 0
      expect(tf.memory().numTensors).toBe(tensors); // evaluating leaves nothing behind
      expect(before).toBeGreaterThan(400); // ≈ 784·ln 2 untrained
      expect(after).toBeLessThan(0.7 * before);
      model.dispose();
    }
  });
});

describe('autoencoder', () => {
  it('the reconstruction loss falls clearly within 100 steps', async () => {
    const config = smallConfig('ae', { hidden: 64, batch: 32, lr: 2e-3, seed: 7 });
    const ae = createAutoencoder(config, MNIST);
    const rows = await trainRows(ae, digits, config, 100);
    ae.dispose();
    expect(mean(rows.slice(-20), 0)).toBeLessThan(0.6 * mean(rows.slice(0, 10), 0));
  });

  it('log p(x|z) is the decoder’s Gaussian density for points (σ = POINT_SIGMA)', () => {
    const points = { kind: 'points', height: 1, width: 2, channels: 1 } as const;
    const vae = createVae(smallConfig('vae', { latent: 2 }), points);
    const x = tf.tensor2d([[0.3, -0.2]]);
    const z = tf.tensor2d([
      [0, 0],
      [1, -1],
    ]);
    const got = vae.logLikelihood!(x, z).arraySync();
    const means = vae.generate(z).arraySync();
    means.forEach((m, i) => {
      const sq = (0.3 - m[0]!) ** 2 + (-0.2 - m[1]!) ** 2;
      const s2 = POINT_SIGMA ** 2;
      expect(got[i]).toBeCloseTo(-sq / (2 * s2) - Math.log(2 * Math.PI * s2), 3);
    });
    tf.dispose([x, z]);
    vae.dispose();
  });

  it('the conditional VAE reads the class beside x and z, and needs it', async () => {
    const config = smallConfig('cvae', { hidden: 64, batch: 32, lr: 2e-3, seed: 7, latent: 2 });
    const cvae = createVae(config, MNIST);
    expect(cvae.classes).toBe(10);
    expect(cvae.networks[0]!.inputs[0]!.shape).toEqual([null, 784 + 10]);
    expect(cvae.networks[1]!.inputs[0]!.shape).toEqual([null, 2 + 10]);
    const labels = tf.oneHot(tf.tensor1d(digitLabels(500), 'int32'), 10).toFloat() as tf.Tensor2D;
    const rows = await trainRows(cvae, digits, config, 100, 0, undefined, labels);
    expect(mean(rows.slice(-10), 0)).toBeLessThan(0.7 * mean(rows.slice(0, 10), 0));
    const x = digits.slice([0, 0], [2, 784]) as tf.Tensor2D;
    expect(() => cvae.reconstruct!(x)).toThrow(/class of each x/);
    const rebuilt = cvae.reconstruct!(x, digitLabels(2));
    const z = tf.zeros([3, 2]) as tf.Tensor2D;
    // One z, three classes: three different images.
    const images = cvae.generate(z, [1, 4, 7]);
    const [a, b] = [images.slice([0, 0], [1, 784]), images.slice([1, 0], [1, 784])];
    expect(a.sub(b).abs().mean().arraySync()).toBeGreaterThan(0.01);
    expect(rebuilt.shape).toEqual([2, 784]);
    tf.dispose([labels, x, rebuilt, z, images, a, b]);
    cvae.dispose();
  });
});
