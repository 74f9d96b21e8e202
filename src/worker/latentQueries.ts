import type { LatentDecoder } from './latentImages.ts';
import type { FromWorker, LatentQuery } from './protocol.ts';

// Latent queries (slider drags) arrive far faster than a busy device can answer them.
// At most one is answered at a time; while it runs, a newer query of the same kind (decode,
// grid, interpolate) replaces the waiting one, so each answer catches up with the newest
// request and none pile up, and a slider drag never starves the grid behind the pad. The
// slider's own image also goes first *inside* a many-image query: a decoder that works in
// slices (the CPU mirror) answers a waiting decode between two slices of a grid.

type Kind = LatentQuery['kind'];
type Post = (msg: Extract<FromWorker, { type: 'latent' }>, transfer?: Transferable[]) => void;
/** The order waiting kinds are answered in: the slider's own image first. */
const ORDER: readonly Kind[] = ['decode', 'grid', 'interpolate'];

export class LatentQueries {
  private readonly waiting = new Map<Kind, { id: number; query: LatentQuery }>();
  private busy = false;

  constructor(
    /** What decodes now; null before there is a model. May throw (the answer says why). */
    private readonly decoder: () => LatentDecoder | null,
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

  private take(kind: Kind): { id: number; query: LatentQuery } {
    const item = this.waiting.get(kind)!;
    this.waiting.delete(kind);
    return item;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      for (;;) {
        const kind = ORDER.find((k) => this.waiting.has(k));
        if (!kind) break;
        const { id, query } = this.take(kind);
        let decoder: LatentDecoder | null;
        try {
          decoder = this.decoder();
        } catch (e) {
          this.post({
            type: 'latent',
            id,
            kind,
            step: 0,
            image: null,
            error: (e as Error).message,
          });
          continue;
        }
        if (!decoder) {
          const error = 'the model is not ready yet';
          this.post({ type: 'latent', id, kind, step: 0, image: null, error });
          continue;
        }
        // Between slices of a grid or strip: the slider's newest code, if one waits.
        const between = async () => {
          await new Promise((r) => setTimeout(r, 0)); // lets new queries arrive
          if (this.waiting.has('decode')) await this.answer(decoder, this.take('decode'), 'decode');
        };
        await this.answer(decoder, { id, query }, kind, kind === 'decode' ? undefined : between);
      }
    } finally {
      this.busy = false;
      this.onIdle();
    }
  }

  private async answer(
    decoder: LatentDecoder,
    { id, query }: { id: number; query: LatentQuery },
    kind: Kind,
    between?: () => Promise<void>,
  ): Promise<void> {
    const step = decoder.step;
    try {
      const image = await decoder.decodeLatent(query, between);
      this.post({ type: 'latent', id, kind, step, image, error: null }, [image.data.buffer]);
    } catch (e) {
      this.post({ type: 'latent', id, kind, step, image: null, error: (e as Error).message });
    }
  }
}
