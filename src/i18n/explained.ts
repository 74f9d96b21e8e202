import { MODELS } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { dataKind, POINT_SIGMA } from '../config/datasets.ts';
import { ganEquilibrium, type GanEquilibrium } from '../metrics/ganEquilibrium.ts';

// What "How it works" needs to know of a setup to speak of it truly: the config, what the data
// are (digits, colored shapes, the person's images, 2-D points), and the GAN's equilibrium.

export type DataWord = 'digits' | 'shapes' | 'upload' | 'points';

export interface Explained {
  c: RunConfig;
  data: DataWord;
  /** The article's networks are in use (images with arch=article). */
  article: boolean;
  /** The GAN's reference values (null for WGAN-GP and for other families). */
  equilibrium: GanEquilibrium | null;
  /** The chart's "total" is −ELBO only at β = 1 without warm-up. */
  elbo: boolean;
}

export function explained(c: RunConfig): Explained {
  const points = dataKind(c.data) === 'points';
  return {
    c,
    data: points
      ? 'points'
      : c.data === 'mnist'
        ? 'digits'
        : c.data === 'upload'
          ? 'upload'
          : 'shapes',
    article: !points && c.arch === 'article',
    equilibrium: MODELS[c.model].family === 'gan' ? ganEquilibrium(c.loss, c.smooth) : null,
    elbo: c.beta === 1 && c.warmup === 0,
  };
}

/** ln(2π·σ²) for the 2-D decoder: what its reconstruction loss leaves out (nats per point). */
export const POINT_NLL_CONSTANT = Math.log(2 * Math.PI * POINT_SIGMA ** 2);
