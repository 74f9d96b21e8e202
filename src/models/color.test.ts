import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import { buildHostData } from '../data/hostData.ts';
import { smallConfig, snapshotWeights, trainRows } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { BUILDERS } from './registry.ts';

// The convolutional networks on three-channel images (colored shapes, shrunk to 8×8 so tfjs's
// CPU convolutions stay quick), and DCGAN's optional batch norm.

const COLOR = { kind: 'image', height: 8, width: 8, channels: 3 } as const;
let shapes: tf.Tensor2D;

beforeAll(async () => {
  await useCpuBackend();
  const host = buildHostData(smallConfig('vae', { data: 'shapes' }), null, {
    drawn: null,
    upload: null,
  });
  const n = 64;
  shapes = tf.tidy(() =>
    tf
      .avgPool(tf.tensor4d(host.train.subarray(0, n * 3072), [n, 32, 32, 3]), 4, 4, 'valid')
      .reshape([n, 192]),
  ) as tf.Tensor2D;
});

describe('convolutional models on color images', () => {
  for (const model of ['vae', 'gan'] as const) {
    it(`${model}: outputs 8·8·3 values in [0, 1]; every weight trains`, async () => {
      const config = smallConfig(model, { arch: 'conv', batch: 8, latent: 4, bn: 'on' });
      const m = BUILDERS[model](config, COLOR);
      const out = tf.tidy(() =>
        m.generate(tf.randomNormal([5, 4], 0, 1, 'float32', 1) as tf.Tensor2D),
      );
      expect(out.shape).toEqual([5, 192]);
      const v = await out.data();
      out.dispose();
      expect(v.every((x) => x >= 0 && x <= 1)).toBe(true);
      const before = snapshotWeights(m);
      await trainRows(m, shapes, config, 2);
      const after = snapshotWeights(m);
      before.forEach((w, i) => expect(after[i]!.values, w.name).not.toEqual(w.values));
      m.dispose();
    });
  }

  it('DCGAN batch norm: G normalises in training, samples with moving statistics, no leaks', async () => {
    const config = smallConfig('gan', { arch: 'conv', batch: 8, latent: 4, bn: 'on' });
    const gan = BUILDERS.gan(config, COLOR);
    const g = gan.networks[0]!;
    const bnLayers = g.layers.filter((l) => l.getClassName() === 'BatchNormalization');
    expect(bnLayers.map((l) => l.name)).toEqual(['gen_bn0', 'gen_bn1', 'gen_bn2']);
    const movingMean = () =>
      bnLayers[1]!.weights
        .find((w) => w.name.includes('moving_mean'))!
        .read()
        .dataSync()
        .slice();
    const m0 = movingMean();
    await trainRows(gan, shapes, config, 1);
    const base = tf.memory().numTensors;
    await trainRows(gan, shapes, config, 2, 1);
    expect(tf.memory().numTensors).toBe(base);
    expect(movingMean()).not.toEqual(m0); // training updated the moving statistics
    // Sampling is deterministic (inference mode) and does not touch the statistics.
    const z = tf.randomNormal([3, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
    const m1 = movingMean();
    const a = tf.tidy(() => gan.generate(z).dataSync().slice());
    const b = tf.tidy(() => gan.generate(z).dataSync().slice());
    expect(b).toEqual(a);
    expect(movingMean()).toEqual(m1);
    z.dispose();
    gan.dispose();
  });
});
