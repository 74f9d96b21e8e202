// How many steps the training loop queues before it reads their losses back (one chunk): K
// adapts so that a chunk takes about CHUNK_MS, long enough to amortise the read-back, short
// enough that pause, reset and latent queries wait at most that long. Also the steps/s shown
// in the status line, smoothed over chunks.

export const CHUNK_MS = 250;
export const MAX_CHUNK = 64;

export class ChunkSizer {
  /** Steps in the next chunk. */
  size = 1;
  /** Steps per second, smoothed (0 before the first chunk). */
  stepsPerSec = 0;
  /** The most steps in a chunk: 1 for the benchmark's plain loop (a read-back every step). */
  limit = MAX_CHUNK;

  /** A new run starts again from one step per chunk. */
  restart(): void {
    this.size = 1;
    this.stepsPerSec = 0;
  }

  /** A chunk of `steps` steps took `ms`. */
  record(steps: number, ms: number): void {
    const rate = (steps * 1000) / Math.max(ms, 1);
    // Exponential smoothing, so the status line does not flicker: s ← 0.7·s + 0.3·rate.
    this.stepsPerSec = this.stepsPerSec ? 0.7 * this.stepsPerSec + 0.3 * rate : rate;
    // K ← steps · CHUNK_MS / ms: the chunk this fast would take CHUNK_MS, clamped to [1, limit].
    this.size = Math.max(1, Math.min(this.limit, Math.round((steps * CHUNK_MS) / ms) || 1));
  }
}
