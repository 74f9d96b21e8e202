import * as tf from '@tensorflow/tfjs';
import { activationGradient } from './fusedDense.ts';
import { fusedKernelsOn } from './optimizers.ts';
import { elementwise, f32, i32, kernel, runToInfo, runToTensor } from './webgpuPrograms.ts';

// Kernels for the layers the convolutional networks keep from tf.layers, used while training on
// WebGPU with our kernels (fusedKernelsOn); elsewhere, and in the benchmark's plain loop, tfjs's.

// Inverted dropout, y = x·[u ≥ rate] / (1 − rate), ∂x = dy·[u ≥ rate] / (1 − rate): one dispatch
// each way, where tfjs's ops take four forward (compare, cast, multiply, divide) and two back.
const DROP = 'select(0.0, uniforms.scale, U[index] >= uniforms.rate)';
const dropoutKernel = kernel(
  'PlaygroundDropout',
  ['x', 'u'],
  (backend, [x, u], attrs) => {
    const n = x!.shape.reduce((a, b) => a * b, 1);
    const program = elementwise(
      'playgroundDropout',
      n,
      ['X', 'U'],
      'rate : f32, scale : f32,',
      `result[index] = X[index] * ${DROP};`,
    );
    const rate = attrs.rate as number;
    return runToInfo(
      backend,
      program,
      [x!, u!],
      [i32(n), f32(rate), f32(1 / (1 - rate))],
      x!.shape,
    );
  },
  {
    x: (dy, [, u], attrs) => {
      const rate = attrs.rate as number;
      const program = elementwise(
        'playgroundDropoutGrad',
        dy.size,
        ['DY', 'U'],
        'rate : f32, scale : f32,',
        `result[index] = DY[index] * ${DROP};`,
      );
      return runToTensor(
        program,
        [dy, u!],
        [i32(dy.size), f32(rate), f32(1 / (1 - rate))],
        dy.shape,
      );
    },
    u: (dy) => tf.zerosLike(dy), // the mask's noise is not trained
  },
);

/**
 * x with each value kept where u ≥ rate and scaled by 1/(1 − rate) (E[output] = x), as
 * SeededDropout computes it: by our kernel when training with them, else by tfjs's ops.
 */
export function dropout(x: tf.Tensor, u: tf.Tensor, rate: number): tf.Tensor {
  if (fusedKernelsOn()) return dropoutKernel([x, u], { rate });
  return tf.tidy(() => x.mul(u.greaterEqual(rate).cast('float32')).div(1 - rate));
}

let installed = false;

/**
 * tfjs's LeakyReLU gradient, where(x > 0, dy, α·dy), takes three dispatches (the mask, the
 * product, the choice) and its tanh gradient, dy·(1 − y²), three. While training with our
 * kernels each is our activation gradient, one dispatch, the same values (for α > 0, x > 0
 * exactly where LeakyReLU(x) > 0); otherwise (the plain loop, other backends) tfjs's own.
 */
export function installActivationGradients(): void {
  if (installed) return;
  installed = true;
  for (const [name, act] of [
    ['LeakyRelu', 'leakyrelu'],
    ['Tanh', 'tanh'],
  ] as const) {
    const original = tf.getGradient(name);
    tf.registerGradient({
      ...original,
      gradFunc: (dy, saved, attrs) => {
        if (!fusedKernelsOn()) return original.gradFunc(dy, saved, attrs);
        const alpha = (attrs as { alpha?: number } | undefined)?.alpha ?? 0;
        // LeakyRelu saves its input x, Tanh its output y: either decides the derivative.
        return { x: () => activationGradient(dy as tf.Tensor, saved[0]!, act, alpha) };
      },
    });
  }
}
