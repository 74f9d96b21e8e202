import type { Post } from './trainer.ts';
import type { LatentQuery } from './protocol.ts';
import type { TrainingSession } from './session.ts';

// Latent queries (slider drags) arrive far faster than a GPU on a busy page can answer them.
// At most one is answered at a time; while it runs, a newer query replaces any waiting one, so
// the answer always catches up with the newest position and none pile up. They run alongside
// the training loop: their ops enter the device queue between its chunks.

export class LatentQueries {
  private waiting: { id: number; query: LatentQuery } | null = null;
  private busy = false;

  constructor(
    private readonly session: () => TrainingSession | null,
    private readonly post: Post,
  ) {}

  request(id: number, query: LatentQuery): void {
    this.waiting = { id, query };
    if (!this.busy) void this.drain();
  }

  /** Resolves once nothing is waiting or running (for tests). */
  async idle(): Promise<void> {
    while (this.busy || this.waiting) await new Promise((r) => setTimeout(r, 1));
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting) {
        const { id, query } = this.waiting;
        this.waiting = null;
        const session = this.session();
        if (!session) {
          this.post({
            type: 'latent',
            id,
            step: 0,
            image: null,
            error: 'the model is not ready yet',
          });
          continue;
        }
        const step = session.step;
        try {
          const image = await session.decodeLatent(query);
          this.post({ type: 'latent', id, step, image, error: null }, [image.data.buffer]);
        } catch (e) {
          this.post({ type: 'latent', id, step, image: null, error: (e as Error).message });
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
