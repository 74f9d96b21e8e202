import type { ModelId } from '../config/schema.ts';
import { createAutoencoder } from './autoencoder.ts';
import { createGan } from './gan.ts';
import type { ModelBuilder } from './types.ts';
import { createVae } from './vae.ts';

// The worker's side of the model catalog (src/config/models.ts): one builder per model id.
// Adding a model: its file here, a line below, and its entry in the catalog.
export const BUILDERS: Record<ModelId, ModelBuilder> = {
  vae: createVae,
  ae: createAutoencoder,
  gan: createGan,
  // The conditional models are the same builders, reading `conditional` from the catalog.
  cvae: createVae,
  cgan: createGan,
};
