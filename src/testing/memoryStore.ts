import type * as tf from '../tf/tfjs.ts';
import type { ArtifactStore } from '../workers/train/checkpoints.ts';

/** An in-memory stand-in for IndexedDB; `failAfter` makes the n-th save on throw (quota). */
export class MemoryStore implements ArtifactStore {
  readonly items = new Map<string, tf.io.ModelArtifacts>();
  saves = 0;
  constructor(public failAfter = Infinity) {}

  async save(path: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
    if (++this.saves > this.failAfter) throw new Error('QuotaExceededError: the disk is full');
    this.items.set(path, structuredClone(artifacts));
  }
  async load(path: string): Promise<tf.io.ModelArtifacts> {
    const a = this.items.get(path);
    if (!a) throw new Error(`nothing at ${path}`);
    return structuredClone(a);
  }
  async list(): Promise<string[]> {
    return [...this.items.keys()];
  }
  async remove(path: string): Promise<void> {
    this.items.delete(path);
  }
}
