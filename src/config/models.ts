import { defaultConfig, type FieldKey, type RunConfig } from './fields.ts';
import type { ModelId } from './schema.ts';
import { dataKind } from './datasets.ts';

// The catalog of models, as the page sees it: no tfjs here. Each entry says which fields of the
// table it uses (the controls are built from that), which metrics it reports, and the defaults
// it changes. The worker's builders live in src/models/registry.ts, one per id (the compiler
// checks that both lists match).

export type MetricName =
  | 'reconstruction'
  | 'kl'
  | 'total'
  | 'dLoss'
  | 'gLoss'
  | 'dReal'
  | 'dFake'
  /** The VAE's −ELBO (β = 1) on held-out digits. */
  | 'heldOutTotal'
  /** The autoencoder's reconstruction loss on held-out digits. */
  | 'heldOutReconstruction'
  /** 2-D data: held-out vs generated points (data/metrics2d.ts). */
  | 'jsDivergence'
  | 'klDivergence'
  | 'slicedWasserstein'
  /**
   * GANs on 2-D data: the D loss the best D would have against G now, 2 ln 2 − 2·JS(p_data ‖ p_g)
   * (the value −log 4 + 2·JSD of the game, as a loss), from the measured JS.
   */
  | 'optimalDLoss'
  /** MNIST: Fréchet digit distance, generated vs held-out digits (worker/digitJudge.ts). */
  | 'frechet';

export type Family = 'vae' | 'ae' | 'gan';

export interface ModelInfo {
  id: ModelId;
  family: Family;
  /** The fields a person can set for this model, in the order the controls show them. */
  params: readonly FieldKey[];
  metrics: readonly MetricName[];
  /** Measured on held-out data every `every` steps (with the pictures). */
  evaluations: readonly MetricName[];
  /** Defaults that differ from the field table's for this model. */
  defaults: Partial<RunConfig>;
  /**
   * Class-conditional (the article's conditional probability): p(x|y) for MNIST's digit
   * classes y, the class one-hot beside the encoder's x, the decoder's and G's z, and D's x.
   * Dense networks only; it needs labelled data (MNIST).
   */
  conditional?: boolean;
}

// The order is the Training panel's: a select with a long option takes a whole row of its
// two-column grid (FieldControl), so the others come in pairs after it.
const NETWORK: readonly FieldKey[] = ['arch', 'latent', 'hidden', 'layers', 'act'];
const TRAINING: readonly FieldKey[] = ['opt', 'batch', 'lr', 'b1', 'b2', 'seed'];

const BASE: Record<'vae' | 'ae' | 'gan', ModelInfo> = {
  vae: {
    id: 'vae',
    family: 'vae',
    params: [...NETWORK, 'recon', 'beta', 'warmup', ...TRAINING],
    metrics: ['reconstruction', 'kl', 'total'],
    evaluations: ['heldOutReconstruction', 'heldOutTotal'],
    defaults: {},
  },
  ae: {
    id: 'ae',
    family: 'ae',
    params: [...NETWORK, 'recon', ...TRAINING],
    metrics: ['reconstruction'],
    evaluations: ['heldOutReconstruction'],
    defaults: {},
  },
  gan: {
    id: 'gan',
    family: 'gan',
    params: [
      ...NETWORK,
      'loss',
      'dsteps',
      'smooth',
      'gp',
      'bn',
      'opt',
      'lr',
      'dlr',
      'b1',
      'b2',
      'batch',
      'seed',
    ],
    metrics: ['dLoss', 'gLoss', 'dReal', 'dFake'],
    evaluations: [],
    // The article's build_gan (and DCGAN's) choice: Adam, 2e-4 for both networks, β1 = 0.5.
    defaults: { lr: 2e-4, b1: 0.5, latent: 16 },
  },
};

/** A model's class-conditional version: its fields but the architecture's (dense only). */
const conditionalOf = (base: ModelInfo, id: ModelId): ModelInfo => ({
  ...base,
  id,
  params: base.params.filter((k) => k !== 'arch' && k !== 'bn'),
  conditional: true,
});

export const MODELS: Record<ModelId, ModelInfo> = {
  ...BASE,
  cvae: conditionalOf(BASE.vae, 'cvae'),
  cgan: conditionalOf(BASE.gan, 'cgan'),
};

/**
 * Defaults for 2-D data, per family. Points are cheap and GAN Lab-sized networks learn them
 * well: with the image defaults (one layer of 256) a GAN on the ring was still a diffuse cloud
 * after 1,500 steps; with two layers of 128 it draws the ring. The GANs keep the article's
 * learning rate, 2e-4: at 1e-3 they were jumpy (sampled every 125 steps up to 1,000, the
 * drawing's sliced Wasserstein distance never fell below its step-0 value, 0.59; at 2e-4 it
 * ended at 0.18, and WGAN-GP on the spiral at 0.07 instead of 0.19). WGAN-GP's λ is Gulrajani et
 * al.'s for their toy data, 0.1: at λ = 10 only 2% of the ring's samples were near a mode after
 * 1,000 G steps.
 */
const POINT_DEFAULTS: Record<Family, Partial<RunConfig>> = {
  gan: { latent: 2, hidden: 128, layers: 2, gp: 0.1 },
  vae: { hidden: 128, layers: 2, lr: 3e-3 },
  ae: { hidden: 128, layers: 2, lr: 3e-3 },
};

/** Defaults for a model on a data set: the table's, the model's own, then 2-D data's. */
export function defaultsFor(model: ModelId, data: RunConfig['data'] = 'mnist'): RunConfig {
  const family = MODELS[model].family;
  const points = dataKind(data) === 'points' ? POINT_DEFAULTS[family] : {};
  return { ...defaultConfig(), model, ...MODELS[model].defaults, ...points, data };
}

/**
 * The chart's lines shown by default: at most three a model, the ones a learner reads first
 * (the others are one click away). A GAN's two losses and, on 2-D data, how far its points are
 * from the data; D(G(z)) on images, the score G is trained to raise. A VAE's −ELBO, its KL and,
 * on images, the held-out −ELBO (on 2-D data, the JS divergence of its samples instead).
 */
export function mainLines(family: Family, points: boolean): readonly MetricName[] {
  switch (family) {
    case 'gan':
      return ['dLoss', 'gLoss', points ? 'jsDivergence' : 'dFake'];
    case 'vae':
      return ['total', 'kl', points ? 'jsDivergence' : 'heldOutTotal'];
    case 'ae':
      return [
        'reconstruction',
        'heldOutReconstruction',
        ...(points ? ['jsDivergence' as const] : []),
      ];
  }
}

/** Fields that can change while a run trains, without a reset. */
export const LIVE_FIELDS: ReadonlySet<FieldKey> = new Set([
  'lr',
  'dlr',
  // The VAE's KL weight: moving it mid-run moves the run along the rate–distortion plane.
  'beta',
  'every',
  'quality',
  'steps',
]);

/**
 * A config moved to another data set: the fields the person left at the old data's defaults
 * take the new data's (2-D data has its own network sizes and learning rates); the fields
 * they changed keep their values.
 */
export function withDataSet(old: RunConfig, data: RunConfig['data']): RunConfig {
  const before = defaultsFor(old.model, old.data);
  const after = defaultsFor(old.model, data);
  const out: Record<string, unknown> = { ...old, data };
  for (const k of Object.keys(after) as FieldKey[]) {
    if (k !== 'data' && old[k] === before[k]) out[k] = after[k];
  }
  return out as RunConfig;
}
