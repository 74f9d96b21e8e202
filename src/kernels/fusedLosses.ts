import * as tf from '../tf/tfjs.ts';
import {
  elementwise,
  f32,
  i32,
  kernel,
  reduction,
  runReduction,
  runToInfo,
  runToTensor,
  WGSL_MATH,
} from './webgpuPrograms.ts';

import { POINT_SIGMA } from '../config/datasets.ts';

// The GAN's and the VAE's losses as WebGPU kernels for training: each is one dispatch forward
// (a reduction over the batch; two past 256 terms, see runReduction) and one per input
// backward, where the same formulas in tfjs ops (losses.ts, ganLosses.ts) take one dispatch
// per elementwise step and per mean. Same math, same batch means; the gradients are written out beside each formula.
// Registered for the WebGPU backend only: the fused training steps (fusedSteps.ts) are used
// there alone, and everywhere else the models keep the tfjs ops.

const rowsOf = (t: tf.TensorInfo) => t.shape[0]!;

// ── GAN ──────────────────────────────────────────────────────────────────────────────────
// d: D's raw outputs (logits, or LSGAN scores), [m, 1]. In D's step the first nReal rows are
// real data and the rest generated (D runs once on both); t = 1 − label smoothing.
//   log-loss games:  L_D = mean_real[t·softplus(−d) + (1 − t)·softplus(d)] + mean_fake softplus(d)
//                    ∂/∂d: (σ(d) − t) / nReal on real rows, σ(d) / nFake on fake ones
//   LSGAN:           L_D = ½ mean_real (d − t)² + ½ mean_fake d²;   ∂/∂d: (d − t)/nReal, d/nFake
// with the chart's readouts mean σ(d) (or mean d) of each half, ∂: σ(1 − σ)/n (or 1/n).

export type GanFamily = 'log' | 'ls';
export const ganFamily = (loss: string): GanFamily => (loss === 'lsgan' ? 'ls' : 'log');

export const D_TERMS: Record<GanFamily, { real: string; fake: string; grad: [string, string] }> = {
  log: {
    real: 'vec4<f32>(t * softplus(-d) + (1.0 - t) * softplus(d), sigmoidOf(d), 0.0, 0.0)',
    fake: 'vec4<f32>(softplus(d), 0.0, sigmoidOf(d), 0.0)',
    grad: ['DY[0] * (s - t) + DY[1] * s * (1.0 - s)', 'DY[0] * s + DY[2] * s * (1.0 - s)'],
  },
  ls: {
    real: 'vec4<f32>(0.5 * (d - t) * (d - t), d, 0.0, 0.0)',
    fake: 'vec4<f32>(0.5 * d * d, 0.0, d, 0.0)',
    grad: ['DY[0] * (d - t) + DY[1]', 'DY[0] * d + DY[2]'],
  },
};

/**
 * WGSL for a reduction over D's rows (i; real rows first), given `let d` (row i's output):
 * `let v` = that row's share of [L_D, mean D(x), mean D(G(z))].
 */
export const dTermsSummand = (f: GanFamily): string => `
          let t = uniforms.t;
          let real = i < uniforms.nReal;
          let k = select(1.0 / f32(uniforms.n - uniforms.nReal), 1.0 / f32(uniforms.nReal), real);
          let v = k * select(${D_TERMS[f].fake}, ${D_TERMS[f].real}, real);`;

