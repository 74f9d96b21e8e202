import * as tf from '../tf/tfjs.ts';
import type { RunConfig } from '../config/schema.ts';
import { deriveSeed } from '../data/random.ts';

// Dense building blocks shared by the models: seeded initialisers and the activation knob.

export type Activation = RunConfig['act'];

/** Seeds for a network's layers: one stream per network name, one index per layer. */
export class LayerSeeds {
  private i = 0;
  constructor(
    private readonly runSeed: number,
    private readonly network: string,
  ) {}
  next(): number {
    return deriveSeed(this.runSeed, `weights/${this.network}`, this.i++);
  }
}

export function dense(
  units: number,
  seeds: LayerSeeds,
  name: string,
  activation: 'linear' | 'relu' | 'elu' | 'tanh' | 'sigmoid' = 'linear',
): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation,
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
    biasInitializer: 'zeros',
  });
}

/**
 * LeakyReLU written as f(x) = ((1 + α)·x + (1 − α)·|x|) / 2, which equals x for x ≥ 0 and α·x
 * below. Same function as tfjs's LeakyReLU, but made of ops whose gradients are themselves
 * differentiable (tfjs's uses Greater, which has none), as WGAN-GP's gradient penalty needs.
 */
export class TwiceDifferentiableLeakyReLU extends tf.layers.Layer {
  static readonly className = 'TwiceDifferentiableLeakyReLU';
  private readonly alpha: number;
  constructor(config: { alpha: number; name?: string }) {
    super({ name: config.name });
    this.alpha = config.alpha;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => x.mul((1 + this.alpha) / 2).add(x.abs().mul((1 - this.alpha) / 2)));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}
tf.serialization.registerClass(TwiceDifferentiableLeakyReLU);

/**
 * The layers after a hidden Dense: the activation as its own layer when tfjs has no string.
 * `slope`: LeakyReLU's α, 0.2 as in DCGAN; the article's networks use Keras's default, 0.3.
 */
export function activate(
  x: tf.SymbolicTensor,
  act: Activation | 'leakyRelu2',
  name: string,
  slope = 0.2,
): tf.SymbolicTensor {
  if (act === 'leakyRelu2') {
    return new TwiceDifferentiableLeakyReLU({ alpha: slope, name }).apply(x) as tf.SymbolicTensor;
  }
  if (act === 'leakyRelu')
    return tf.layers.leakyReLU({ alpha: slope, name }).apply(x) as tf.SymbolicTensor;
  return tf.layers.activation({ activation: act, name }).apply(x) as tf.SymbolicTensor;
}

/** `layers` hidden Dense layers of `units` each, with the given activation. */
export function hiddenStack(
  input: tf.SymbolicTensor,
  units: number,
  layers: number,
  /** 'leakyRelu2': LeakyReLU(0.2) that can be differentiated twice (for WGAN-GP's critic). */
  act: Activation | 'leakyRelu2',
  seeds: LayerSeeds,
  prefix: string,
): tf.SymbolicTensor {
  let h = input;
  for (let i = 0; i < layers; i++) {
    h = dense(units, seeds, `${prefix}_dense${i + 1}`).apply(h) as tf.SymbolicTensor;
    h = activate(h, act, `${prefix}_${act === 'leakyRelu2' ? 'leakyRelu' : act}${i + 1}`);
  }
  return h;
}
