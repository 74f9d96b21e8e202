import * as tf from '@tensorflow/tfjs';

// Our own WebGPU programs, run through tfjs's WebGPU backend (`runWebGPUProgram`): the fused
// optimizer, dense layers and loss kernels each replace several of tfjs's dispatches with one.
// A program is WGSL for `fn main(index : i32)`; tfjs adds the bindings (inputs by name, the
// output as `result`, uniforms as `uniforms.*`) and calls it once per invocation.

/** What we use of tfjs's WebGPU backend (its types are not exported at the package root). */
export interface WebGpuBackend {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    outputDtype: tf.DataType,
    uniforms?: Uniform[],
    output?: tf.TensorInfo,
  ): tf.TensorInfo;
  refCount(dataId: object): number;
  disposeData(dataId: object): boolean;
  epsilon(): number;
  /** Per tensor: the GPU buffer, and a CPU copy cached by the last read (`data()`). */
  tensorMap: { get(dataId: object): { values: unknown } };
}

export interface Uniform {
  type: 'float32' | 'int32';
  data: number[];
}

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
) {
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
) {
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

export const webgpuBackend = (): WebGpuBackend => tf.backend() as unknown as WebGpuBackend;

/** Runs a program into a kernel's result: a float32 TensorInfo of `shape` (the program's size). */
export function runToInfo(
  backend: WebGpuBackend,
  program: object,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.TensorInfo {
  return { ...backend.runWebGPUProgram(program, inputs, 'float32', uniforms), shape };
}

/** The same, as a new tensor (for the gradients, which return tensors). */
export function runToTensor(
  program: object,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.Tensor {
  return tf
    .engine()
    .makeTensorFromTensorInfo(runToInfo(webgpuBackend(), program, inputs, uniforms, shape));
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
  forward: (backend: WebGpuBackend, inputs: tf.TensorInfo[], attrs: Attrs) => tf.TensorInfo,
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
              args.backend as unknown as WebGpuBackend,
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