const dTermsKernel = kernel(
  'PlaygroundGanDTerms',
  ['d'],
  (backend, [d], attrs) => {
    const f = attrs.family as GanFamily;
    const m = rowsOf(d!);
    const nReal = attrs.nReal as number;
    const program = reduction(
      `playgroundGanDTerms_${f}`,
      3,
      ['D'],
      'nReal : i32, t : f32,',
      `let d = D[i]; ${dTermsSummand(f)}`,
      'result[0] = s.x; result[1] = s.y; result[2] = s.z;',
      WGSL_MATH,
    );
    return runReduction(backend, program, [d!], [i32(m), i32(nReal), f32(attrs.t as number)], [3]);
  },
  {
    d: (dy, [d], attrs) => {
      const f = attrs.family as GanFamily;
      const m = rowsOf(d!);
      const program = elementwise(
        `playgroundGanDTermsGrad_${f}`,
        m,
        ['DY', 'D'],
        'nReal : i32, t : f32,',
        `let d = D[index];
          let s = sigmoidOf(d);
          let t = uniforms.t;
          if (index < uniforms.nReal) {
            result[index] = (${D_TERMS[f].grad[0]}) / f32(uniforms.nReal);
          } else {
            result[index] = (${D_TERMS[f].grad[1]}) / f32(uniforms.n - uniforms.nReal);
          }`,
        WGSL_MATH,
      );
      return runToTensor(
        program,
        [dy, d!],
        [i32(m), i32(attrs.nReal as number), f32(attrs.t as number)],
        d!.shape,
      );
    },
  },
);

/**
 * [L_D, mean D(x), mean D(G(z))] from D's outputs on [real; fake] (nReal real rows first):
 * the same values as discriminatorLoss and discriminatorReadout (ganLosses.ts).
 */
export function ganDiscriminatorTerms(
  loss: string,
  d: tf.Tensor2D,
  nReal: number,
  realTarget: number,
): tf.Tensor1D {
  return dTermsKernel([d], { family: ganFamily(loss), nReal, t: realTarget }) as tf.Tensor1D;
}

// G's loss on d = D(G(z)), as in generatorLoss (ganLosses.ts), with its derivative:
//   non-saturating: mean softplus(−d)   ∂: (σ(d) − 1)/n
//   minimax:       −mean softplus(d)    ∂: −σ(d)/n
//   LSGAN:          ½ mean (d − 1)²     ∂: (d − 1)/n
export const G_LOSS: Record<string, { term: string; grad: string }> = {
  nonsaturating: { term: 'softplus(-d)', grad: 'sigmoidOf(d) - 1.0' },
  minimax: { term: '-softplus(d)', grad: '-sigmoidOf(d)' },
  lsgan: { term: '0.5 * (d - 1.0) * (d - 1.0)', grad: 'd - 1.0' },
};

/** WGSL, given `let d` (row i's D output): `let v` = that row's share of G's loss. */
export const gLossSummand = (loss: string): string =>
  `let v = vec4<f32>((${G_LOSS[loss]!.term}) / f32(uniforms.n), 0.0, 0.0, 0.0);`;

const gRowKernel = kernel(
  'PlaygroundGanGRow',
  ['d', 'terms'],
  (backend, [d, terms], attrs) => {
    const loss = attrs.loss as string;
    const n = rowsOf(d!);
    const program = reduction(
      `playgroundGanGRow_${loss}`,
      4,
      ['D', 'T'],
      '',
      `let d = D[i]; ${gLossSummand(loss)}`,
      'result[0] = T[0]; result[1] = s.x; result[2] = T[1]; result[3] = T[2];',
      WGSL_MATH,
    );
    return runReduction(backend, program, [d!, terms!], [i32(n)], [4]);
  },
  {
    d: (dy, [d], attrs) => {
      const loss = attrs.loss as string;
      const n = rowsOf(d!);
      const program = elementwise(
        `playgroundGanGRowGrad_${loss}`,
        n,
        ['DY', 'D'],
        '',
        `let d = D[index]; result[index] = DY[1] * (${G_LOSS[loss]!.grad}) / f32(uniforms.n);`,
        WGSL_MATH,
      );
      return runToTensor(program, [dy, d!], [i32(n)], d!.shape);
    },
    // The row copies the D terms to places 0, 2 and 3.
    terms: (dy) => tf.gather(dy, tf.tensor1d([0, 2, 3], 'int32')),
  },
);

/**
 * The GAN's metric row [L_D, L_G, mean D(x), mean D(G(z))] from D's terms and D's outputs on
 * G(z); differentiate it with dy = [0, 1, 0, 0] for G's step.
 */
export function ganMetricRow(loss: string, dFake: tf.Tensor2D, dTerms: tf.Tensor1D): tf.Tensor1D {
  return gRowKernel([dFake, dTerms], { loss }) as tf.Tensor1D;
}

