// Densities over a 2-D latent plane, on a res × res grid over [−extent, extent]² (row 0 at the
// top, z₁ = +extent), for compare mode's latent maps:
//   the prior            p(z) = N(0, I) = exp(−|z|²/2) / 2π
//   the VAE's aggregate posterior, the codes of N held-out inputs averaged,
//                         q(z) = (1/N) Σᵢ N(z; μᵢ, diag σᵢ²)
//   the autoencoder's codes as a histogram (a density: counts / (N · cell area)),
// and KL(q(z) ‖ p(z)) by Monte Carlo. A VAE's KL term pulls each q(z|x) towards p(z); whether
// their average q(z) matches p(z) is what decides if samples z ~ p(z) decode to real-looking
// digits, and this number says how far it is from that.

const LOG_2PI = Math.log(2 * Math.PI);

/** The centre of grid cell i along an axis (columns: z₀ left to right). */
const centre = (i: number, res: number, extent: number) => -extent + ((i + 0.5) * 2 * extent) / res;

/** N(0, I) on the grid. */
export function priorDensity(res: number, extent: number): Float32Array {
  const out = new Float32Array(res * res);
  for (let r = 0; r < res; r++) {
    const z1 = -centre(r, res, extent); // row 0 at the top
    for (let c = 0; c < res; c++) {
      const z0 = centre(c, res, extent);
      out[r * res + c] = Math.exp(-(z0 * z0 + z1 * z1) / 2) / (2 * Math.PI);
    }
  }
  return out;
}

/**
 * q(z) = (1/N) Σᵢ N(z; μᵢ, diag exp(logVarᵢ)) on the grid. `means` and `logVars` hold (z₀, z₁)
 * pairs. Each Gaussian is a product of two 1-D ones, so it is an outer product of two rows.
 */
export function mixtureDensity(
  means: Float32Array,
  logVars: Float32Array,
  res: number,
  extent: number,
): Float32Array {
  const n = means.length / 2;
  const out = new Float32Array(res * res);
  const across = new Float64Array(res);
  const down = new Float64Array(res);
  for (let i = 0; i < n; i++) {
    const sd0 = Math.exp(logVars[2 * i]! / 2);
    const sd1 = Math.exp(logVars[2 * i + 1]! / 2);
    for (let k = 0; k < res; k++) {
      const u = (centre(k, res, extent) - means[2 * i]!) / sd0;
      across[k] = Math.exp((-u * u) / 2) / (sd0 * Math.sqrt(2 * Math.PI));
      const v = (-centre(k, res, extent) - means[2 * i + 1]!) / sd1;
      down[k] = Math.exp((-v * v) / 2) / (sd1 * Math.sqrt(2 * Math.PI));
    }
    for (let r = 0; r < res; r++) {
      const d = down[r]! / n;
      if (d < 1e-12) continue;
      for (let c = 0; c < res; c++) out[r * res + c]! += d * across[c]!;
    }
  }
  return out;
}

/** Codes ((z₀, z₁) pairs) as a density on the grid; codes outside it are not counted. */
export function histogramDensity(codes: Float32Array, res: number, extent: number): Float32Array {
  const n = codes.length / 2;
  const out = new Float32Array(res * res);
  const cell = (2 * extent) / res;
  for (let i = 0; i < n; i++) {
    const c = Math.floor((codes[2 * i]! + extent) / cell);
    const r = Math.floor((extent - codes[2 * i + 1]!) / cell);
    if (c >= 0 && c < res && r >= 0 && r < res) out[r * res + c]! += 1 / (n * cell * cell);
  }
  return out;
}

/** The share of codes outside [−extent, extent]². */
export function shareOutside(codes: Float32Array, extent: number): number {
  let out = 0;
  for (let i = 0; i < codes.length; i += 2) {
    if (Math.abs(codes[i]!) > extent || Math.abs(codes[i + 1]!) > extent) out++;
  }
  return codes.length ? out / (codes.length / 2) : 0;
}

/** log q(z) for the mixture, by log-sum-exp over its components. */
export function logMixture(
  z0: number,
  z1: number,
  means: Float32Array,
  logVars: Float32Array,
): number {
  const n = means.length / 2;
  let max = -Infinity;
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lv0 = logVars[2 * i]!;
    const lv1 = logVars[2 * i + 1]!;
    const u = z0 - means[2 * i]!;
    const v = z1 - means[2 * i + 1]!;
    // log N(z; μ, diag σ²) = −log 2π − (lv₀ + lv₁)/2 − (u²/σ₀² + v²/σ₁²)/2
    const t = -LOG_2PI - (lv0 + lv1) / 2 - (u * u * Math.exp(-lv0) + v * v * Math.exp(-lv1)) / 2;
    terms[i] = t;
    if (t > max) max = t;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(terms[i]! - max);
  return max + Math.log(sum) - Math.log(n);
}

/**
 * KL(q(z) ‖ N(0, I)) = E_{z∼q}[log q(z) − log p(z)], estimated from `samples` draws of the
 * mixture (a component at random, then z = μᵢ + σᵢ·ε) taken from `rand` (a seeded stream).
 */
export function klToPrior(
  means: Float32Array,
  logVars: Float32Array,
  samples: number,
  rand: { uniform(): number; normal(): number },
): number {
  const n = means.length / 2;
  if (n === 0) return 0;
  let sum = 0;
  for (let s = 0; s < samples; s++) {
    const i = Math.min(n - 1, Math.floor(rand.uniform() * n));
    const z0 = means[2 * i]! + Math.exp(logVars[2 * i]! / 2) * rand.normal();
    const z1 = means[2 * i + 1]! + Math.exp(logVars[2 * i + 1]! / 2) * rand.normal();
    const logP = -LOG_2PI - (z0 * z0 + z1 * z1) / 2;
    sum += logMixture(z0, z1, means, logVars) - logP;
  }
  return sum / samples;
}
