// The true posterior of a model with a 2-D latent, on a grid, and the bounds on log p(x):
//   p(z|x) = p(x|z) p(z) / p(x),   p(x) = ∫ p(x|z) p(z) dz ≈ Σ_cells p(x|z_c) p(z_c) · ΔA
//   ELBO   = E_q[log p(x|z) + log p(z) − log q(z|x)]          = log p(x) − KL(q(z|x) ‖ p(z|x))
//   IWAE_k = E[log (1/k) Σ_i w_i],  w_i = p(x, z_i) / q(z_i|x)   ELBO ≤ IWAE_k ≤ log p(x)
// (Burda, Grosse & Salakhutdinov 2016). The decoder's work (log p(x|z) at each z) is the
// caller's; this file does the arithmetic on the numbers it returns.

/** A square window of the latent plane: [cx − half, cx + half] × [cy − half, cy + half]. */
export interface GridWindow {
  cx: number;
  cy: number;
  half: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** The z of each cell's centre as (z₀, z₁) pairs, row 0 at the top (largest z₁). */
export function gridPoints(w: GridWindow, res: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(res * res * 2);
  const cell = (2 * w.half) / res;
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const i = (r * res + c) * 2;
      out[i] = w.cx - w.half + (c + 0.5) * cell;
      out[i + 1] = w.cy + w.half - (r + 0.5) * cell;
    }
  }
  return out;
}

/** log N(z; 0, I) in two dimensions. */
export const logPrior = (z0: number, z1: number): number => -(z0 * z0 + z1 * z1) / 2 - LOG_2PI;

/** log N(z; μ, diag σ²) in two dimensions. */
export function logGaussian(
  z0: number,
  z1: number,
  mu: readonly [number, number],
  sigma: readonly [number, number],
) {
  const a = (z0 - mu[0]) / sigma[0];
  const b = (z1 - mu[1]) / sigma[1];
  return -(a * a + b * b) / 2 - Math.log(sigma[0] * sigma[1]) - LOG_2PI;
}

/** log Σ exp(v), without overflow. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/** log p(x, z) = log p(x|z) + log p(z) at each grid point, from the decoder's log p(x|z). */
export function logJoint(logLikelihood: ArrayLike<number>, points: Float32Array): Float64Array {
  const out = new Float64Array(logLikelihood.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = logLikelihood[i]! + logPrior(points[2 * i]!, points[2 * i + 1]!);
  }
  return out;
}

/**
 * The posterior on the grid (each cell's probability, summing to 1) and log p(x) by the
 * midpoint rule: log Σ_c p(x, z_c) + log ΔA. The mass outside the window is left out.
 */
export function posteriorOnGrid(
  joint: Float64Array,
  w: GridWindow,
  res: number,
): { posterior: Float32Array<ArrayBuffer>; logEvidence: number } {
  const logZ = logSumExp(joint);
  const posterior = new Float32Array(joint.length);
  for (let i = 0; i < joint.length; i++) posterior[i] = Math.exp(joint[i]! - logZ);
  const cell = (2 * w.half) / res;
  return { posterior, logEvidence: logZ + 2 * Math.log(cell) };
}

/** q(z|x) = N(μ, diag σ²) as each cell's probability on the grid (normalised there). */
export function gaussianOnGrid(
  mu: readonly [number, number],
  sigma: readonly [number, number],
  w: GridWindow,
  res: number,
): Float32Array<ArrayBuffer> {
  const points = gridPoints(w, res);
  const logs = new Float64Array(res * res);
  for (let i = 0; i < logs.length; i++)
    logs[i] = logGaussian(points[2 * i]!, points[2 * i + 1]!, mu, sigma);
  return posteriorOnGrid(logs, w, res).posterior;
}

/** KL(q ‖ p) between two distributions on the same cells: Σ q log(q / p) ≥ 0. */
export function klOnGrid(q: ArrayLike<number>, p: ArrayLike<number>): number {
  let kl = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i]! > 0) kl += q[i]! * (Math.log(q[i]!) - Math.log(Math.max(p[i]!, 1e-300)));
  }
  return Math.max(0, kl);
}

/**
 * A window around where a coarse grid's posterior has its mass (cells within `nats` of the
 * most probable one, one cell of margin) and around q's μ ± 3σ, so that both are seen and the
 * fine grid resolves the peak. Square, at least `minHalf` wide.
 */
export function massWindow(
  joint: Float64Array,
  w: GridWindow,
  res: number,
  q: { mu: readonly [number, number]; sigma: readonly [number, number] },
  { nats = 12, minHalf = 0.05 } = {},
): GridWindow {
  let max = -Infinity;
  for (const v of joint) max = Math.max(max, v);
  const cell = (2 * w.half) / res;
  let x0 = q.mu[0] - 3 * q.sigma[0];
  let x1 = q.mu[0] + 3 * q.sigma[0];
  let y0 = q.mu[1] - 3 * q.sigma[1];
  let y1 = q.mu[1] + 3 * q.sigma[1];
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      if (joint[r * res + c]! < max - nats) continue;
      const left = w.cx - w.half + (c - 1) * cell;
      const top = w.cy + w.half - (r - 1) * cell;
      x0 = Math.min(x0, left);
      x1 = Math.max(x1, left + 3 * cell);
      y1 = Math.max(y1, top);
      y0 = Math.min(y0, top - 3 * cell);
    }
  }
  return {
    cx: (x0 + x1) / 2,
    cy: (y0 + y1) / 2,
    half: Math.max(minHalf, (x1 - x0) / 2, (y1 - y0) / 2),
  };
}

/**
 * The ELBO and IWAE_k estimated from the same importance weights log w_i (samples of q, taken in
 * groups of k): ELBO = mean log w, IWAE_k = mean over groups of log mean exp, with the standard
 * error of that mean. Per group, log mean exp ≥ mean (Jensen), so the estimate of IWAE_k is
 * never below the ELBO's; IWAE_k ≤ log p(x) holds for the expectation, so an estimate may pass
 * log p(x) by a few standard errors.
 */
export function boundsFromWeights(
  logW: ArrayLike<number>,
  k: number,
): { elbo: number; iwae: number; iwaeSe: number } {
  const groups = Math.floor(logW.length / k);
  let elbo = 0;
  for (let i = 0; i < groups * k; i++) elbo += logW[i]!;
  const estimates: number[] = [];
  for (let g = 0; g < groups; g++) {
    const group = Array.prototype.slice.call(logW, g * k, (g + 1) * k) as number[];
    estimates.push(logSumExp(group) - Math.log(k));
  }
  const iwae = estimates.reduce((t, e) => t + e, 0) / groups;
  const variance =
    groups > 1 ? estimates.reduce((t, e) => t + (e - iwae) ** 2, 0) / (groups - 1) : 0;
  return { elbo: elbo / (groups * k), iwae, iwaeSe: Math.sqrt(variance / groups) };
}