// ── VAE ──────────────────────────────────────────────────────────────────────────────────

// q(z|x) as the joined [μ | logVar] ([rows, 2L], fusedHeads.ts), row i, unit j < L:
//   z = μ + exp(logVar/2)·ε      ∂μ = dy,   ∂logVar = dy·ε·½exp(logVar/2),   ∂ε = dy·exp(logVar/2)
// (∂μ and ∂logVar in one dispatch, as the joined tensor's gradient).
const reparamKernel = kernel(
  'PlaygroundReparameterize',
  ['ml', 'eps'],
  (backend, [ml, eps]) => {
    const [rows, L] = eps!.shape as [number, number];
    const program = elementwise(
      'playgroundReparameterize',
      rows * L,
      ['ML', 'EPS'],
      'L : i32,',
      `let i = index / uniforms.L;
          let o = index + i * uniforms.L;
          result[index] = ML[o] + exp(0.5 * ML[o + uniforms.L]) * EPS[index];`,
    );
    return runToInfo(backend, program, [ml!, eps!], [i32(rows * L), i32(L)], eps!.shape);
  },
  {
    ml: (dy, [ml, eps]) => {
      const L = eps!.shape[1]!;
      const program = elementwise(
        'playgroundReparameterizeGrad',
        ml!.size,
        ['DY', 'ML', 'EPS'],
        'L : i32,',
        `let i = index / (2 * uniforms.L);
          let c = index - i * 2 * uniforms.L;
          if (c < uniforms.L) {
            result[index] = DY[i * uniforms.L + c];
          } else {
            let e = i * uniforms.L + c - uniforms.L;
            result[index] = DY[e] * EPS[e] * 0.5 * exp(0.5 * ML[index]);
          }`,
      );
      return runToTensor(program, [dy, ml!, eps!], [i32(ml!.size), i32(L)], ml!.shape);
    },
    eps: (dy, [ml, eps]) => {
      const L = eps!.shape[1]!;
      return tf.mul(dy, tf.exp(tf.mul(tf.slice(ml!, [0, L], [-1, L]), 0.5)));
    },
  },
);

/** A sample z = μ + σ·ε of q(z|x) = N(μ, e^logVar), from [μ | logVar], as in vae.ts's reparameterize. */
export function reparameterizeFused(ml: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  return reparamKernel([ml, eps], {}) as tf.Tensor2D;
}

// The VAE's loss row [reconstruction, KL, reconstruction + β·KL] in one reduction (two passes,
// see runReduction) over the batch's reconstruction terms and then its KL terms, each a batch
// mean, summed over pixels and latent units. From the decoder's raw output r (logits for
// images, the mean for points) and q(z|x) = N(μ, e^logVar), read from the joined [μ | logVar]:
//   bce:    max(r, 0) − r·x + log(1 + e^−|r|)   ∂r: σ(r) − x
//   mse:    (x − σ(r))²                         ∂r: 2(σ(r) − x)·σ(r)(1 − σ(r))
//   points: (x − r)² / (2s²)                    ∂r: (r − x) / s²
//   KL:     −½ (1 + logVar − μ² − e^logVar)     ∂μ: μ,   ∂logVar: ½(e^logVar − 1)
// With dy the row's gradient, r's terms are weighted by dy₀ + dy₂ and the KL's by dy₁ + β·dy₂
// (each divided by the rows of the mean).
const RECON: Record<string, { term: string; grad: string }> = {
  bce: {
    term: 'max(r, 0.0) - r * x + log(1.0 + exp(-abs(r)))',
    grad: 'sigmoidOf(r) - x',
  },
  mse: {
    term: '(x - sigmoidOf(r)) * (x - sigmoidOf(r))',
    grad: '2.0 * (sigmoidOf(r) - x) * sigmoidOf(r) * (1.0 - sigmoidOf(r))',
  },
  points: {
    term: `(x - r) * (x - r) / ${(2 * POINT_SIGMA * POINT_SIGMA).toFixed(6)}`,
    grad: `(r - x) / ${(POINT_SIGMA * POINT_SIGMA).toFixed(6)}`,
  },
};

