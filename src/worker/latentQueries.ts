import type { Post } from './trainer.ts';
import type { LatentQuery } from './protocol.ts';
import type { TrainingSession } from './session.ts';

// Latent queries (slider drags) arrive far faster than a GPU on a busy page can answer them.
// At most one is answered at a time; while it runs, a newer query of the same kind (decode,
// grid, interpolate) replaces the waiting one, so each answer catches up with the newest
// request and none pile up, and a slider drag never starves the grid behind the pad. They run
// alongside the training loop: their ops enter the device queue between its chunks.

type Kind = LatentQuery['kind'];
/** The order waiting kinds are answered in: the slider's own image first. */
const ORDER: readonly Kind[] = ['decode', 'grid', 'interpolate'];

export class LatentQueries {
  private readonly waiting = new Map<Kind, { id: number; query: LatentQuery }>();
  private busy = false;

  constructor(
    private readonly session: () => TrainingSession | null,
    private readonly post: Post,
    /** Called when the last waiting query has been answered. */
    private readonly onIdle: () => void = () => undefined,
  ) {}

  request(id: number, query: LatentQuery): void {
    this.waiting.set(query.kind, { id, query });
    if (!this.busy) void this.drain();
  }

  /** Resolves once nothing is waiting or running (for tests). */
  async idle(): Promise<void> {
    while (this.busy || this.waiting.size) await new Promise((r) => setTimeout(r, 1));
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      for (;;) {
        const kind = ORDER.find((k) => this.waiting.has(k));
        if (!kind) break;
        const { id, query } = this.waiting.get(kind)!;
        this.waiting.delete(kind);
        const session = this.session();
        if (!session) {
          this.post({
            type: 'latent',
            id,
            kind,
            step: 0,
            image: null,
            error: 'the model is not ready yet',
          });
          continue;
        }
        const step = session.step;
        try {
          const image = await session.decodeLatent(query);
          this.post({ type: 'latent', id, kind, step, image, error: null }, [image.data.buffer]);
        } catch (e) {
          this.post({ type: 'latent', id, kind, step, image: null, error: (e as Error).message });
        }
      }
    } finally {
      this.busy = false;
      this.onIdle();
    }
  }
}
