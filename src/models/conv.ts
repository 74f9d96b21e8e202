import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { activate, dense, hiddenStack, LayerSeeds } from './mlp.ts';
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

// The small convolutional networks (`arch=conv`): narrower than the article's (articleNets.ts),
// for machines where those are slow. Fixed in shape except for the activation knob and the
// encoder's Dense(hidden).
//   VAE/AE encoder  Conv2D 32, 3×3 /2 → Conv2D 64, 3×3 /2 → Dense(hidden) → μ, logVar (or z)
//   VAE/AE decoder  Dense(h/4·w/4·16) → Conv2DTranspose 32, 3×3 /2 → Conv2DTranspose c, 3×3 /2
//   DCGAN G         Dense(h/4·w/4·128) → ConvT 64, 5×5 /1 → ConvT 32, 5×5 /2 → ConvT c, 5×5 /2, tanh
//                   (optional batch norm before each LeakyReLU)
//   DCGAN D         Conv2D 32, 64, 128, 5×5 /2, each LeakyReLU(0.2) + Dropout 0.3 → Dense(1)

function convTrunk(config: RunConfig, shape: DataShape, seeds: LayerSeeds) {
  checkConvShape(shape);
  const input = imageInput(shape);
  const x = input.x;
  let h = activate(apply(conv(32, 3, seeds, 'enc_conv1'), input.h), config.act, 'enc_act1');
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
  const norm = generatorNorm(config.bn === 'on');
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
  return dcganCritic(config, shape, nextSeed, fused, [32, 64, 128], 0.2);
}
