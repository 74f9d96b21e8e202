import type { RunConfig } from '../config/schema.ts';

// Where a GAN's curves sit at the game's equilibrium, p_g = p_data, with D at its best for that
// G: the reference lines of the loss chart. With one-sided label smoothing s (real target
// t = 1 − s) the best D is D*(x) = t·p_data / (p_data + p_g) for the cross-entropy losses
// (maximise t·log D + (1 − t)·log(1 − D) on real data plus log(1 − D) on generated data) and
// for LSGAN alike, so at p_g = p_data, D* = t/2 everywhere: ½ without smoothing.

export interface GanEquilibrium {
  /** D(x) = D(G(z)) there (a probability, or LSGAN's score). */
  d: number;
  dLoss: number;
  gLoss: number;
}

/** The equilibrium's values, as the chart reports them; null for WGAN-GP (scores have no level). */
export function ganEquilibrium(loss: RunConfig['loss'], smooth: number): GanEquilibrium | null {
  const t = 1 - smooth;
  const d = t / 2;
  switch (loss) {
    case 'nonsaturating':
    case 'minimax': {
      // D loss: −[t·log D + (1 − t)·log(1 − D)] on real, −log(1 − D) on generated (2 ln 2 at s = 0)
      const dLoss = -(t * Math.log(d) + (1 - t) * Math.log(1 - d)) - Math.log(1 - d);
      // G: −log D(G(z)) (ln 2), or the minimax E[log(1 − D(G(z)))] (−ln 2)
      const gLoss = loss === 'nonsaturating' ? -Math.log(d) : Math.log(1 - d);
      return { d, dLoss, gLoss };
    }
    case 'lsgan':
      // D: ½(D − t)² + ½D², G: ½(D − 1)²; at D = t/2: t²/4 and ½(1 − t/2)² (¼ and ⅛ at s = 0)
      return { d, dLoss: (t * t) / 4, gLoss: 0.5 * (1 - d) ** 2 };
    case 'wgangp':
      return null;
  }
}
