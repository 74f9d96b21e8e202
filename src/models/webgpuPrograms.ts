import * as tf from '@tensorflow/tfjs';
import {
  tensorOf,
  webgpuBackend,
  type Uniform,
  type WebGPUBackend,
  type WebGPUProgram,
} from './tfjsInternals.ts';

export type { WebGPUBackend };

// Our own WebGPU programs, run through tfjs's WebGPU backend (tfjsInternals.ts): the fused
// optimizer, dense layers and loss kernels each replace several of tfjs's dispatches with one.
// A program is WGSL for `fn main(index : i32)`; tfjs adds the bindings (inputs by name, the
// output as `result`, uniforms as `uniforms.*`) and calls it once per invocation.

export const f32 = (v: number): Uniform => ({ type: 'float32', data: [v] });
export const i32 = (v: number): Uniform => ({ type: 'int32', data: [v] });

const WORKGROUP = 64;

/**
 * An elementwise program over n elements (flat indices, as tfjs's shaders use them). `uniforms`
 * declares WGSL fields after `n : i32,`; `prelude` holds WGSL functions the body calls. `key`
 * must name everything the code depends on, for tfjs caches compiled pipelines by it.
 */
export function elementwise(
  key: string,
  n: number,
  inputs: string[],
  uniforms: string,
  body: string,
  prelude = '',
): WebGPUProgram {
  return {
    shaderKey: key,
    outputShape: [n],
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(n / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    variableNames: inputs,
    uniforms: `n : i32, ${uniforms}`,
    size: false,
    getUserCode: () => `
      ${prelude}
      fn main(index : i32) {
        if (index < uniforms.n) {
          ${body}
        }
      }`,
  };
}

const REDUCE = 256;

/**
 * A sum over `uniforms.n` elements in one workgroup of 256 invocations, of a vec4 per element: `term`
 * is WGSL that, given `i`, defines `let v : vec4<f32>`. `finish` writes `result[...]` from the
 * total `s : vec4<f32>`. For the loss kernels, whose inputs are a batch (thousands of values):
 * one dispatch where tfjs's ops take one per elementwise step and per reduction.
 */
export function reduction(
  key: string,
  outputs: number,
  inputs: string[],
  uniforms: string,
  term: string,
  finish: string,
  prelude = '',
): WebGPUProgram {
  return {
    shaderKey: key,
    outputShape: [outputs],
    dispatchLayout: { x: [0] },
    dispatch: [1, 1, 1],
    workgroupSize: [REDUCE, 1, 1],
    variableNames: inputs,
    uniforms: `n : i32, ${uniforms}`,
    size: false,
    getUserCode: () => `
      ${prelude}
      var<workgroup> partial : array<vec4<f32>, ${REDUCE}>;
      fn main(index : i32) {
        var acc = vec4<f32>(0.0);
        for (var i = i32(localId.x); i < uniforms.n; i = i + ${REDUCE}) {
          ${term}
          acc = acc + v;
        }
        partial[localId.x] = acc;
        workgroupBarrier();
        for (var stride = ${REDUCE / 2}u; stride > 0u; stride = stride / 2u) {
          if (localId.x < stride) {
            partial[localId.x] = partial[localId.x] + partial[localId.x + stride];
          }
          workgroupBarrier();
        }
        if (localId.x == 0u) {
          let s = partial[0];
          ${finish}
        }
      }`,
  };
}

/** Runs a program into a kernel's result: a float32 TensorInfo of `shape` (the program's size). */
export function runToInfo(
  backend: WebGPUBackend,
  program: WebGPUProgram,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.TensorInfo {
  return { ...backend.runWebGPUProgram(program, inputs, 'float32', uniforms), shape };
}

/** The same, as a new tensor (for the gradients, which return tensors). */
export function runToTensor(
  program: WebGPUProgram,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.Tensor {
  return tensorOf(runToInfo(webgpuBackend(), program, inputs, uniforms, shape));
}

type Attrs = Record<string, unknown>;

const registered = new Set<string>();

/**
 * Registers a kernel (once) whose forward is `forward` and whose gradient gives, per input
 * name, a function of (dy, the inputs): tfjs calls only those a gradient is asked of.
 */
export function kernel(
  name: string,
  inputNames: string[],
  forward: (backend: WebGPUBackend, inputs: tf.TensorInfo[], attrs: Attrs) => tf.TensorInfo,
  gradients: Record<string, (dy: tf.Tensor, saved: tf.Tensor[], attrs: Attrs) => tf.Tensor>,
): (inputs: tf.Tensor[], attrs: Attrs) => tf.Tensor {
  return (inputs, attrs) => {
    if (!registered.has(name)) {
      registered.add(name);
      if (!tf.getKernel(name, 'webgpu')) {
        tf.registerKernel({
          kernelName: name,
          backendName: 'webgpu',
          kernelFunc: (args) =>
            forward(
              args.backend as unknown as WebGPUBackend,
              inputNames.map((n) => args.inputs[n]!),
              args.attrs as Attrs,
            ),
        });
        tf.registerGradient({
          kernelName: name,
          inputsToSave: inputNames,
          gradFunc: (dy, saved, attrs) =>
            Object.fromEntries(
              inputNames.map((n) => [
                n,
                () => gradients[n]!(dy as tf.Tensor, saved, attrs as Attrs),
              ]),
            ),
        });
      }
    }
    const named = Object.fromEntries(inputNames.map((n, i) => [n, inputs[i]!]));
    return tf.engine().runKernel(name, named, attrs as tf.NamedAttrMap);
  };
}

/** WGSL helpers the loss kernels share: a stable softplus and the sigmoid. */
export const WGSL_MATH = `
  fn softplus(x : f32) -> f32 { return max(x, 0.0) + log(1.0 + exp(-abs(x))); }
  fn sigmoidOf(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }`;
