import type { LatentAnswer, LatentQuery } from '../workers/messages.ts';

type Kind = LatentQuery['kind'];

/**
 * The page's half of latent-query coalescing: at most one query of each kind in flight; while
 * one is, the newest request waits in its place (older ones are dropped) and goes out when the
 * answer lands, or the request fails (its worker died: the next goes wherever `send` sends
 * now). So dragging a slider sends as fast as the worker answers, never faster. Each query is
 * numbered; `onAnswer` gets the number with the answer, so an older answer is never shown
 * over a newer one.
 */
export class LatentRequester {
  private readonly inFlight = new Set<Kind>();
  private readonly pending = new Map<Kind, LatentQuery>();
  private lastId = 0;

  constructor(
    private readonly send: (query: LatentQuery) => Promise<LatentAnswer>,
    private readonly onAnswer: (id: number, answer: LatentAnswer) => void,
  ) {}

  request(query: LatentQuery): void {
    const kind = query.kind;
    if (this.inFlight.has(kind)) {
      this.pending.set(kind, query);
      return;
    }
    this.inFlight.add(kind);
    const id = ++this.lastId;
    this.send(query)
      .then(
        (answer) => this.onAnswer(id, answer),
        () => undefined, // replaced, or its worker died: the next query goes on regardless
      )
      .finally(() => {
        this.inFlight.delete(kind);
        const next = this.pending.get(kind);
        if (next) {
          this.pending.delete(kind);
          this.request(next);
        }
      });
  }

  /** Queries in flight (for tests). */
  get busy(): number {
    return this.inFlight.size;
  }
}
