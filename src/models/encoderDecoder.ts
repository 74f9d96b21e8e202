import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { convDecoder, convGaussianEncoder, convPointEncoder } from './conv.ts';
import { articleDecoder, articleGaussianEncoder, articlePointEncoder } from './articleNets.ts';
import { dense, hiddenStack, LayerSeeds } from './mlp.ts';
import { flatSize, networkArch, type DataShape } from './types.ts';

// The encoder and decoder shared by the VAE and the autoencoder (dense here; the article's in
// articleNets.ts and the small convolutional ones in conv.ts, chosen by the `arch` field).
//   encoder  x ─► hidden layers ─► μ, logVar   (VAE: the Gaussian q(z|x))
//                              └─► z           (autoencoder: one point)
//   decoder  z ─► hidden layers ─► Dense(pixels) logits; the image is sigmoid(logits)

/** `extra`: input values beside x (a conditional model's one-hot class). */
function denseTrunk(config: RunConfig, shape: DataShape, extra = 0) {
  const seeds = new LayerSeeds(config.seed, 'encoder');
  const x = tf.input({ shape: [flatSize(shape) + extra], name: 'x' });
  const h = hiddenStack(x, config.hidden, config.layers, config.act, seeds, 'enc');
  return { seeds, x, h };
}

/** `extra` > 0: a dense encoder of [x, y] (a conditional VAE's class y beside x). */
export function buildGaussianEncoder(
  config: RunConfig,
  shape: DataShape,
  extra = 0,
): tf.LayersModel {
  const arch = extra > 0 ? 'dense' : networkArch(config, shape);
  if (arch === 'article') return articleGaussianEncoder(config, shape);
  if (arch === 'conv') return convGaussianEncoder(config, shape);
  const { seeds, x, h } = denseTrunk(config, shape, extra);
  const mu = dense(config.latent, seeds, 'z_mean').apply(h) as tf.SymbolicTensor;
  const logVar = dense(config.latent, seeds, 'z_log_var').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [mu, logVar], name: 'encoder' });
}

export function buildPointEncoder(config: RunConfig, shape: DataShape): tf.LayersModel {
  const arch = networkArch(config, shape);
  if (arch === 'article') return articlePointEncoder(config, shape);
  if (arch === 'conv') return convPointEncoder(config, shape);
  const { seeds, x, h } = denseTrunk(config, shape);
  const z = dense(config.latent, seeds, 'z').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: z, name: 'encoder' });
}

/** `extra` > 0: a dense decoder of [z, y] (a conditional VAE's class y beside z). */
export function buildDecoder(config: RunConfig, shape: DataShape, extra = 0): tf.LayersModel {
  const arch = extra > 0 ? 'dense' : networkArch(config, shape);
  if (arch === 'article') return articleDecoder(config, shape);
  if (arch === 'conv') return convDecoder(config, shape);
  const pixels = flatSize(shape);
  const seeds = new LayerSeeds(config.seed, 'decoder');
  const z = tf.input({ shape: [config.latent + extra], name: 'z' });
  const h = hiddenStack(z, config.hidden, config.layers, config.act, seeds, 'dec');
  const logits = dense(pixels, seeds, 'x_logits').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: logits, name: 'decoder' });
}

/** The variables of some networks, for tf.variableGrads. */
export function trainableVariables(...nets: tf.LayersModel[]): tf.Variable[] {
  return nets.flatMap((n) => n.trainableWeights.map((w) => w.read() as tf.Variable));
}
