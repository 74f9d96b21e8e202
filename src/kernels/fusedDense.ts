import * as tf from '../tf/tfjs.ts';
import { pairSlot, writtenGradient, type GradientSlot } from './gradientSlots.ts';
import { runInPlace, type WebGPUBackend } from './tfjsInternals.ts';
import { elementwise, f32, i32, runToInfo, runToTensor } from './webgpuPrograms.ts';

// The dense networks' layers as one kernel each, for training on WebGPU.
//
// Through tf.layers a hidden layer is a Dense (tfjs fuses matMul + bias) and then an activation
// layer: two dispatches forward, and backward tfjs's fused matMul computes the gradients of all
// its inputs, needed or not (it is a tf.customGrad), and each activation's gradient takes two
// or three elementwise dispatches. Here y = act(x·W + b) is one kernel, `PlaygroundDense`, whose
// registered gradient is lazy (tfjs calls it only for the inputs a gradient is asked of) and
// forms the activation's derivative on the fly, from the output y alone:
//   g = dy ⊙ act'(y)    relu: [y > 0]   leaky relu: 1 or α   elu: 1 or y + 1   tanh: 1 − y²
//   ∂x = g·Wᵀ           one dispatch
//   [∂W; ∂b] = [xᵀ·g; Σ_rows g]   one dispatch, written straight into FusedAdam's flat gradient
//                                 buffer (gradientSlots.ts); where the layer has no slot (the
//                                 first step, another optimizer) into a tensor, then sliced.
// Every kernel here is a plain loop per output element: on a software adapter a pipeline of
// tfjs's tiled matMul took over a second to compile, one of these tens of milliseconds.
// The weights are the tf.layers model's own variables, so everything else (pictures, exports,
// snapshots) keeps using the model.

export type FusedActivation = 'linear' | 'relu' | 'elu' | 'leakyrelu' | 'tanh';

const KERNEL = 'PlaygroundDense';

const DERIVATIVE: Record<Exclude<FusedActivation, 'linear'>, string> = {
  relu: 'select(0.0, dy, y > 0.0)',
  leakyrelu: 'select(uniforms.alpha * dy, dy, y > 0.0)',
  elu: 'select(dy * (y + 1.0), dy, y > 0.0)',
  tanh: 'dy * (1.0 - y * y)',
};

/** dy ⊙ act'(y), one dispatch (none for linear). */
export function activationGradient(
  dy: tf.Tensor,
  y: tf.Tensor,
  act: FusedActivation,
  alpha: number,
): tf.Tensor {
  if (act === 'linear') return dy;
  const program = elementwise(
    `playgroundActGrad_${act}`,
    dy.size,
    ['DY', 'Y'],
    'alpha : f32,',
    `let dy = DY[index]; let y = Y[index]; result[index] = ${DERIVATIVE[act]};`,
  );
  return runToTensor(program, [dy, y], [i32(dy.size), f32(alpha)], dy.shape);
}

/**
 * Σ over rows of g ([rows, cols] → [cols]), one invocation per column. tfjs's sum over axis 0
 * transposes and then reduces with workgroup barriers: on the software adapter 57 ms for a
 * 64×784 gradient where this loop takes 3 ms (measured in Chromium's SwiftShader WebGPU).
 */
export function columnSum(g: tf.Tensor2D): tf.Tensor1D {
  const [rows, cols] = g.shape;
  const program = elementwise(
    'playgroundColumnSum',
    cols,
    ['G'],
    'rows : i32,',
    `var s = 0.0;
          for (var r = 0; r < uniforms.rows; r = r + 1) { s = s + G[r * uniforms.n + index]; }
          result[index] = s;`,
  );
  return runToTensor(program, [g], [i32(cols), i32(rows)], [cols]) as tf.Tensor1D;
}

/** WGSL: `let g = dy ⊙ act'(y)` at flat index `o` of DY (and Y, read only when act needs it). */
const gAt = (act: FusedActivation, o: string): string =>
  act === 'linear'
    ? `let g = DY[${o}];`
    : `let dy = DY[${o}]; let y = Y[${o}]; let g = ${DERIVATIVE[act]};`;

