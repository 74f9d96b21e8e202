import * as tf from '../tf/tfjs.ts';
import {
  disposeInfo,
  tensorOf,
  webgpuBackend,
  type Uniform,
  type WebGPUBackend,
  type WebGPUProgram,
} from './tfjsInternals.ts';

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
 * Values each invocation sums before a reduction takes a second workgroup: a pass of its own
 * costs more (tfjs's work per dispatch, tens of µs) than one workgroup summing a batch-32 VAE's
 * 25,152 terms.
 */
const PER_INVOCATION = 128;
/** The most terms a reduction sums in one pass (one workgroup). */
export const SINGLE_PASS = REDUCE * PER_INVOCATION;
/** Workgroups of a reduction's first pass, at most. */
const MAX_GROUPS = 256;

/**
 * A sum over `uniforms.n` elements of a vec4 per element: `term` is WGSL that, given `i`,
 * defines `let v : vec4<f32>`; `finish` writes `result[...]` from the total `s : vec4<f32>` (and
 * may read the inputs and uniforms). For the loss kernels, whose inputs are a batch: one
 * dispatch where tfjs's ops take one per elementwise step and per reduction. Run by
 * runReduction.
 */
export interface Reduction {
  key: string;
  outputs: number;
  inputs: string[];
  uniforms: string;
  term: string;
  finish: string;
  prelude?: string;
}

export function reduction(
  key: string,
  outputs: number,
  inputs: string[],
  uniforms: string,
  term: string,
  finish: string,
  prelude = '',
): Reduction {
  return { key, outputs, inputs, uniforms, term, finish, prelude };
}

/**
 * One reduction pass: `groups` workgroups of 256 invocations, each summing a grid-strided share
 * of the n elements in a tree over workgroup memory; `end` runs in invocation 0 of each
 * workgroup with its sum `s`.
 */
function pass(
  key: string,
  r: Reduction,
  inputs: string[],
  groups: number,
  outputs: number,
  term: string,
  end: string,
): WebGPUProgram {
  return {
    shaderKey: key,
    outputShape: [outputs],
    dispatchLayout: { x: [0] },
    dispatch: [groups, 1, 1],
    workgroupSize: [REDUCE, 1, 1],
    variableNames: inputs,
    uniforms: `n : i32, ${r.uniforms}`,
    size: false,
    getUserCode: () => `
      ${r.prelude ?? ''}
      var<workgroup> partial : array<vec4<f32>, ${REDUCE}>;
      fn main(index : i32) {
        var acc = vec4<f32>(0.0);
        let stride = ${REDUCE} * i32(numWorkgroups.x);
        for (var i = i32(workgroupId.x) * ${REDUCE} + i32(localId.x); i < uniforms.n; i = i + stride) {
          ${term}
          acc = acc + v;
        }
        partial[localId.x] = acc;
        workgroupBarrier();
        for (var half = ${REDUCE / 2}u; half > 0u; half = half / 2u) {
          if (localId.x < half) {
            partial[localId.x] = partial[localId.x] + partial[localId.x + half];
          }
          workgroupBarrier();
        }
        if (localId.x == 0u) {
          let s = partial[0];
          ${end}
        }
      }`,
  };
}

/**
 * Runs a reduction into a float32 TensorInfo of `shape`; `uniforms` start with n. Up to
 * 256 × 128 elements, one workgroup in one dispatch. Beyond, a first pass spreads the sum over
 * as many workgroups as the size needs (up to 256), each writing its partial vec4, and a
 * second, one workgroup, adds the partials and finishes: the largest batch (512 images of
 * 784 pixels, 401,408 terms) no longer waits on 256 invocations.
 */
export function runReduction(
  backend: WebGPUBackend,
  r: Reduction,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.TensorInfo {
  const n = uniforms[0]!.data[0]!;
  const groups = Math.min(MAX_GROUPS, Math.ceil(n / (REDUCE * PER_INVOCATION)));
  if (groups <= 1) {
    const single = pass(r.key, r, r.inputs, 1, r.outputs, r.term, r.finish);
    return runToInfo(backend, single, inputs, uniforms, shape);
  }
  const partials = backend.runWebGPUProgram(
    pass(
      `${r.key}_partials`,
      r,
      r.inputs,
      groups,
      4 * groups,
      r.term,
      'let o = 4 * i32(workgroupId.x); result[o] = s.x; result[o + 1] = s.y; result[o + 2] = s.z; result[o + 3] = s.w;',
    ),
    inputs,
    'float32',
    uniforms,
  );
  try {
    // Only the inputs `finish` reads: tfjs lays pipelines out from the shader ('auto'), so a
    // bound input the shader never reads fails validation, and with it the whole submission.
    const kept = r.inputs.flatMap((name, k) =>
      new RegExp(`\\b${name}\\b`).test(r.finish) ? [[name, inputs[k]!] as const] : [],
    );
    const total = pass(
      `${r.key}_total`,
      r,
      ['Partials', ...kept.map(([name]) => name)],
      1,
      r.outputs,
      'let v = vec4<f32>(Partials[4 * i], Partials[4 * i + 1], Partials[4 * i + 2], Partials[4 * i + 3]);',
      r.finish,
    );
    // The second pass's n is the number of partials; the other uniforms are the first's.
    return runToInfo(
      backend,
      total,
      [partials, ...kept.map(([, t]) => t)],
      [i32(groups), ...uniforms.slice(1)],
      shape,
    );
  } finally {
    disposeInfo(partials); // freed once the queued passes have run
  }
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
