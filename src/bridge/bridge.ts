import {
  Cancelled,
  WorkerFailed,
  type FromEndpoint,
  type Protocol,
  type ReplyTo,
  type ToEndpoint,
} from './protocol.ts';

// The one way to talk to a worker: posts, requests answered by id (a failure in the worker is
// a rejection here), cancellation through an AbortSignal, and the worker's own events. A
// worker that fails (an uncaught error, a message that cannot be read) rejects every request
// in flight and is reported once through `onCrash`. A worker that failed or was terminated
// stays down (its owner starts a new bridge, with whatever setup it needs) unless the bridge
// is `restartable`: then the next message starts a fresh one.

/** What a bridge needs of a worker: the browser's Worker, or a test's stand-in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  terminate(): void;
}

export interface BridgeOptions<P extends Protocol> {
  /** Starts the worker, at the first message. */
  spawn: () => WorkerLike;
  /** A message after a failure or terminate starts a fresh worker (else it is refused). */
  restartable?: boolean;
  /** What the worker is, for messages: "the training worker". */
  name: string;
  /** The worker's events; handle them with an exhaustive switch. */
  onEvent?: (msg: P['event']) => void;
  /** The worker failed; requests in flight have been rejected with WorkerFailed. */
  onCrash?: (error: WorkerFailed) => void;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (e: Error) => void;
  done: () => void;
}

export class WorkerBridge<P extends Protocol> {
  private worker: WorkerLike | null = null;
  /** Why the worker is down for good (not restartable), or null. */
  private down: WorkerFailed | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: BridgeOptions<P>) {}

  /** A command: no answer. */
  post(msg: P['post'], transfer: Transferable[] = []): void {
    if (!this.down) this.send({ kind: 'post', msg }, transfer);
  }

  /** A request: resolves with the worker's answer, rejects with its error or a cancellation. */
  request<R extends P['request']>(
    msg: R,
    { transfer = [], signal }: { transfer?: Transferable[]; signal?: AbortSignal } = {},
  ): Promise<ReplyTo<P, R>> {
    if (this.down) return Promise.reject(this.down);
    if (signal?.aborted) return Promise.reject(new Cancelled());
    const id = this.nextId++;
    return new Promise<ReplyTo<P, R>>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        if (this.worker) this.worker.postMessage({ kind: 'cancel', id }, []);
        reject(new Cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (value: never) => void,
        reject,
        done: () => signal?.removeEventListener('abort', onAbort),
      });
      this.send({ kind: 'request', id, msg }, transfer);
    });
  }

  /** Ends the worker; requests in flight reject with `reason`. */
  terminate(reason = `${this.options.name} was stopped`): void {
    this.worker?.terminate();
    this.worker = null;
    const error = new WorkerFailed(reason);
    this.stayDown(error);
    this.settleAll(error);
  }

  /** Requests waiting for an answer (for tests). */
  get inFlight(): number {
    return this.pending.size;
  }

  private send(envelope: ToEndpoint<P>, transfer: Transferable[]): void {
    this.worker ??= this.start();
    this.worker.postMessage(envelope, transfer);
  }

  private start(): WorkerLike {
    const worker = this.options.spawn();
    worker.onmessage = (e: MessageEvent<FromEndpoint<P>>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(worker, e.message || `${this.options.name} failed`);
    };
    worker.onmessageerror = () =>
      this.fail(worker, `a message from ${this.options.name} could not be read`);
    return worker;
  }

  private receive(envelope: FromEndpoint<P>): void {
    if (envelope.kind === 'event') {
      this.options.onEvent?.(envelope.msg);
      return;
    }
    const p = this.pending.get(envelope.id);
    if (!p) return; // cancelled meanwhile
    this.pending.delete(envelope.id);
    p.done();
    if (envelope.ok) p.resolve(envelope.value as never);
    else
      p.reject(envelope.cancelled ? new Cancelled(envelope.message) : new Error(envelope.message));
  }

  private fail(worker: WorkerLike, message: string): void {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    const error = new WorkerFailed(message);
    this.stayDown(error);
    this.settleAll(error);
    this.options.onCrash?.(error);
  }

  private stayDown(error: WorkerFailed): void {
    if (!this.options.restartable) this.down = error;
  }

  private settleAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      p.done();
      p.reject(error);
    }
  }
}
