import type { RunConfig } from '../../config/schema.ts';
import { BUILDERS } from '../../models/registry.ts';
import type { DataShape, GenerativeModel } from '../../models/types.ts';
import { decodeLatentQuery, type LatentDecoder } from '../shared/latentImages.ts';
import { loadNetworks, snapshotArtifacts } from '../shared/modelFiles.ts';
import type { LatentQuery, RgbaImage, WeightSnapshot } from '../messages.ts';

// A copy of the run's networks, loaded from the weight snapshots the training worker posts
// about once a second, that answers latent queries off the training thread and off its
// device. On the software GPU a query queued behind training waits for the chunk in flight
// (~0.25–1 s); the mirror answers from the CPU in milliseconds, with weights at most a
// snapshot old (each answer says which step decoded it).

/** A grid or strip is decoded in slices of about this long; a slider's query goes between. */
const SLICE_MS = 25;

interface Loaded {
  key: string;
  model: GenerativeModel;
  shape: DataShape;
  step: number;
}

export class LatentMirror {
  private loaded: Loaded | null = null;
  /** The newest weights, applied when the next query starts (never in the middle of one). */
  private pending: { config: RunConfig; shape: DataShape; snapshot: WeightSnapshot } | null = null;

  /** Keeps the weights for the next query; only the newest is ever loaded. */
  setWeights(config: RunConfig, shape: DataShape, snapshot: WeightSnapshot): void {
    this.pending = { config, shape, snapshot };
  }

  /** The decoder for the next query: null before any weights came; throws if they don't fit. */
  decoder(): LatentDecoder | null {
    const next = this.pending;
    this.pending = null;
    if (next) this.load(next.config, next.shape, next.snapshot);
    const loaded = this.loaded;
    if (!loaded) return null;
    return {
      step: loaded.step,
      decodeLatent: (query: LatentQuery, between?: () => Promise<void>): Promise<RgbaImage> =>
        decodeLatentQuery(
          loaded.model,
          loaded.shape,
          query,
          between ? { sliceMs: SLICE_MS, between } : null,
        ),
    };
  }

  private load(config: RunConfig, shape: DataShape, snapshot: WeightSnapshot): void {
    // The same setup keeps its networks; another (a new model, data shape or size) rebuilds.
    const key = JSON.stringify([config, shape]);
    if (this.loaded?.key !== key) {
      this.dispose();
      this.loaded = { key, model: BUILDERS[config.model](config, shape), shape, step: 0 };
    }
    loadNetworks(this.loaded.model.networks, snapshotArtifacts(snapshot));
    this.loaded.step = snapshot.step;
  }

  dispose(): void {
    this.loaded?.model.dispose();
    this.loaded = null;
  }
}