/** WGSL: the KL row's weight in the gradient, dy₁ + β·dy₂, over the rows. */
const KL_WEIGHT = '(DY[1] + uniforms.beta * DY[2]) / f32(uniforms.rows)';

/** An elementwise gradient of the VAE row: `body` writes result[index]; L is the latent size. */
function rowGradient(
  key: string,
  inputs: tf.Tensor[],
  names: string[],
  body: string,
  [rows, L, beta]: [number, number, number],
): tf.Tensor {
  const size = inputs[1]!.size;
  const program = elementwise(
    key,
    size,
    names,
    'rows : i32, L : i32, beta : f32,',
    body,
    WGSL_MATH,
  );
  return runToTensor(program, inputs, [i32(size), i32(rows), i32(L), f32(beta)], inputs[1]!.shape);
}

const vaeRowKernel = kernel(
  'PlaygroundVaeRow',
  ['x', 'raw', 'ml'],
  (backend, [x, raw, ml], attrs) => {
    const kind = attrs.kind as string;
    const rows = rowsOf(x!);
    const L = ml!.shape[1]! / 2;
    const nr = rows * x!.shape[1]!;
    const program = reduction(
      `playgroundVaeRow_${kind}`,
      3,
      ['X', 'R', 'ML'],
      'nr : i32, rows : i32, L : i32, beta : f32,',
      `var v = vec4<f32>(0.0);
          if (i < uniforms.nr) {
            let x = X[i]; let r = R[i];
            v.x = (${RECON[kind]!.term}) / f32(uniforms.rows);
          } else {
            let e = i - uniforms.nr;
            let o = e + (e / uniforms.L) * uniforms.L;
            let mu = ML[o]; let lv = ML[o + uniforms.L];
            v.y = -0.5 * (1.0 + lv - mu * mu - exp(lv)) / f32(uniforms.rows);
          }`,
      'result[0] = s.x; result[1] = s.y; result[2] = s.x + uniforms.beta * s.y;',
      WGSL_MATH,
    );
    return runReduction(
      backend,
      program,
      [x!, raw!, ml!],
      [i32(nr + rows * L), i32(nr), i32(rows), i32(L), f32(attrs.beta as number)],
      [3],
    );
  },
  {
    x: () => {
      throw new Error('the VAE loss has no gradient with respect to the data');
    },
    raw: (dy, [x, raw, ml], attrs) =>
      rowGradient(
        `playgroundVaeRowGradRaw_${attrs.kind as string}`,
        [dy, raw!, x!],
        ['DY', 'R', 'X'],
        `let x = X[index]; let r = R[index];
          result[index] = (DY[0] + DY[2]) * (${RECON[attrs.kind as string]!.grad}) / f32(uniforms.rows);`,
        [rowsOf(x!), ml!.shape[1]! / 2, attrs.beta as number],
      ),
    // Columns c < L of [μ | logVar] are μ, the rest logVar.
    ml: (dy, [x, , ml], attrs) =>
      rowGradient(
        'playgroundVaeRowGradMl',
        [dy, ml!],
        ['DY', 'ML'],
        `let m = ML[index];
          let isMu = index % (2 * uniforms.L) < uniforms.L;
          result[index] = ${KL_WEIGHT} * select(0.5 * (exp(m) - 1.0), m, isMu);`,
        [rowsOf(x!), ml!.shape[1]! / 2, attrs.beta as number],
      ),
  },
);

/**
 * The VAE's metric row [reconstruction, KL, reconstruction + β·KL]: the batch means of
 * decoderLoss(kind, recon) and klToStandardNormal (losses.ts), and the loss the step minimises;
 * q(z|x) given as the joined [μ | logVar] (fusedHeads.ts).
 */
export function vaeRowFused(
  dataKind: 'image' | 'points',
  recon: 'bce' | 'mse',
  x: tf.Tensor2D,
  raw: tf.Tensor2D,
  ml: tf.Tensor2D,
  beta: number,
): tf.Tensor1D {
  const kind = dataKind === 'points' ? 'points' : recon;
  return vaeRowKernel([x, raw, ml], { kind, beta }) as tf.Tensor1D;
}
