import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { activate, dense, LayerSeeds } from './mlp.ts';
import type { DataShape } from './types.ts';
import {
  apply,
  checkConvShape,
  conv,
  convT,
  generatorNorm,
  imageInput,
  dcganCritic,
} from './convLayers.ts';

// The article's networks (`arch=article`), layer for layer as its Keras listings write them,
// with only the changes they need to train here (each one is said on the page, in "How it
// works", with its reason):
//   DCGAN G  Dense(h/4·w/4·128, relu) → ConvT 128, 5×5 /1 → ConvT 128, 5×5 /2 → ConvT c, 5×5 /2, tanh
//            each ConvT but the last followed by LeakyReLU() (Keras's default slope, 0.3).
//            The listing has one more ConvT 128, 5×5 /2 before the last: four upsamplings of 7×7
//            give 56×56, twice the data's side; it is left out so G draws 28×28 (32×32 shapes).
//   DCGAN D  3 × [Conv2D 128, 5×5 /2, same → LeakyReLU(0.3) → Dropout 0.3] → Flatten → Dense(1)
//            Dense(1) gives the logit; the listing's sigmoid is applied inside the loss.
//   encoder  Conv2D 32, 3×3 /2, valid, relu → Conv2D 64, 3×3 /2, valid, relu → Flatten → Dense(latent)
//            The VAE's Dense(latent) is two heads, μ and log σ² (the listing's one Dense cannot
//            give a Gaussian q(z|x)); the autoencoder keeps the one head z.
//   decoder  Dense(h/4·w/4·16, relu) → ConvT 16, 3×3 /2, relu → ConvT c, 3×3 /2 (logits; the
//            listing's sigmoid is applied to them for the image, and inside the loss).
// The activation, hidden-size and layer-count knobs do not apply: these networks are fixed.

/** Keras's LeakyReLU() default, which the listings use. */
export const KERAS_LEAKY_SLOPE = 0.3;

function encoderTrunk(shape: DataShape, seeds: LayerSeeds) {
  checkConvShape(shape);
  const { x, h: image } = imageInput(shape);
  let h = image;
  [32, 64].forEach((filters, i) => {
    h = apply(conv(filters, 3, seeds, `enc_conv${i + 1}`, { padding: 'valid' }), h);
    h = activate(h, 'relu', `enc_relu${i + 1}`);
  });
  return { x, h: apply(tf.layers.flatten(), h) };
}

export function articleGaussianEncoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  const seeds = new LayerSeeds(config.seed, 'encoder');
  const { x, h } = encoderTrunk(shape, seeds);
  const mu = apply(dense(config.latent, seeds, 'z_mean'), h);
  const logVar = apply(dense(config.latent, seeds, 'z_log_var'), h);
  return tf.model({ inputs: x, outputs: [mu, logVar], name: 'encoder' });
}

export function articlePointEncoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  const seeds = new LayerSeeds(config.seed, 'encoder');
  const { x, h } = encoderTrunk(shape, seeds);
  return tf.model({
    inputs: x,
    outputs: apply(dense(config.latent, seeds, 'z'), h),
    name: 'encoder',
  });
}

/** The listing's decoder, to flat logits. */
export function articleDecoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'decoder');
  const [h4, w4] = [shape.height / 4, shape.width / 4];
  const z = tf.input({ shape: [config.latent], name: 'z' });
  let h = activate(apply(dense(h4 * w4 * 16, seeds, 'dec_dense'), z), 'relu', 'dec_relu0');
  h = apply(tf.layers.reshape({ targetShape: [h4, w4, 16] }), h);
  h = activate(apply(convT(16, 3, seeds, 'dec_convT1', 2), h), 'relu', 'dec_relu1');
  h = apply(convT(shape.channels, 3, seeds, 'x_logits', 2), h);
  return tf.model({ inputs: z, outputs: apply(tf.layers.flatten(), h), name: 'decoder' });
}

export function articleGenerator(config: RunConfig, shape: DataShape): tf.LayersModel {
  checkConvShape(shape);
  const seeds = new LayerSeeds(config.seed, 'generator');
  const [h4, w4] = [shape.height / 4, shape.width / 4];
  const norm = generatorNorm(config.bn === 'on');
  const z = tf.input({ shape: [config.latent], name: 'z' });
  let h = apply(dense(h4 * w4 * 128, seeds, 'gen_dense'), z);
  h = activate(norm(h, 'gen_bn0'), 'relu', 'gen_relu0');
  h = apply(tf.layers.reshape({ targetShape: [h4, w4, 128] }), h);
  [1, 2].forEach((strides, i) => {
    h = apply(convT(128, 5, seeds, `gen_convT${i + 1}`, strides), h);
    h = activate(norm(h, `gen_bn${i + 1}`), 'leakyRelu', `gen_act${i + 1}`, KERAS_LEAKY_SLOPE);
  });
  h = apply(convT(shape.channels, 5, seeds, 'x_tanh', 2, 'tanh'), h);
  return tf.model({ inputs: z, outputs: apply(tf.layers.flatten(), h), name: 'generator' });
}

export function articleDiscriminator(
  config: RunConfig,
  shape: DataShape,
  nextSeed: () => number,
  fused: boolean,
): tf.LayersModel {
  return dcganCritic(config, shape, nextSeed, fused, [128, 128, 128], KERAS_LEAKY_SLOPE);
}
