// Latent codes for the explorer, as plain arrays (no tfjs): a grid over two dimensions, and
// paths between two codes. The worker decodes them.

/**
 * side × side codes: `base` with dimensions dims[0] (across) and dims[1] (down) swept over
 * [−range, range]. Row-major, first row at +range on dims[1] so "up" is up on the page.
 */
export function gridCodes(
  base: readonly number[],
  dims: readonly [number, number],
  range: number,
  side: number,
): Float32Array {
  const d = base.length;
  const out = new Float32Array(side * side * d);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const at = (r * side + c) * d;
      out.set(base, at);
      const t = (i: number) => (side === 1 ? 0 : -range + (2 * range * i) / (side - 1));
      out[at + dims[0]] = t(c);
      out[at + dims[1]] = -t(r);
    }
  }
  return out;
}

/**
 * `steps` codes from a to b (both ends included).
 *   linear:    z(t) = (1 − t)·a + t·b
 *   spherical: z(t) = sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b,  cos Ω = â·b̂
 * Spherical interpolation keeps the norm near that of typical N(0, I) draws, where the straight
 * line between two codes passes through the low-norm middle the prior rarely visits.
 */
export function interpolateCodes(
  a: readonly number[],
  b: readonly number[],
  steps: number,
  mode: 'linear' | 'spherical',
): Float32Array {
  const d = a.length;
  const out = new Float32Array(steps * d);
  const norm = (v: readonly number[]) => Math.hypot(...v);
  const cos = a.reduce((s, ai, i) => s + ai * b[i]!, 0) / (norm(a) * norm(b) || 1);
  const omega = Math.acos(Math.min(1, Math.max(-1, cos)));
  // Nearly parallel codes: slerp's weights are 0/0, and the line is the same path.
  const spherical = mode === 'spherical' && Math.sin(omega) > 1e-6;
  for (let s = 0; s < steps; s++) {
    const t = steps === 1 ? 0 : s / (steps - 1);
    const wa = spherical ? Math.sin((1 - t) * omega) / Math.sin(omega) : 1 - t;
    const wb = spherical ? Math.sin(t * omega) / Math.sin(omega) : t;
    for (let i = 0; i < d; i++) out[s * d + i] = wa * a[i]! + wb * b[i]!;
  }
  return out;
}
