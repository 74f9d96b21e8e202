import * as tf from '../tf/tfjs.ts';
import { dropout } from '../kernels/fusedLayers.ts';
import { flatSize, type DataShape } from './types.ts';
import type { RunConfig } from '../config/schema.ts';
import { activate, dense, LayerSeeds } from './mlp.ts';

// The layers both convolutional architectures (conv.ts, articleNets.ts) are made of. Data stay
// flat ([batch, h·w·c]) outside the models: each network reshapes on the way in and flattens
// on the way out, so the loop and the pictures are the same for every architecture.

/** Convolutional models halve the image twice: they need sides divisible by 4. */
export function checkConvShape(shape: DataShape): void {
  if (shape.height % 4 !== 0 || shape.width % 4 !== 0 || shape.height < 8) {
    throw new Error(
      `The convolutional architecture needs images whose sides divide by 4 (got ${shape.height}×${shape.width}); choose Dense.`,
    );
  }
}

export const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor) =>
  layer.apply(x) as tf.SymbolicTensor;

export type Padding = 'same' | 'valid';

export function conv(
  filters: number,
  kernel: number,
  seeds: LayerSeeds,
  name: string,
  { strides = 2, padding = 'same' as Padding } = {},
) {
  return tf.layers.conv2d({
    filters,
    kernelSize: kernel,
    strides,
    padding,
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  });
}

export function convT(
  filters: number,
  kernel: number,
  seeds: LayerSeeds,
  name: string,
  strides: number,
  activation: 'linear' | 'tanh' = 'linear',
) {
  return tf.layers.conv2dTranspose({
    filters,
    kernelSize: kernel,
    strides,
    padding: 'same',
    activation,
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  });
}

/** The flat input x, and x reshaped to [h, w, c] images. */
export function imageInput(shape: DataShape) {
  const x = tf.input({ shape: [flatSize(shape)], name: 'x' });
  const h = apply(
    tf.layers.reshape({ targetShape: [shape.height, shape.width, shape.channels] }),
    x,
  );
  return { x, h };
}

/**
 * Dropout whose mask is seeded per call from a seed source (the run's step noise), so runs
 * repeat. tfjs's own Dropout with a fixed seed would draw the same mask at every step.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  constructor(
    readonly rate: number,
    private readonly nextSeed: () => number,
    name: string,
    /** By our kernel (a model built with them on WebGPU), else by tfjs's ops. */
    private readonly fused: boolean,
  ) {
    super({ name });
  }
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!kwargs.training) return x;
    return dropout(x, this.nextSeed(), this.rate, this.fused);
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate };
  }
}

/**
 * DCGAN's optional batch norm (`bn=on`), between a layer of G and its activation. Momentum 0.9,
 * not Keras's 0.99, so its moving statistics catch up within the short runs of a playground.
 */
export function generatorNorm(on: boolean) {
  return (x: tf.SymbolicTensor, name: string) =>
    on ? apply(tf.layers.batchNormalization({ name, momentum: 0.9 }), x) : x;
}

/**
 * DCGAN's discriminator: per width, Conv2D(width, 5×5, stride 2, same) → LeakyReLU(slope) →
 * Dropout 0.3; then Flatten → Dense(1), a logit (or a critic's score).
 */
export function dcganCritic(
  config: RunConfig,
  shape: DataShape,
  nextSeed: () => number,
  fused: boolean,
  widths: readonly number[],
  slope: number,
): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'discriminator');
  const { x, h: image } = imageInput(shape);
  let h = image;
  // WGAN-GP differentiates the critic twice: its LeakyReLU must be twice differentiable.
  const leaky = config.loss === 'wgangp' ? 'leakyRelu2' : 'leakyRelu';
  widths.forEach((filters, i) => {
    h = apply(conv(filters, 5, seeds, `disc_conv${i + 1}`), h);
    h = activate(h, leaky, `disc_act${i + 1}`, slope);
    h = apply(new SeededDropout(0.3, nextSeed, `disc_dropout${i + 1}`, fused), h);
  });
  h = apply(tf.layers.flatten(), h);
  return tf.model({
    inputs: x,
    outputs: apply(dense(1, seeds, 'logit'), h),
    name: 'discriminator',
  });
}
