import type { DiracLoss, DiracSetup } from '../config/dirac.ts';

// The Dirac GAN (Mescheder, Geiger & Nowozin, "Which training methods for GANs do actually
// converge?", 2018): the whole GAN game in two numbers. The data is a single point at x = 0;
// the generator G outputs one point θ; the discriminator is linear, with logit D(x) = ψ·x.
// The one equilibrium is θ = 0 (G on the data), ψ = 0 (D cannot tell). Near it the gradient
// field is a rotation, so plain gradient steps circle it instead of reaching it: simultaneous
// steps spiral outwards, alternating steps orbit, a gradient penalty on D spirals inwards.
//
// With f(t) = log σ(t) (f'(t) = σ(−t)), D maximises   V(θ, ψ) = f(ψ·0) + f(−ψθ)
//   (E[log D(x)] + E[log(1 − D(G(z)))], the minimax value), and
//   minimax:        G minimises V:            θ ← θ − η_G ∂V/∂θ = θ + η_G ψ σ(ψθ)
//   non-saturating: G maximises f(ψθ):        θ ← θ + η_G ψ σ(−ψθ)
//   WGAN:           V = ψ·0 − ψθ (a critic):  θ ← θ + η_G ψ,  ψ ← ψ − η_D θ
//   D:              ψ ← ψ + η_D ∂V/∂ψ − η_D γ ψ,  ∂V/∂ψ = −θ σ(ψθ)
// where γψ is the gradient of the penalty (γ/2)·‖∇ₓD(x)‖² = (γ/2)ψ² on real data (R1).

/** Where the trajectories start (Mescheder et al.'s figures start at (1, 1)). */
export const DIRAC_START: readonly [number, number] = [1, 1];

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** G's step direction at (θ, ψ): −∂L_G/∂θ for the setup's loss. */
function gDirection(loss: DiracLoss, theta: number, psi: number): number {
  switch (loss) {
    case 'minimax':
      return psi * sigmoid(psi * theta);
    case 'nonsaturating':
      return psi * sigmoid(-psi * theta);
    case 'wgan':
      return psi;
  }
}

/** D's step direction at (θ, ψ): ∂V/∂ψ − γψ. */
function dDirection(s: DiracSetup, theta: number, psi: number): number {
  const value = s.loss === 'wgan' ? -theta : -theta * sigmoid(psi * theta);
  return value - s.gamma * psi;
}

/** The field of one simultaneous step, (Δθ, Δψ) per unit learning rate, at (θ, ψ). */
export function diracField(s: DiracSetup, theta: number, psi: number): [number, number] {
  return [gDirection(s.loss, theta, psi), s.ratio * dDirection(s, theta, psi)];
}

/**
 * `steps` training steps from `start`: (θ, ψ) after each, the start first, as pairs.
 * Simultaneous: both move from the same point. Alternating: D steps first, then G from D's new ψ.
 */
export function diracTrajectory(
  s: DiracSetup,
  steps: number,
  start: readonly [number, number] = DIRAC_START,
): Float64Array {
  const out = new Float64Array(2 * (steps + 1));
  let [theta, psi] = start;
  out[0] = theta;
  out[1] = psi;
  const etaD = s.lr * s.ratio;
  for (let k = 1; k <= steps; k++) {
    if (s.update === 'simultaneous') {
      const dTheta = s.lr * gDirection(s.loss, theta, psi);
      psi += etaD * dDirection(s, theta, psi);
      theta += dTheta;
    } else {
      psi += etaD * dDirection(s, theta, psi);
      theta += s.lr * gDirection(s.loss, theta, psi);
    }
    out[2 * k] = theta;
    out[2 * k + 1] = psi;
  }
  return out;
}

/** What a trajectory did: how far from the equilibrium at the start and the end, and how many
 *  times it went around it (the angle swept, in turns). */
export function diracSummary(path: Float64Array): { r0: number; r1: number; turns: number } {
  const n = path.length / 2;
  let swept = 0;
  for (let k = 1; k < n; k++) {
    const a = Math.atan2(path[2 * k - 1]!, path[2 * k - 2]!);
    const b = Math.atan2(path[2 * k + 1]!, path[2 * k]!);
    let d = b - a;
    if (d > Math.PI) d -= 2 * Math.PI;
    if (d < -Math.PI) d += 2 * Math.PI;
    swept += d;
  }
  const r = (k: number) => Math.hypot(path[2 * k]!, path[2 * k + 1]!);
  return { r0: r(0), r1: r(n - 1), turns: Math.abs(swept) / (2 * Math.PI) };
}