/**
 * ∂x = (dy ⊙ act'(y))·Wᵀ in one dispatch, g formed on the fly: one invocation per element of
 * x, summing over the layer's outputs.
 */
function inputGradient(
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  W: tf.Tensor2D,
  act: FusedActivation,
  alpha: number,
): tf.Tensor {
  const [rows, outDim] = dy.shape;
  const inDim = W.shape[0];
  const program = elementwise(
    `playgroundDenseInputGrad_${act}`,
    rows * inDim,
    act === 'linear' ? ['DY', 'W'] : ['DY', 'Y', 'W'],
    'inDim : i32, outDim : i32, alpha : f32,',
    `let i = index / uniforms.inDim;
          let k = index - i * uniforms.inDim;
          var s = 0.0;
          for (var j = 0; j < uniforms.outDim; j = j + 1) {
            ${gAt(act, 'i * uniforms.outDim + j')}
            s = s + g * W[k * uniforms.outDim + j];
          }
          result[index] = s;`,
  );
  const inputs = act === 'linear' ? [dy, W] : [dy, y, W];
  return runToTensor(
    program,
    inputs,
    [i32(rows * inDim), i32(inDim), i32(outDim), f32(alpha)],
    [rows, inDim],
  );
}

/**
 * [∂W; ∂b] = [xᵀ·g; Σ_rows g] with g = dy ⊙ act'(y) in one dispatch, written at `offset` of the
 * output: one invocation per weight, the bias as a last row of x that is all ones.
 */
function weightGradientProgram(
  x: tf.Tensor2D,
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  act: FusedActivation,
  alpha: number,
  offset: number,
) {
  const [rows, inDim] = x.shape;
  const outDim = dy.shape[1];
  const program = elementwise(
    `playgroundDenseWeightGrad_${act}`,
    (inDim + 1) * outDim,
    act === 'linear' ? ['X', 'DY'] : ['X', 'DY', 'Y'],
    'rows : i32, inDim : i32, outDim : i32, offset : i32, alpha : f32,',
    `let k = index / uniforms.outDim;
          let j = index - k * uniforms.outDim;
          var s = 0.0;
          if (k < uniforms.inDim) {
            for (var i = 0; i < uniforms.rows; i = i + 1) {
              ${gAt(act, 'i * uniforms.outDim + j')}
              s = s + X[i * uniforms.inDim + k] * g;
            }
          } else {
            for (var i = 0; i < uniforms.rows; i = i + 1) {
              ${gAt(act, 'i * uniforms.outDim + j')}
              s = s + g;
            }
          }
          result[uniforms.offset + index] = s;`,
  );
  const inputs = act === 'linear' ? [x, dy] : [x, dy, y];
  const uniforms = [
    i32((inDim + 1) * outDim),
    i32(rows),
    i32(inDim),
    i32(outDim),
    i32(offset),
    f32(alpha),
  ];
  return { program, inputs, uniforms, shape: [inDim + 1, outDim] };
}

/** [∂W; ∂b] into the optimizer's flat gradient buffer at `slot` (gradientSlots.ts). */
function writeWeightGradients(
  x: tf.Tensor2D,
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  act: FusedActivation,
  alpha: number,
  slot: GradientSlot,
): void {
  const { program, inputs, uniforms } = weightGradientProgram(x, dy, y, act, alpha, slot.offset);
  runInPlace(program, inputs, uniforms, slot.grads);
}

/**
 * [∂W; ∂b] of a layer y = act(x·W + b) as a new [inputs + 1, outputs] tensor, by the kernel a
 * training step writes them with (WebGPU only): what 'auto''s probe times.
 */
export function denseWeightGradients(
  x: tf.Tensor2D,
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  act: FusedActivation,
  alpha = 0,
): tf.Tensor2D {
  const { program, inputs, uniforms, shape } = weightGradientProgram(x, dy, y, act, alpha, 0);
  return runToTensor(program, inputs, uniforms, shape) as tf.Tensor2D;
}

