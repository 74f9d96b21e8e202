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
/** WebGPU's limit on workgroups along one dimension of a dispatch. */
const MAX_GROUPS = 65535;

/**
 * A dispatch of at least n invocations: one row of workgroups, or (past MAX_GROUPS) as many
 * rows as needed, whose invocations tfjs numbers on in getGlobalIndex.
 */
function dispatchOf(n: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(n / WORKGROUP));
  const rows = Math.ceil(groups / MAX_GROUPS);
  return [Math.ceil(groups / rows), rows, 1];
}

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
    dispatch: dispatchOf(n),
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

/**
 * Terms a reduction sums in one invocation, in one dispatch (a GAN's losses: a term per row of
 * a batch of D's outputs). Past them a first pass of PARTIALS invocations each sums a strided
 * share into a partial, and one invocation adds the partials. No workgroup memory and no
 * barriers: on the software adapter (Chromium's SwiftShader) each reduction shader with them
 * compiled for over half a second, one without them in tens of milliseconds.
 */
const SERIAL = 256;
const PARTIALS = 256;

/**
 * A sum over `uniforms.n` elements of a vec4 per element: `term` is WGSL that, given `i`,
 * defines `let v : vec4<f32>`; `finish` writes `result[...]` from the total `s : vec4<f32>` (and
 * may read the inputs and uniforms, not the prelude's functions). For the loss kernels, whose
 * inputs are a batch: one dispatch where tfjs's ops take one per elementwise step and per
 * reduction. Run by runReduction.
 */
export interface Reduction {
  key: string;
  outputs: number;
  inputs: string[];
  uniforms: string;
  term: string;
  finish: string;
  prelude: string;
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
 * One reduction pass: `invocations` (1 or PARTIALS) each summing the terms i ≡ index (mod
 * invocations) into `s`, then running `end`.
 */
function pass(
  key: string,
  r: Reduction,
  inputs: string[],
  invocations: number,
  outputs: number,
  term: string,
  end: string,
  prelude: string,
): WebGPUProgram {
  return {
    shaderKey: key,
    outputShape: [outputs],
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(invocations / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    variableNames: inputs,
    uniforms: `n : i32, ${r.uniforms}`,
    size: false,
    getUserCode: () => `
      ${prelude}
      fn main(index : i32) {
        if (index < ${invocations}) {
          var s = vec4<f32>(0.0);
          for (var i = index; i < uniforms.n; i = i + ${invocations}) {
            ${term}
            s = s + v;
          }
          ${end}
        }
      }`,
  };
}

/**
 * Runs a reduction into a float32 TensorInfo of `shape`; `uniforms` start with n. Up to SERIAL
 * terms, one invocation in one dispatch; beyond (a VAE's reconstruction: 784 terms an image),
 * PARTIALS partial sums, then their total in a second dispatch.
 */
export function runReduction(
  backend: WebGPUBackend,
  r: Reduction,
  inputs: tf.TensorInfo[],
  uniforms: Uniform[],
  shape: number[],
): tf.TensorInfo {
  const n = uniforms[0]!.data[0]!;
  if (n <= SERIAL) {
    const single = pass(r.key, r, r.inputs, 1, r.outputs, r.term, r.finish, r.prelude);
    return runToInfo(backend, single, inputs, uniforms, shape);
  }
  const partials = backend.runWebGPUProgram(
    pass(
      `${r.key}_partials`,
      r,
      r.inputs,
      PARTIALS,
      4 * PARTIALS,
      r.term,
      'let o = 4 * index; result[o] = s.x; result[o + 1] = s.y; result[o + 2] = s.z; result[o + 3] = s.w;',
      r.prelude,
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
      '', // the prelude's functions may read inputs this pass does not bind
    );
    // The second pass's n is the number of partials; the other uniforms are the first's.
    return runToInfo(
      backend,
      total,
      [partials, ...kept.map(([, t]) => t)],
      [i32(PARTIALS), ...uniforms.slice(1)],
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
