import type { RunConfig } from '../config/schema.ts';
import type { DataShape } from '../models/types.ts';
import type { FromWorker, LatentQuery, WeightSnapshot } from './protocol.ts';

// Messages between the page and the latent mirror's worker (latent.worker.ts).

export type ToMirror =
  /** The run's weights at a step (forwarded from the training worker's snapshots). */
  | { type: 'weights'; config: RunConfig; shape: DataShape; snapshot: WeightSnapshot }
  | { type: 'latent'; id: number; query: LatentQuery };

/** The mirror answers exactly as the training worker does. */
export type FromMirror = Extract<FromWorker, { type: 'latent' }>;
