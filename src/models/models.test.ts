import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { MODELS } from '../config/models.ts';
import type { ModelId, RunConfig } from '../config/schema.ts';
import { digitTensor } from '../testing/digits.ts';
import { smallConfig, snapshotWeights, trainRows } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { BUILDERS } from './registry.ts';

// What every model of the registry must do, with every loss and optimizer it offers.

const PIXELS = 784;
const MNIST = { kind: 'image', height: 28, width: 28, channels: 1 } as const;
/** Digits shrunk to 8×8 (padded to 32, 4×4 average-pooled): tfjs's CPU convolutions are slow. */
const SMALL = { kind: 'image', height: 8, width: 8, channels: 1 } as const;
let digits: tf.Tensor2D;
let smallDigits: tf.Tensor2D;

beforeAll(async () => {
  await useCpuBackend();
  const n = 200;
  digits = digitTensor(n);
  smallDigits = tf.tidy(() =>
    tf
      .avgPool(
        digits.reshape([n, 28, 28, 1]).pad([
          [0, 0],
          [2, 2],
          [2, 2],
          [0, 0],
        ]) as tf.Tensor4D,
        4,
        4,
        'valid',
      )
      .reshape([n, 64]),
  ) as tf.Tensor2D;
});

const CASES: [string, ModelId, Partial<RunConfig>][] = [
  ['VAE (BCE)', 'vae', {}],
  [
    'VAE (MSE, β = 4, warm-up, 2 layers, ELU)',
    'vae',
    { recon: 'mse', beta: 4, warmup: 10, layers: 2, act: 'elu' },
  ],
  ['autoencoder', 'ae', {}],
  ['autoencoder (MSE, RMSProp)', 'ae', { recon: 'mse', opt: 'rmsprop' }],
  ['GAN, non-saturating', 'gan', {}],
  ['GAN, minimax, label smoothing, SGD', 'gan', { loss: 'minimax', smooth: 0.1, opt: 'sgd' }],
  ['GAN, LSGAN, tanh', 'gan', { loss: 'lsgan', act: 'tanh' }],
  ['GAN, WGAN-GP, 2 critic steps', 'gan', { loss: 'wgangp', dsteps: 2 }],
  // The small convolutional networks, trained here on 8×8 digits (see SMALL).
  ['convolutional VAE', 'vae', { arch: 'conv', batch: 8 }],
  ['convolutional autoencoder', 'ae', { arch: 'conv', batch: 8 }],
  ['DCGAN', 'gan', { arch: 'conv', batch: 4 }],
  ['DCGAN, WGAN-GP', 'gan', { arch: 'conv', batch: 4, loss: 'wgangp' }],
  // The article's networks (articleNets.ts), on 8×8 digits too.
  ['the article’s conv VAE', 'vae', { arch: 'article', batch: 8 }],
  // (its 128-filter layers make it the slowest case: batch 2, and WGAN-GP is left to the
  // small DCGAN, whose critic is built by the same code)
  ['the article’s DCGAN', 'gan', { arch: 'article', batch: 2 }],
];

describe.each(CASES)('%s', (_name, id, patch) => {
  const config = smallConfig(id, { latent: 3, ...patch });
  const conv = config.arch !== 'dense';
  const shape = conv ? SMALL : MNIST;
  const data = () => (conv ? smallDigits : digits);

  it('has the catalog’s metrics and the right output shapes (28×28 digits)', () => {
    const model = BUILDERS[id](config, MNIST);
    expect(model.metricNames).toEqual(MODELS[id].metrics);
    expect(model.latentDim).toBe(3);
    const img = model.generate(tf.randomNormal([5, 3], 0, 1, 'float32', 1) as tf.Tensor2D);
    expect(img.shape).toEqual([5, PIXELS]);
    const v = img.dataSync();
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThanOrEqual(1);
    img.dispose();
    if (model.reconstruct) {
      const rec = model.reconstruct(digits.slice([0, 0], [4, PIXELS]));
      expect(rec.shape).toEqual([4, PIXELS]);
      rec.dispose();
    }
    model.dispose();
  });

  it('changes every trainable weight in one step, with finite metrics', async () => {
    const model = BUILDERS[id](config, shape);
    const before = snapshotWeights(model);
    const [row] = await trainRows(model, data(), config, 1);
    expect(row).toHaveLength(MODELS[id].metrics.length);
    expect(row!.every(Number.isFinite)).toBe(true);
    const after = snapshotWeights(model);
    for (let i = 0; i < before.length; i++) {
      // A Wasserstein critic's output bias gets no gradient: E[d(x)] − E[d(G(z))] and the
      // gradient penalty are both blind to a constant shift of d.
      if (config.loss === 'wgangp' && id === 'gan' && before[i]!.name.startsWith('logit/bias'))
        continue;
      const changed = after[i]!.values.some((v, j) => v !== before[i]!.values[j]);
      expect(changed, `${before[i]!.name} did not change`).toBe(true);
    }
    model.dispose();
  });

  it('takes a learning-rate change mid-run: at rate 0 no weight moves', async () => {
    const model = BUILDERS[id](config, shape);
    await trainRows(model, data(), config, 1); // optimiser state exists
    model.setLive({ ...config, lr: 0, dlr: 0 });
    const before = snapshotWeights(model);
    await trainRows(model, data(), config, 2, 1);
    const after = snapshotWeights(model);
    after.forEach((w, i) => expect(w.values).toEqual(before[i]!.values));
    model.dispose();
  });

  it('repeats from its seed and differs with another', async () => {
    const run = async (seed: number) => {
      const c = { ...config, seed };
      const model = BUILDERS[id](c, shape);
      const rows = await trainRows(model, data(), c, 2);
      model.dispose();
      return rows;
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('keeps the tensor count flat over steps, and frees everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const model = BUILDERS[id](config, shape);
    await trainRows(model, data(), config, 1); // optimisers create their slots on step 1
    const afterOne = tf.memory().numTensors;
    await trainRows(model, data(), config, 2, 1);
    expect(tf.memory().numTensors).toBe(afterOne);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
