import type { LatentQuery } from '../worker/protocol.ts';

type Kind = LatentQuery['kind'];

/**
 * The page's half of latent-query coalescing: at most one query of each kind in flight; while
 * one is, the newest request waits in its place (older ones are dropped) and goes out when the
 * answer lands. So dragging a slider sends as fast as the worker answers, never faster.
 */
export class LatentRequester {
  private readonly inFlight = new Map<Kind, number>();
  private readonly pending = new Map<Kind, LatentQuery>();

  /** `send` posts a query and returns its id. */
  constructor(private readonly send: (query: LatentQuery) => number) {}

  request(query: LatentQuery): void {
    if (this.inFlight.has(query.kind)) {
      this.pending.set(query.kind, query);
      return;
    }
    this.inFlight.set(query.kind, this.send(query));
  }

  /** An answer arrived: the next waiting query of its kind, if any, goes out. */
  answered(kind: Kind, id: number): void {
    if (this.inFlight.get(kind) !== id) return;
    this.inFlight.delete(kind);
    const next = this.pending.get(kind);
    if (next) {
      this.pending.delete(kind);
      this.request(next);
    }
  }

  /** Forgets queries in flight whose answers will never come (their worker died). */
  abandon(): void {
    this.inFlight.clear();
    this.pending.clear();
  }

  /** Queries in flight (for tests). */
  get busy(): number {
    return this.inFlight.size;
  }
}
