import { defaultConfig, type FieldKey, type RunConfig } from './fields.ts';
import type { ModelId } from './schema.ts';

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
  | 'heldOutReconstruction';

export type Family = 'vae' | 'ae' | 'gan';

export interface ModelInfo {
  id: ModelId;
  family: Family;
  label: string;
  /** The fields a person can set for this model, in the order the controls show them. */
  params: readonly FieldKey[];
  metrics: readonly MetricName[];
  /** Measured on held-out data every `every` steps (with the pictures). */
  evaluations: readonly MetricName[];
  /** Defaults that differ from the field table's for this model. */
  defaults: Partial<RunConfig>;
}

const NETWORK: readonly FieldKey[] = ['arch', 'latent', 'hidden', 'layers', 'act'];
const TRAINING: readonly FieldKey[] = ['batch', 'opt', 'lr', 'b1', 'b2', 'seed'];

export const MODELS: Record<ModelId, ModelInfo> = {
  vae: {
    id: 'vae',
    family: 'vae',
    label: 'Variational autoencoder',
    params: [...NETWORK, 'recon', 'beta', 'warmup', ...TRAINING],
    metrics: ['reconstruction', 'kl', 'total'],
    evaluations: ['heldOutTotal'],
    defaults: {},
  },
  ae: {
    id: 'ae',
    family: 'ae',
    label: 'Autoencoder',
    params: [...NETWORK, 'recon', ...TRAINING],
    metrics: ['reconstruction'],
    evaluations: ['heldOutReconstruction'],
    defaults: {},
  },
  gan: {
    id: 'gan',
    family: 'gan',
    label: 'GAN',
    params: [
      ...NETWORK,
      'loss',
      'dsteps',
      'smooth',
      'gp',
      'bn',
      'batch',
      'opt',
      'lr',
      'dlr',
      'b1',
      'b2',
      'seed',
    ],
    metrics: ['dLoss', 'gLoss', 'dReal', 'dFake'],
    evaluations: [],
    // The seed's (and DCGAN's) choice: Adam, 2e-4 for both networks, β1 = 0.5.
    defaults: { lr: 2e-4, b1: 0.5, latent: 16 },
  },
};

/** Defaults for a model: the table's, overridden by the model's own. */
export function defaultsFor(model: ModelId): RunConfig {
  return { ...defaultConfig(), model, ...MODELS[model].defaults };
}

/** Fields that can change while a run trains, without a reset. */
export const LIVE_FIELDS: ReadonlySet<FieldKey> = new Set(['lr', 'dlr', 'every', 'steps']);
