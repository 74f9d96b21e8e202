import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { gaussian2d, smallConfig, trainRows } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { createGan } from './gan.ts';
import { discriminatorLoss, generatorLoss, gradientPenalty } from './ganLosses.ts';

beforeAll(useCpuBackend);

const num = (t: tf.Tensor) => t.dataSync()[0]!;

describe('GAN losses', () => {
  const d = (v: number[]) => tf.tensor1d(v);
  const softplus = (v: number) => Math.log1p(Math.exp(v));

  it('standard D loss is BCE with real label t and fake label 0', () => {
    const got = num(discriminatorLoss('nonsaturating', d([2]), d([-1]), 0.9));
    expect(got).toBeCloseTo(0.9 * softplus(-2) + 0.1 * softplus(2) + softplus(-1), 5);
  });

  it('generator losses: non-saturating, minimax, least squares, Wasserstein', () => {
    expect(num(generatorLoss('nonsaturating', d([0.5])))).toBeCloseTo(softplus(-0.5), 5);
    expect(num(generatorLoss('minimax', d([0.5])))).toBeCloseTo(-softplus(0.5), 5); // log(1 − σ(d))
    expect(num(generatorLoss('lsgan', d([0.5])))).toBeCloseTo(0.5 * 0.25, 5);
    expect(num(generatorLoss('wgangp', d([0.5, 1.5])))).toBeCloseTo(-1, 5);
  });

  it('the minimax G loss saturates where the non-saturating one does not', () => {
    // When D confidently rejects fakes (d ≪ 0) the minimax gradient vanishes.
    const grad = (kind: 'minimax' | 'nonsaturating') =>
      num(tf.grad((x: tf.Tensor) => generatorLoss(kind, x))(d([-8])));
    expect(Math.abs(grad('minimax'))).toBeLessThan(1e-3);
    expect(Math.abs(grad('nonsaturating'))).toBeGreaterThan(0.99);
  });

  it('LSGAN and WGAN critic losses', () => {
    expect(num(discriminatorLoss('lsgan', d([1]), d([0]), 1))).toBeCloseTo(0, 6);
    expect(num(discriminatorLoss('wgangp', d([3]), d([1]), 1))).toBeCloseTo(-2, 6);
  });

  it('the gradient penalty is 0 for a 1-Lipschitz linear critic and grows with the slope', () => {
    const real = tf.tensor2d([[1, 0]]);
    const fake = tf.tensor2d([[0, 0]]);
    const alpha = tf.tensor2d([[0.5]]);
    const linear = (w: number[]) => (x: tf.Tensor2D) =>
      x.matMul(tf.tensor2d([w], [1, 2]).transpose());
    expect(num(gradientPenalty(linear([0.6, 0.8]), real, fake, alpha))).toBeCloseTo(0, 5);
    expect(num(gradientPenalty(linear([3, 4]), real, fake, alpha))).toBeCloseTo(16, 4);
  });

  it('the gradient penalty’s gradient with respect to the critic’s weights matches finite differences', async () => {
    // A gradient of a gradient: the critic must be twice differentiable (|x|-based LeakyReLU).
    const w1 = tf.variable(
      tf.tensor2d([
        [0.5, -0.3, 0.8],
        [0.2, 0.9, -0.4],
      ]),
    );
    const w2 = tf.tensor2d([[0.7], [-1.1], [0.6]]);
    const critic = (x: tf.Tensor2D) => {
      const h = x.matMul(w1);
      return h.mul(0.6).add(h.abs().mul(0.4)).matMul(w2); // LeakyReLU(0.2)
    };
    const real = tf.tensor2d([
      [1, 0.5],
      [0.2, -0.3],
    ]);
    const fake = tf.tensor2d([
      [0, 0.1],
      [-0.5, 0.4],
    ]);
    const alpha = tf.tensor2d([[0.3], [0.6]]);
    const penalty = () => gradientPenalty(critic, real, fake, alpha);
    const { value, grads } = tf.variableGrads(penalty, [w1]);
    const auto = grads[w1.name]!.dataSync();
    const base = num(value);
    const w = w1.dataSync().slice();
    const eps = 1e-3;
    for (let i = 0; i < w.length; i++) {
      const nudged = w.slice();
      nudged[i]! += eps;
      w1.assign(tf.tensor2d(nudged, [2, 3]));
      const numeric = (num(penalty()) - base) / eps;
      expect(auto[i]).toBeCloseTo(numeric, 2);
    }
    w1.dispose();
  });
});

