import * as tf from '../tf/tfjs.ts';
import { denseLayer, type FusedActivation } from './fusedDense.ts';

// A dense tf.layers network read as a plan of our dense kernels (fusedDense.ts), and run by it:
// what the dense GAN's and VAE's training steps (models/fusedSteps.ts) and the pictures of
// every dense network run on WebGPU. The weights stay the model's own variables.

/** One dense layer of a plan: its tf.layers Dense (for its variables) and the activation after it. */
export interface DenseStep {
  layer: tf.layers.Layer;
  act: FusedActivation;
  alpha: number;
}

/** A dense network as fused layers: a trunk of hidden layers, then one head per output. */
export interface DensePlan {
  trunk: DenseStep[];
  heads: DenseStep[];
}

const LAYER_ACTIVATIONS: Record<string, FusedActivation | undefined> = {
  linear: 'linear',
  relu: 'relu',
  elu: 'elu',
  tanh: 'tanh',
};

/**
 * The plan of a model built by mlp.ts/encoderDecoder.ts/gan.ts (Dense, activation, …, then
 * one Dense per output, all fed by the last hidden layer), or null for anything else (the
 * convolutional networks, WGAN-GP's twice-differentiable LeakyReLU).
 */
export function densePlan(model: tf.LayersModel): DensePlan | null {
  const steps: DenseStep[] = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const config = layer.getConfig();
    if (kind === 'InputLayer') continue;
    if (kind === 'Dense') {
      const act = LAYER_ACTIVATIONS[config.activation as string];
      if (!act) return null;
      steps.push({ layer, act, alpha: 0 });
      continue;
    }
    const last = steps[steps.length - 1];
    if (!last || last.act !== 'linear') return null;
    if (kind === 'LeakyReLU') {
      last.act = 'leakyrelu';
      last.alpha = config.alpha as number;
    } else if (kind === 'Activation' && LAYER_ACTIVATIONS[config.activation as string]) {
      last.act = LAYER_ACTIVATIONS[config.activation as string]!;
    } else {
      return null;
    }
  }
  const outputs = model.outputs.length;
  if (steps.length <= outputs) return null;
  return { trunk: steps.slice(0, -outputs), heads: steps.slice(-outputs) };
}

/** One dense layer's output for x, in training (differentiable, WebGPU only). */
export function runDenseStep(step: DenseStep, x: tf.Tensor2D): tf.Tensor2D {
  const [W, b] = step.layer.trainableWeights.map((w) => w.read());
  return denseLayer(x, W!, b!, step.act, step.alpha);
}

/** The trunk's output for x (its last hidden layer), in training. */
export function runDenseTrunk(plan: DensePlan, x: tf.Tensor2D): tf.Tensor2D {
  return plan.trunk.reduce((a, step) => runDenseStep(step, a), x);
}

/** The network's outputs for x, in training (differentiable, WebGPU only). */
export function runDensePlan(plan: DensePlan, x: tf.Tensor2D): tf.Tensor2D[] {
  const h = runDenseTrunk(plan, x);
  return plan.heads.map((step) => runDenseStep(step, h));
}

/**
 * A network's forward pass, its outputs for x: through its plan's kernels when `fused` and it
 * has one (a dense network on WebGPU: the pictures and the quality digits then compile no
 * tfjs matMul, whose pipelines take over a second each on a software adapter), else through
 * tf.layers in inference mode (a plan holds no dropout or batch norm, so for it the two are
 * the same).
 */
export function networkForward(
  model: tf.LayersModel,
  fused: boolean,
): (x: tf.Tensor2D) => tf.Tensor2D[] {
  const plan = fused ? densePlan(model) : null;
  if (plan) return (x) => runDensePlan(plan, x);
  return (x) => {
    const out = model.apply(x) as tf.Tensor2D | tf.Tensor2D[];
    return Array.isArray(out) ? out : [out];
  };
}

/**
 * The weights [W, b] of a plan's single head when it is one linear unit (a GAN's logit),
 * which the loss kernels can take in (fusedLogit.ts); else null.
 */
export function logitHead(plan: DensePlan): [tf.Tensor2D, tf.Tensor1D] | null {
  const head = plan.heads.length === 1 ? plan.heads[0]! : null;
  if (!head || head.act !== 'linear') return null;
  const [W, b] = head.layer.trainableWeights.map((w) => w.read()) as [tf.Tensor2D, tf.Tensor1D];
  return W.shape[1] === 1 ? [W, b] : null;
}
