import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { dropout } from '../kernels/fusedLayers.ts';
import { activate, dense, hiddenStack, LayerSeeds } from './mlp.ts';
import { flatSize, type DataShape } from './types.ts';

// The convolutional networks of the seed, fixed in shape as its listings are. Data stay flat
// ([batch, h·w·c]) outside the models: each network reshapes on the way in and flattens on
// the way out, so the loop and the pictures are the same for every architecture.
//   VAE/AE encoder  Conv2D 32, 3×3 /2 → Conv2D 64, 3×3 /2 → Dense(hidden) → μ, logVar (or z)
//   VAE/AE decoder  Dense(h/4·w/4·16) → Conv2DTranspose 32, 3×3 /2 → Conv2DTranspose c, 3×3 /2
//   DCGAN G         Dense(h/4·w/4·128) → ConvT 64, 5×5 /1 → ConvT 32, 5×5 /2 → ConvT c, 5×5 /2, tanh
//                   (optional batch norm before each LeakyReLU; momentum 0.9, not Keras's 0.99,
//                   so its moving statistics catch up within the short runs of a playground)
//   DCGAN D         Conv2D 32, 64, 128, 5×5 /2, each LeakyReLU(0.2) + Dropout 0.3 → Dense(1)

/** Convolutional models halve the image twice: they need sides divisible by 4. */
export function checkConvShape(shape: DataShape): void {
  if (shape.height % 4 !== 0 || shape.width % 4 !== 0 || shape.height < 8) {
    throw new Error(
      `The convolutional architecture needs images whose sides divide by 4 (got ${shape.height}×${shape.width}); choose Dense.`,
    );
  }
}

const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor) => layer.apply(x) as tf.SymbolicTensor;

function conv(filters: number, kernel: number, seeds: LayerSeeds, name: string, strides = 2) {
  return tf.layers.conv2d({
    filters,
    kernelSize: kernel,
    strides,
    padding: 'same',
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  });
}

function convT(
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

/**
 * Dropout whose mask is seeded per call from a seed source (the run's step noise), so runs
 * repeat. tfjs's own Dropout with a fixed seed would draw the same mask at every step.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  constructor(
    private readonly rate: number,
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
    return tf.tidy(() =>
      dropout(
        x,
        tf.randomUniform(x.shape, 0, 1, 'float32', this.nextSeed()),
        this.rate,
        this.fused,
      ),
    );
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate };
  }
}

function convTrunk(config: RunConfig, shape: DataShape, seeds: LayerSeeds) {
  checkConvShape(shape);
  const x = tf.input({ shape: [flatSize(shape)], name: 'x' });
  let h = apply(tf.layers.reshape({ targetShape: [shape.height, shape.width, shape.channels] }), x);
  h = activate(apply(conv(32, 3, seeds, 'enc_conv1'), h), config.act, 'enc_act1');
  h = activate(apply(conv(64, 3, seeds, 'enc_conv2'), h), config.act, 'enc_act2');
  h = apply(tf.layers.flatten(), h);
  h = hiddenStack(h, config.hidden, 1, config.act, seeds, 'enc');
  return { x, h };
}

export function convGaussianEncoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  const seeds = new LayerSeeds(config.seed, 'encoder');
  const { x, h } = convTrunk(config, shape, seeds);
  const mu = apply(dense(config.latent, seeds, 'z_mean'), h);
  const logVar = apply(dense(config.latent, seeds, 'z_log_var'), h);
  return tf.model({ inputs: x, outputs: [mu, logVar], name: 'encoder' });
}

export function convPointEncoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  const seeds = new LayerSeeds(config.seed, 'encoder');
  const { x, h } = convTrunk(config, shape, seeds);
  const z = apply(dense(config.latent, seeds, 'z'), h);
  return tf.model({ inputs: x, outputs: z, name: 'encoder' });
}

/** Decoder to flat logits. */
export function convDecoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'decoder');
  const [h4, w4] = [shape.height / 4, shape.width / 4];
  const z = tf.input({ shape: [config.latent], name: 'z' });
  let h = activate(apply(dense(h4 * w4 * 16, seeds, 'dec_dense'), z), config.act, 'dec_act0');
  h = apply(tf.layers.reshape({ targetShape: [h4, w4, 16] }), h);
  h = activate(apply(convT(32, 3, seeds, 'dec_convT1', 2), h), config.act, 'dec_act1');
  h = apply(convT(shape.channels, 3, seeds, 'x_logits', 2), h);
  return tf.model({ inputs: z, outputs: apply(tf.layers.flatten(), h), name: 'decoder' });
}

export function dcganGenerator(config: RunConfig, shape: DataShape): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'generator');
  const [h4, w4] = [shape.height / 4, shape.width / 4];
  const z = tf.input({ shape: [config.latent], name: 'z' });
  // DCGAN's optional batch norm sits between each layer and its LeakyReLU (not after the last).
  const norm = (x: tf.SymbolicTensor, name: string) =>
    config.bn === 'on' ? apply(tf.layers.batchNormalization({ name, momentum: 0.9 }), x) : x;
  let h = apply(dense(h4 * w4 * 128, seeds, 'gen_dense'), z);
  h = activate(norm(h, 'gen_bn0'), 'leakyRelu', 'gen_act0');
  h = apply(tf.layers.reshape({ targetShape: [h4, w4, 128] }), h);
  h = activate(
    norm(apply(convT(64, 5, seeds, 'gen_convT1', 1), h), 'gen_bn1'),
    'leakyRelu',
    'gen_act1',
  );
  h = activate(
    norm(apply(convT(32, 5, seeds, 'gen_convT2', 2), h), 'gen_bn2'),
    'leakyRelu',
    'gen_act2',
  );
  h = apply(convT(shape.channels, 5, seeds, 'x_tanh', 2, 'tanh'), h);
  return tf.model({ inputs: z, outputs: apply(tf.layers.flatten(), h), name: 'generator' });
}

export function dcganDiscriminator(
  config: RunConfig,
  shape: DataShape,
  nextSeed: () => number,
  fused: boolean,
): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'discriminator');
  const x = tf.input({ shape: [flatSize(shape)], name: 'x' });
  let h = apply(tf.layers.reshape({ targetShape: [shape.height, shape.width, shape.channels] }), x);
  // WGAN-GP differentiates the critic twice: its LeakyReLU must be twice differentiable.
  const leaky = config.loss === 'wgangp' ? 'leakyRelu2' : 'leakyRelu';
  [32, 64, 128].forEach((filters, i) => {
    h = activate(apply(conv(filters, 5, seeds, `disc_conv${i + 1}`), h), leaky, `disc_act${i + 1}`);
    h = apply(new SeededDropout(0.3, nextSeed, `disc_dropout${i + 1}`, fused), h);
  });
  h = apply(tf.layers.flatten(), h);
  return tf.model({
    inputs: x,
    outputs: apply(dense(1, seeds, 'logit'), h),
    name: 'discriminator',
  });
}