describe('a GAN on a 2-D Gaussian', () => {
  // Points, not pixels: G's output is linear, so a target outside [0, 1] is reachable.
  const target: [number, number] = [1.2, -0.8];
  const data = () => gaussian2d(512, target, 0.03, 3);

  const generatedMean = (gan: ReturnType<typeof createGan>) =>
    tf.tidy(() =>
      Array.from(
        gan
          .generate(tf.randomNormal([256, 2], 0, 1, 'float32', 9) as tf.Tensor2D)
          .mean(0)
          .dataSync(),
      ),
    );

  it.each<[string, Partial<RunConfig>]>([
    ['non-saturating', {}],
    // The WGAN-GP paper's optimiser settings: Adam with β1 = 0, β2 = 0.9, 5 critic steps.
    ['WGAN-GP', { loss: 'wgangp', dsteps: 5, lr: 1e-3, dlr: 1e-3, b1: 0, b2: 0.9 }],
  ])('%s moves its samples’ mean toward the target’s', async (_name, patch) => {
    const x = data();
    const config = smallConfig('gan', {
      latent: 2,
      hidden: 32,
      batch: 32,
      lr: 2e-3,
      dlr: 2e-3,
      ...patch,
    });
    const gan = createGan(config, { kind: 'points', height: 1, width: 2, channels: 1 });
    const dist = (m: number[]) => Math.hypot(m[0]! - target[0], m[1]! - target[1]);
    const before = dist(generatedMean(gan));
    await trainRows(gan, x, config, 150);
    const after = dist(generatedMean(gan));
    gan.dispose();
    x.dispose();
    expect(before).toBeGreaterThan(1); // starts near (0, 0)
    expect(after).toBeLessThan(before / 2);
  });
});

describe('conditional GAN', () => {
  it('G reads [z, y] and D reads [x, y]; a step on labelled digits trains both', async () => {
    const { digitTensor, digitLabels } = await import('../testing/digits.ts');
    const image = { kind: 'image', height: 28, width: 28, channels: 1 } as const;
    for (const loss of ['nonsaturating', 'wgangp'] as const) {
      const config = smallConfig('cgan', { hidden: 32, batch: 16, loss, seed: 3 });
      const gan = createGan(config, image);
      expect(gan.networks[0]!.inputs[0]!.shape).toEqual([null, config.latent + 10]);
      expect(gan.networks[1]!.inputs[0]!.shape).toEqual([null, 784 + 10]);
      const x = digitTensor(64);
      const y = tf.oneHot(tf.tensor1d(digitLabels(64), 'int32'), 10).toFloat() as tf.Tensor2D;
      const rows = await trainRows(gan, x, config, 3, 0, undefined, y);
      for (const row of rows) for (const v of row) expect(Number.isFinite(v)).toBe(true);
      const scores = gan.critic!(x.slice([0, 0], [4, 784]), digitLabels(4));
      expect(scores.shape).toEqual([4]);
      tf.dispose([x, y, scores]);
      gan.dispose();
    }
  });
});

describe('one network at a time (GAN Lab’s Train D only / Train G only)', () => {
  it('trainPart("d") moves D’s weights alone, trainPart("g") G’s alone, each with a whole row', async () => {
    const { snapshotWeights } = await import('../testing/models.ts');
    const { stepContext } = await import('./stepContext.ts');
    const { BatchOrder } = await import('../data/random.ts');
    const points = { kind: 'points', height: 1, width: 2, channels: 1 } as const;
    const config = smallConfig('gan', { batch: 16, seed: 5 });
    const gan = createGan(config, points);
    const data = gaussian2d(64, [1, 1], 0.2, 9);
    const order = new BatchOrder(64, 16, 1);
    const changed = (before: ReturnType<typeof snapshotWeights>) =>
      snapshotWeights(gan).map((w, i) => w.values.some((v, k) => v !== before[i]!.values[k]));
    const gWeights = gan.networks[0]!.trainableWeights.length;
    for (const [part, step] of [
      ['d', 0],
      ['g', 1],
    ] as const) {
      const before = snapshotWeights(gan);
      const row = tf.tidy(() => gan.trainPart!(stepContext(data, order, 5, step), part));
      const values = Array.from(row.dataSync());
      row.dispose();
      expect(values).toHaveLength(4);
      for (const v of values) expect(Number.isFinite(v)).toBe(true);
      const moved = changed(before);
      const gMoved = moved.slice(0, gWeights).some(Boolean);
      const dMoved = moved.slice(gWeights).some(Boolean);
      expect([gMoved, dMoved]).toEqual(part === 'd' ? [false, true] : [true, false]);
    }
    data.dispose();
    gan.dispose();
  });
});
