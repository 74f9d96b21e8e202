import * as tf from '../tf/tfjs.ts';
import type { DensePlan } from './densePlan.ts';
import { pairSlot, writtenGradient } from './gradientSlots.ts';
import { runInPlace, type WebGPUBackend } from './tfjsInternals.ts';
import { elementwise, i32, runToInfo, runToTensor } from './webgpuPrograms.ts';

// A VAE encoder's two linear heads, μ = h·Wμ + bμ and logVar = h·Wv + bv, as one kernel whose
// output is the joined [μ | logVar] ([rows, 2L]): one dispatch forward where two dense layers
// take two, and backward, with g = ∂L/∂[μ | logVar] split as [gμ | gv],
//   ∂h = gμ·Wμᵀ + gv·Wvᵀ                                   one dispatch (no sum of two ∂h's)
//   [∂Wμ; ∂bμ] = [hᵀ·gμ; Σ_rows gμ], and the same for v     one dispatch, into FusedAdam's flat
//                                                           gradient buffer (gradientSlots.ts)
// The reparameterization and the KL (fusedLosses.ts) read the joined tensor, so each of them
// has one gradient, not one per head.

const KERNEL = 'PlaygroundGaussianHeads';

/** The weights [Wμ, bμ, Wv, bv] of two linear heads of one size, as an encoder's μ and logVar. */
export type GaussianHeads = [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];

/** A plan's heads as GaussianHeads, or null when they are not two linear heads of one size. */
export function gaussianHeads(plan: DensePlan): GaussianHeads | null {
  if (plan.heads.length !== 2 || plan.heads.some((s) => s.act !== 'linear')) return null;
  const weights = plan.heads.flatMap((s) => s.layer.trainableWeights.map((w) => w.read()));
  const [Wm, , Wv] = weights as tf.Tensor2D[];
  return Wm!.shape[1] === Wv!.shape[1] ? (weights as GaussianHeads) : null;
}

/** Shapes of a call: rows, the hidden layer's width, the latent size L. */
const dims = (h: tf.TensorInfo, Wm: tf.TensorInfo) => {
  const [rows, inDim] = h.shape as [number, number];
  return { rows, inDim, L: Wm.shape[1]! };
};

// WGSL shared by the three programs: for output column c of [μ | logVar] (0 ≤ c < 2L), the head
// (c < L: μ) and the column within it.
const HEAD_OF = `
  fn weightOf(k : i32, c : i32) -> f32 {
    if (c < uniforms.L) { return WM[k * uniforms.L + c]; }
    return WV[k * uniforms.L + c - uniforms.L];
  }`;

function forward(backend: WebGPUBackend, [h, Wm, bm, Wv, bv]: tf.TensorInfo[]): tf.TensorInfo {
  const { rows, inDim, L } = dims(h!, Wm!);
  const program = elementwise(
    'playgroundGaussianHeads',
    rows * 2 * L,
    ['H', 'WM', 'BM', 'WV', 'BV'],
    'inDim : i32, L : i32,',
    `let i = index / (2 * uniforms.L);
          let c = index - i * 2 * uniforms.L;
          var a = select(BV[c - uniforms.L], BM[c], c < uniforms.L);
          for (var k = 0; k < uniforms.inDim; k = k + 1) {
            a = a + H[i * uniforms.inDim + k] * weightOf(k, c);
          }
          result[index] = a;`,
    HEAD_OF,
  );
  return runToInfo(
    backend,
    program,
    [h!, Wm!, bm!, Wv!, bv!],
    [i32(rows * 2 * L), i32(inDim), i32(L)],
    [rows, 2 * L],
  );
}

/** ∂h = g·[Wμ | Wv]ᵀ: one invocation per element of h, summing over the 2L columns. */
function hiddenGradient(g: tf.Tensor2D, h: tf.Tensor2D, Wm: tf.Tensor2D, Wv: tf.Tensor2D) {
  const { rows, inDim, L } = dims(h, Wm);
  const program = elementwise(
    'playgroundGaussianHeadsGradH',
    rows * inDim,
    ['G', 'WM', 'WV'],
    'inDim : i32, L : i32,',
    `let i = index / uniforms.inDim;
          let k = index - i * uniforms.inDim;
          var s = 0.0;
          for (var c = 0; c < 2 * uniforms.L; c = c + 1) {
            s = s + G[i * 2 * uniforms.L + c] * weightOf(k, c);
          }
          result[index] = s;`,
    HEAD_OF,
  );
  return runToTensor(program, [g, Wm, Wv], [i32(rows * inDim), i32(inDim), i32(L)], h.shape);
}

/**
 * [∂Wμ; ∂bμ] at offset `om` and [∂Wv; ∂bv] at `ov` of its output, one dispatch: one invocation
 * per weight, the bias as a last row of h that is all ones.
 */
