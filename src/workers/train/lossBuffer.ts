import * as tf from '../../tf/tfjs.ts';

// Losses stay on the device between read-backs: each step pushes its small loss vector, and
// one `await data()` every K steps reads them all at once (no per-step sync, no dataSync).

export class LossBuffer {
  private pending: tf.Tensor1D[] = [];

  push(t: tf.Tensor1D): void {
    this.pending.push(t);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Reads back every pending row as one row-major Float32Array and frees the tensors. */
  async flush(): Promise<Float32Array<ArrayBuffer>> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return new Float32Array(0);
    const stacked = tf.stack(rows);
    tf.dispose(rows);
    try {
      return (await stacked.data()) as Float32Array<ArrayBuffer>;
    } finally {
      stacked.dispose();
    }
  }

  dispose(): void {
    tf.dispose(this.pending);
    this.pending = [];
  }
}
