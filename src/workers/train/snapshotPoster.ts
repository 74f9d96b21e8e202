import type { RunConfig } from '../../config/schema.ts';
import { takeSnapshot } from '../shared/modelFiles.ts';
import type { TrainingSession } from './session.ts';
import type { Post } from './protocol.ts';

/**
 * Weights go to the page at most this often while training (and at every pause): its way
 * back after a crash, and the latent mirror's weights (so the explorer lags at most ~1 s).
 */
const SNAPSHOT_MS = 1000;

/** Posts a run's weights to the page: rate-limited unless forced, never twice for one step. */
export class SnapshotPoster {
  private lastAt = -Infinity;
  private lastStep = -1;

  constructor(private readonly post: Post) {}

  /** A new run: its first snapshot goes whatever the step. */
  restart(): void {
    this.lastStep = -1;
  }

  /** Skipped if any weight is not finite (the page keeps the last good ones). */
  async send(session: TrainingSession | null, config: RunConfig, force: boolean): Promise<void> {
    if (!session || session.step === this.lastStep) return;
    if (!force && performance.now() - this.lastAt < SNAPSHOT_MS) return;
    const snapshot = await takeSnapshot(session.model.networks, session.step);
    if (!snapshot) return;
    this.lastAt = performance.now();
    this.lastStep = snapshot.step;
    // Images: a second copy, made here, that the page passes on to the mirror untouched.
    const { shape } = session.data;
    const forMirror =
      shape.kind === 'image'
        ? { ...snapshot, networks: snapshot.networks.map((n) => ({ ...n, data: n.data.slice(0) })) }
        : null;
    const buffers = [snapshot, forMirror].flatMap((s) => s?.networks.map((n) => n.data) ?? []);
    this.post({ type: 'snapshot', snapshot, config, shape, forMirror }, buffers);
  }
}
