import { Cancelled, Transfer } from '../../bridge/protocol.ts';
import type { LatentDecoder } from './latentImages.ts';
import type { LatentAnswer, LatentQuery } from '../messages.ts';

// Latent queries (slider drags) arrive far faster than a busy device can answer them.
// At most one is answered at a time; while it runs, a newer query of the same kind (decode,
// grid, interpolate) replaces the waiting one (whose promise rejects with Cancelled), so each
// answer catches up with the newest request and none pile up, and a slider drag never starves
// the grid behind the pad. The slider's own image also goes first *inside* a many-image query:
// a decoder that works in slices (the CPU mirror) answers a waiting decode between two slices
// of a grid.

type Kind = LatentQuery['kind'];
/** The order waiting kinds are answered in: the slider's own image first. */
const ORDER: readonly Kind[] = ['decode', 'classes', 'grid', 'interpolate'];

interface Waiting {
  query: LatentQuery;
  resolve: (answer: LatentAnswer) => void;
  reject: (e: Error) => void;
}

export class LatentQueries {
  private readonly waiting = new Map<Kind, Waiting>();
  private busy = false;

  constructor(
    /** What decodes now; null before there is a model. May throw (the answer says why). */
    private readonly decoder: () => LatentDecoder | null,
    /** Called when the last waiting query has been answered. */
    private readonly onIdle: () => void = () => undefined,
  ) {}

  /** The answer: an image, or why there is none. Rejects only when a newer query replaced it. */
  request(query: LatentQuery): Promise<LatentAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting.get(query.kind)?.reject(new Cancelled('replaced by a newer query'));
      this.waiting.set(query.kind, { query, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private take(kind: Kind): Waiting {
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
        const item = this.take(kind);
        let decoder: LatentDecoder | null;
        try {
          decoder = this.decoder();
        } catch (e) {
          item.resolve({ kind, step: 0, image: null, error: (e as Error).message });
          continue;
        }
        if (!decoder) {
          item.resolve({ kind, step: 0, image: null, error: 'the model is not ready yet' });
          continue;
        }
        // Between slices of a grid or strip: the slider's newest code, if one waits.
        const between = async () => {
          await new Promise((r) => setTimeout(r, 0)); // lets new queries arrive
          if (this.waiting.has('decode')) await this.answer(decoder, this.take('decode'));
        };
        await this.answer(decoder, item, kind === 'decode' ? undefined : between);
      }
    } finally {
      this.busy = false;
      this.onIdle();
    }
  }

  private async answer(
    decoder: LatentDecoder,
    { query, resolve }: Waiting,
    between?: () => Promise<void>,
  ): Promise<void> {
    const step = decoder.step;
    try {
      const image = await decoder.decodeLatent(query, between);
      resolve({ kind: query.kind, step, image, error: null });
    } catch (e) {
      resolve({ kind: query.kind, step, image: null, error: (e as Error).message });
    }
  }
}

/** An answer as a worker sends it: its image's pixels moved, not copied. */
export const transferAnswer = (a: LatentAnswer): Transfer<LatentAnswer> =>
  new Transfer(a, a.image ? [a.image.data.buffer] : []);