/** WGSL: act(a) as tfjs's WebGPU kernels compute each activation (unary_op_util). */
const ACTIVATION: Record<FusedActivation, string> = {
  linear: 'a',
  relu: 'select(a, 0.0, a < 0.0)',
  leakyrelu: 'select(a, uniforms.alpha * a, a < 0.0)',
  elu: 'select(exp(a) - 1.0, a, a >= 0.0)',
  // sign(a)·(1 − e^−2|a|)/(1 + e^−2|a|): no overflow for large |a|.
  tanh: 'sign(a) * (1.0 - exp(-2.0 * abs(a))) / (1.0 + exp(-2.0 * abs(a)))',
};

/**
 * y = act(x·W + b) in one dispatch: one invocation per output, summing over the inputs, as the
 * backward kernels above do. tfjs's fused matMul computes it in tiles of 4×4 outputs per
 * invocation through workgroup memory: a pipeline that took 1.2 s to compile on the software
 * adapter (Chromium's SwiftShader), where this loop's takes ~20 ms.
 */
function denseForward(
  backend: WebGPUBackend,
  x: tf.TensorInfo,
  W: tf.TensorInfo,
  b: tf.TensorInfo,
  act: FusedActivation,
  alpha: number,
): tf.TensorInfo {
  const [rows, inDim] = x.shape as [number, number];
  const outDim = W.shape[1]!;
  const program = elementwise(
    `playgroundDense_${act}`,
    rows * outDim,
    ['X', 'W', 'B'],
    'inDim : i32, outDim : i32, alpha : f32,',
    `let i = index / uniforms.outDim;
          let j = index - i * uniforms.outDim;
          var a = B[j];
          for (var k = 0; k < uniforms.inDim; k = k + 1) {
            a = a + X[i * uniforms.inDim + k] * W[k * uniforms.outDim + j];
          }
          result[index] = ${ACTIVATION[act]};`,
  );
  return runToInfo(
    backend,
    program,
    [x, W, b],
    [i32(rows * outDim), i32(inDim), i32(outDim), f32(alpha)],
    [rows, outDim],
  );
}

interface DenseAttrs {
  act: FusedActivation;
  alpha: number;
}

function register(): void {
  if (tf.getKernel(KERNEL, 'webgpu')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { act, alpha } = attrs as unknown as DenseAttrs;
      const { x, W, b } = inputs;
      return denseForward(backend as unknown as WebGPUBackend, x!, W!, b!, act, alpha);
    },
  });
  tf.registerGradient({
    kernelName: KERNEL,
    inputsToSave: ['x', 'W', 'b'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, W, b, y] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D];
      const { act, alpha } = attrs as unknown as DenseAttrs;
      const d = dy as tf.Tensor2D;
      const x_ = () => inputGradient(d, y, W, act, alpha);
      const slot = pairSlot(W, b);
      if (slot) {
        // [∂W; ∂b] into the optimizer's buffer, once for both.
        let done = false;
        const write = () => {
          if (!done) writeWeightGradients(x, d, y, act, alpha, slot);
          done = true;
        };
        return {
          x: x_,
          W: () => (write(), writtenGradient(W.shape, slot)),
          b: () => (write(), writtenGradient(b.shape, slot)),
        };
      }
      // No slot (the first step, another optimizer): [∂W; ∂b] as a tensor by the same kernel
      // (one pipeline for every step), made here, not in a thunk (tfjs runs each thunk in a
      // tidy of its own), and sliced.
      const wb = denseWeightGradients(x, d, y, act, alpha);
      const inDim = x.shape[1];
      return {
        x: x_,
        W: () => tf.slice(wb, [0, 0], [inDim, -1]),
        b: () => tf.reshape(tf.slice(wb, [inDim, 0], [1, -1]), [-1]),
      };
    },
  });
}

/** y = act(x·W + b) as our kernel (differentiable, WebGPU only). */
export function denseLayer(
  x: tf.Tensor2D,
  W: tf.Tensor,
  b: tf.Tensor,
  act: FusedActivation,
  alpha = 0,
): tf.Tensor2D {
  register();
  const attrs: DenseAttrs = { act, alpha };
  return tf
    .engine()
    .runKernel(KERNEL, { x, W, b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}
