import * as tf from '../tf/tfjs.ts';
import { activationGradient, columnSum } from './fusedDense.ts';
import { overrideGradient } from './tfjsInternals.ts';
import { elementwise, f32, i32, kernel, runToInfo } from './webgpuPrograms.ts';
import { hashedUniforms } from '../data/random.ts';

// Kernels for the layers the convolutional networks keep from tf.layers, used while a model
// built with our kernels (BuildOptions.fused) trains on WebGPU; elsewhere, tfjs's.

// Inverted dropout, y = x·[u ≥ rate] / (1 − rate), ∂x = dy·[u ≥ rate] / (1 − rate), with u the
// hashed noise of data/random.ts's hashedUniforms, which this kernel computes itself from
// (seed, index): one dispatch each way, and no noise to draw in JavaScript and upload, where
// tfjs's ops take four dispatches forward (compare, cast, multiply, divide) and two back. The
// gradient is the same map applied to dy, so it is this kernel again, called through the
// engine: recorded on the tape, so WGAN-GP's penalty can differentiate it once more.

/** WGSL: hashedUniforms's value at index i for uniforms.seed, bit for bit. */
export const DROPOUT_NOISE = `
  fn lowbias32(v : u32) -> u32 {
    var x = v ^ (v >> 16u);
    x = x * 0x7feb352du;
    x = x ^ (x >> 15u);
    x = x * 0x846ca68bu;
    return x ^ (x >> 16u);
  }
  fn noiseAt(i : i32) -> f32 {
    let key = lowbias32(bitcast<u32>(uniforms.seed));
    return f32(lowbias32(lowbias32(u32(i) + key) ^ lowbias32(key ^ 0x5bd1e995u)) >> 8u) / 16777216.0;
  }`;

const dropoutKernel: (inputs: tf.Tensor[], attrs: { rate: number; seed: number }) => tf.Tensor =
  kernel(
    'PlaygroundDropout',
    ['x'],
    (backend, [x], attrs) => {
      const n = x!.shape.reduce((a, b) => a * b, 1);
      const program = elementwise(
        'playgroundDropout',
        n,
        ['X'],
        'rate : f32, scale : f32, seed : i32,',
        'result[index] = X[index] * select(0.0, uniforms.scale, noiseAt(index) >= uniforms.rate);',
        DROPOUT_NOISE,
      );
      const rate = attrs.rate as number;
      return runToInfo(
        backend,
        program,
        [x!],
        [i32(n), f32(rate), f32(1 / (1 - rate)), i32(attrs.seed as number)],
        x!.shape,
      );
    },
    {
      x: (dy, _, attrs) =>
        dropoutKernel([dy], { rate: attrs.rate as number, seed: attrs.seed as number }),
    },
  );

/**
 * x with each value kept where the hashed noise u (hashedUniforms(seed)) is ≥ rate and scaled
 * by 1/(1 − rate) (E[output] = x), as SeededDropout computes it: by our kernel in a model
 * built with them (`fused`), else by tfjs's ops on the same noise.
 */
export function dropout(x: tf.Tensor, seed: number, rate: number, fused: boolean): tf.Tensor {
  if (fused) return dropoutKernel([x], { rate, seed });
  return tf.tidy(() => {
    const u = tf.tensor(hashedUniforms(seed, x.size), x.shape);
    return x.mul(u.greaterEqual(rate).cast('float32')).div(1 - rate);
  });
}

/**
 * A bias added over the last axis (tf.layers' biasAdd: x of [..., C] plus b of [1, …, 1, C])
 * gets ∂b = Σ dy over every other axis: tfjs's sum over leading axes transposes and then
 * reduces, two dispatches per layer, where our column sum over dy seen as [rows, C] is one.
 * Every other Add keeps tfjs's gradient; ∂a stays tfjs's (a reshape of dy).
 */
function overrideAddGradient(): void {
  const original = tf.getGradient('Add');
  tf.registerGradient({
    ...original,
    gradFunc: (dy, saved, attrs) => {
      const grads = original.gradFunc(dy, saved, attrs);
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const d = dy as tf.Tensor;
      const c = b.shape[b.shape.length - 1]!;
      const isBias =
        ours &&
        d.rank >= 2 &&
        a.shape.length === d.rank &&
        a.shape.every((n, i) => n === d.shape[i]) &&
        b.size === c &&
        d.shape[d.rank - 1] === c;
      if (!isBias) return grads;
      return { ...grads, b: () => tf.reshape(columnSum(tf.reshape(d, [-1, c])), b.shape) };
    },
  });
}

/** Whether the model training now asked for our activation gradients (see withOurGradients). */
let ours = false;
let installed = false;

/**
 * Runs a training step (fn) with tfjs's LeakyReLU and tanh gradients replaced by ours when
 * `on`. tfjs's LeakyReLU gradient, where(x > 0, dy, α·dy), takes three dispatches (the mask,
 * the product, the choice) and its tanh gradient, dy·(1 − y²), three; ours is one, the same
 * values (for α > 0, x > 0 exactly where LeakyReLU(x) > 0). tfjs looks gradients up by op
 * name for every model, so the replacement asks, at each backward pass, whether the model in
 * its step was built with our kernels; the plain loop and other backends keep tfjs's. Ours is
 * not itself differentiable (its result is made off the tape): nothing differentiates these
 * twice (WGAN-GP's critic uses mlp.ts's twice-differentiable LeakyReLU, made of other ops).
 */
export function withOurGradients<T>(on: boolean, fn: () => T): T {
  if (on && !installed) {
    installed = true;
    for (const [name, act] of [
      ['LeakyRelu', 'leakyrelu'],
      ['Tanh', 'tanh'],
    ] as const) {
      // LeakyRelu saves its input x, Tanh its output y: either decides the derivative.
      overrideGradient(
        name,
        () => ours,
        (dy, saved, attrs) =>
          activationGradient(
            dy,
            saved[0]!,
            act,
            (attrs as { alpha?: number } | undefined)?.alpha ?? 0,
          ),
      );
    }
    overrideAddGradient();
  }
  const before = ours;
  ours = on;
  try {
    return fn();
  } finally {
    ours = before;
  }
}
