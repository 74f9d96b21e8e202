import type { Protocol } from '../../bridge/protocol.ts';
import type { RunConfig } from '../../config/schema.ts';
import type { DataShape } from '../../models/types.ts';
import type { LatentAnswer, LatentQuery, WeightSnapshot } from '../messages.ts';

// Messages between the page and the latent mirror's worker (mirror.worker.ts). It answers
// latent queries exactly as the training worker does.

export interface MirrorProtocol extends Protocol {
  /** The run's weights at a step (forwarded from the training worker's snapshots). */
  post: { type: 'weights'; config: RunConfig; shape: DataShape; snapshot: WeightSnapshot };
  request: { type: 'latent'; query: LatentQuery };
  replies: { latent: LatentAnswer };
  event: never;
}
