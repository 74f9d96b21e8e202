import { beforeAll, describe, expect, it } from 'vitest';
import { smallConfig } from '../testing/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { describeNetwork, type LayerInfo } from './architecture.ts';
import { BUILDERS } from './registry.ts';
import type { ModelId, RunConfig } from '../config/schema.ts';
import type { DataShape } from './types.ts';

// `arch=article` against the article's Keras listings (../shared/000_…txt, section 5), layer by
// layer. Each expected row is the listing's line; where the playground differs on purpose, the
// row says so beside it (the page lists the same changes, with their reasons).

const MNIST = { kind: 'image', height: 28, width: 28, channels: 1 } as const;
const SHAPES = { kind: 'image', height: 32, width: 32, channels: 3 } as const;

beforeAll(async () => {
  await useCpuBackend();
});

type Row = Partial<LayerInfo> & Pick<LayerInfo, 'type'>;

function layouts(model: ModelId, patch: Partial<RunConfig> = {}, shape: DataShape = MNIST) {
  const m = BUILDERS[model](smallConfig(model, { arch: 'article', latent: 16, ...patch }), shape);
  const out = m.networks.map(describeNetwork);
  m.dispose();
  return out;
}

/** Only the fields a row names are compared; the rest (names, params) are free. */
function expectLayers(actual: LayerInfo[], expected: Row[]) {
  expect(actual.map((l) => l.type)).toEqual(expected.map((r) => r.type));
  expected.forEach((row, i) => {
    const picked = Object.fromEntries(
      Object.keys(row).map((k) => [k, actual[i]![k as keyof LayerInfo]]),
    );
    expect(picked, `layer ${i} (${actual[i]!.name})`).toEqual(row);
  });
}

const convT = (filters: number, strides: number, output: number[], activation = 'linear'): Row => ({
  type: 'Conv2DTranspose',
  filters,
  kernel: [5, 5],
  strides: [strides, strides],
  padding: 'same',
  activation,
  output,
});
const leaky: Row = { type: 'LeakyReLU', activation: 'leakyRelu', slope: 0.3 };
const flatten: Row = { type: 'Flatten' };

describe('the article’s DCGAN (arch=article)', () => {
  it('G is the listing’s generator, less the one upsampling that made 56×56', () => {
    const [g] = layouts('gan');
    expect(g!.name).toBe('generator');
    expectLayers(g!.layers, [
      // layers.Dense(128 * 7 * 7, activation="relu", input_dim=[latent_dim])
      { type: 'Dense', units: 128 * 7 * 7, activation: 'relu', output: [6272] },
      // layers.Reshape((7, 7, 128))
      { type: 'Reshape', output: [7, 7, 128] },
      // layers.Conv2DTranspose(128, kernel_size=5, strides=1, padding="same"), LeakyReLU()
      convT(128, 1, [7, 7, 128]),
      { ...leaky, output: [7, 7, 128] },
      // layers.Conv2DTranspose(128, kernel_size=5, strides=2, padding="same"), LeakyReLU()
      convT(128, 2, [14, 14, 128]),
      { ...leaky, output: [14, 14, 128] },
      // Left out: the listing's third Conv2DTranspose(128, 5, strides=2) + LeakyReLU (28×28
      // data need two upsamplings of 7×7, not three).
      // layers.Conv2DTranspose(3, kernel_size=5, strides=2, padding="same", activation="tanh"),
      // with the data's channels (1 for MNIST) in place of the listing's 3.
      convT(1, 2, [28, 28, 1], 'tanh'),
      // Ours: the data travel flat.
      { ...flatten, output: [784] },
    ]);
  });

  it('D is the listing’s discriminator, its sigmoid applied inside the loss', () => {
    const [, d] = layouts('gan');
    expect(d!.name).toBe('discriminator');
    const block = (output: number[]): Row[] => [
      // layers.Conv2D(128, kernel_size=5, strides=2, padding="same"), LeakyReLU(), Dropout(0.3)
      {
        type: 'Conv2D',
        filters: 128,
        kernel: [5, 5],
        strides: [2, 2],
        padding: 'same',
        activation: 'linear',
        output,
      },
      leaky,
      { type: 'Dropout', rate: 0.3 },
    ];
    expectLayers(d!.layers, [
      { type: 'Reshape', output: [28, 28, 1] }, // ours: the flat data back to images
      ...block([14, 14, 128]),
      ...block([7, 7, 128]),
      ...block([4, 4, 128]),
      { ...flatten, output: [2048] },
      // layers.Dense(1, activation="sigmoid"): a logit here; sigmoid is inside the loss.
      { type: 'Dense', units: 1, activation: 'linear', output: [1] },
    ]);
  });

  it('32×32 colored shapes: G starts from 8×8 and draws 3 channels', () => {
    const [g, d] = layouts('gan', {}, SHAPES);
    expect(g!.layers[0]).toMatchObject({ units: 8 * 8 * 128 });
    expect(g!.layers.at(-2)).toMatchObject({ filters: 3, output: [32, 32, 3] });
    expect(d!.layers.at(-2)).toMatchObject({ output: [2048] });
  });

  it('WGAN-GP’s critic keeps the listing’s layers (its LeakyReLU differentiable twice)', () => {
    const [, d] = layouts('gan', { loss: 'wgangp' });
    expect(d!.layers.filter((l) => l.type === 'LeakyReLU').map((l) => l.slope)).toEqual([
      0.3, 0.3, 0.3,
    ]);
  });

  it('costs what its widths cost: G 929,281 weights, D 824,833', () => {
    const [g, d] = layouts('gan');
    // Dense 16·6272 + 6272; ConvT 5·5·128·128 + 128 (twice); ConvT 5·5·128·1 + 1.
    expect(g!.params).toBe(16 * 6272 + 6272 + 2 * (25 * 128 * 128 + 128) + 25 * 128 + 1);
    // Conv 5·5·1·128 + 128; Conv 5·5·128·128 + 128 (twice); Dense 2048 + 1.
    expect(d!.params).toBe(25 * 128 + 128 + 2 * (25 * 128 * 128 + 128) + 2048 + 1);
  });
});