function weightGradientProgram(
  g: tf.Tensor2D,
  h: tf.Tensor2D,
  Wm: tf.Tensor2D,
  om: number,
  ov: number,
) {
  const { rows, inDim, L } = dims(h, Wm);
  const perHead = (inDim + 1) * L;
  const program = elementwise(
    'playgroundGaussianHeadsGradW',
    2 * perHead,
    ['G', 'H'],
    'rows : i32, inDim : i32, L : i32, om : i32, ov : i32,',
    `let perHead = (uniforms.inDim + 1) * uniforms.L;
          let v = index >= perHead;
          let r = index - select(0, perHead, v);
          let k = r / uniforms.L;
          let c = r - k * uniforms.L + select(0, uniforms.L, v);
          var s = 0.0;
          for (var i = 0; i < uniforms.rows; i = i + 1) {
            let x = select(1.0, H[i * uniforms.inDim + k], k < uniforms.inDim);
            s = s + x * G[i * 2 * uniforms.L + c];
          }
          result[select(uniforms.om, uniforms.ov, v) + r] = s;`,
  );
  const uniforms = [i32(2 * perHead), i32(rows), i32(inDim), i32(L), i32(om), i32(ov)];
  return { program, inputs: [g, h], uniforms };
}

/** The heads' weight gradients into FusedAdam's flat gradient buffer (gradientSlots.ts). */
function writeWeightGradients(
  g: tf.Tensor2D,
  h: tf.Tensor2D,
  Wm: tf.Tensor2D,
  om: number,
  ov: number,
  grads: tf.Tensor,
): void {
  const { program, inputs, uniforms } = weightGradientProgram(g, h, Wm, om, ov);
  runInPlace(program, inputs, uniforms, grads);
}

/**
 * The heads' weight gradients as tensors, by the same kernel (one pipeline for every step):
 * [∂Wμ; ∂bμ; ∂Wv; ∂bv] in one flat tensor, sliced.
 */
function weightGradientTensors(g: tf.Tensor2D, h: tf.Tensor2D, Wm: tf.Tensor2D) {
  const { inDim, L } = dims(h, Wm);
  const perHead = (inDim + 1) * L;
  const { program, inputs, uniforms } = weightGradientProgram(g, h, Wm, 0, perHead);
  const flat = runToTensor(program, inputs, uniforms, [2 * perHead]);
  const weights = (at: number) => () => tf.reshape(tf.slice(flat, [at], [inDim * L]), [inDim, L]);
  const bias = (at: number) => () => tf.slice(flat, [at + inDim * L], [L]);
  return { Wm: weights(0), bm: bias(0), Wv: weights(perHead), bv: bias(perHead) };
}

function register(): void {
  if (tf.getKernel(KERNEL, 'webgpu')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) =>
      forward(backend as unknown as WebGPUBackend, [
        inputs.h!,
        inputs.Wm!,
        inputs.bm!,
        inputs.Wv!,
        inputs.bv!,
      ]),
  });
  tf.registerGradient({
    kernelName: KERNEL,
    inputsToSave: ['h', 'Wm', 'bm', 'Wv', 'bv'],
    gradFunc: (dy, saved) => {
      const [h, Wm, bm, Wv, bv] = saved as [tf.Tensor2D, ...GaussianHeads];
      const g = dy as tf.Tensor2D;
      const sm = pairSlot(Wm, bm);
      const sv = pairSlot(Wv, bv);
      const hGrad = () => hiddenGradient(g, h, Wm, Wv);
      if (sm && sv && sm.grads === sv.grads) {
        let done = false;
        const stand = (t: tf.Tensor, slot: typeof sm) => () => {
          if (!done) writeWeightGradients(g, h, Wm, sm.offset, sv.offset, sm.grads);
          done = true;
          return writtenGradient(t.shape, slot);
        };
        return {
          h: hGrad,
          Wm: stand(Wm, sm),
          bm: stand(bm, sm),
          Wv: stand(Wv, sv),
          bv: stand(bv, sv),
        };
      }
      // No slots (the first step, another optimizer): each weight's gradient as a tensor, made
      // here, not in a thunk (tfjs runs each thunk in a tidy of its own).
      return { h: hGrad, ...weightGradientTensors(g, h, Wm) };
    },
  });
}

/** [μ | logVar] ([rows, 2L]) of the encoder's last hidden layer h, in training (WebGPU only). */
export function runGaussianHeads(h: tf.Tensor2D, [Wm, bm, Wv, bv]: GaussianHeads): tf.Tensor2D {
  register();
  return tf.engine().runKernel(KERNEL, { h, Wm, bm, Wv, bv }) as tf.Tensor2D;
}