describe('the article’s conv VAE (arch=article)', () => {
  const encoderRows = (heads: Row[]): Row[] => [
    { type: 'Reshape', output: [28, 28, 1] }, // ours: the flat data back to images
    // layers.Conv2D(32, kernel_size=3, strides=2, activation="relu", input_shape=(28, 28, 1))
    // (Keras's default padding, "valid": 28 → 13)
    {
      type: 'Conv2D',
      filters: 32,
      kernel: [3, 3],
      strides: [2, 2],
      padding: 'valid',
      activation: 'relu',
      output: [13, 13, 32],
    },
    // layers.Conv2D(64, kernel_size=3, strides=2, activation="relu")   13 → 6
    {
      type: 'Conv2D',
      filters: 64,
      kernel: [3, 3],
      strides: [2, 2],
      padding: 'valid',
      activation: 'relu',
      output: [6, 6, 64],
    },
    // layers.Flatten()
    { ...flatten, output: [2304] },
    // layers.Dense(latent_dim)
    ...heads,
  ];
  const decoderRows: Row[] = [
    // layers.Dense(16 * 7 * 7, activation="relu", input_dim=[latent_dim])
    { type: 'Dense', units: 16 * 7 * 7, activation: 'relu', output: [784] },
    // layers.Reshape((7, 7, 16))
    { type: 'Reshape', output: [7, 7, 16] },
    // layers.Conv2DTranspose(16, kernel_size=3, strides=2, activation="relu", padding="same")
    {
      type: 'Conv2DTranspose',
      filters: 16,
      kernel: [3, 3],
      strides: [2, 2],
      padding: 'same',
      activation: 'relu',
      output: [14, 14, 16],
    },
    // layers.Conv2DTranspose(1, kernel_size=3, strides=2, activation="sigmoid", padding="same"):
    // logits here; the image is their sigmoid, and the loss takes the logits.
    {
      type: 'Conv2DTranspose',
      filters: 1,
      kernel: [3, 3],
      strides: [2, 2],
      padding: 'same',
      activation: 'linear',
      output: [28, 28, 1],
    },
    { ...flatten, output: [784] },
  ];

  it('the VAE’s encoder ends in two heads, μ and log σ², where the listing has one Dense', () => {
    const [enc, dec] = layouts('vae');
    expectLayers(
      enc!.layers,
      encoderRows([
        { type: 'Dense', name: 'z_mean', units: 16, activation: 'linear' },
        { type: 'Dense', name: 'z_log_var', units: 16, activation: 'linear' },
      ]),
    );
    expectLayers(dec!.layers, decoderRows);
  });

  it('the autoencoder keeps the listing’s one Dense(latent)', () => {
    const [enc, dec] = layouts('ae');
    expectLayers(enc!.layers, encoderRows([{ type: 'Dense', units: 16, activation: 'linear' }]));
    expectLayers(dec!.layers, decoderRows);
  });
});
