// What travels between a page-side bridge (bridge.ts) and a worker's endpoint (endpoint.ts).
// Every worker's protocol says which messages are fire-and-forget posts, which are requests
// and what each answers, and what the worker sends of its own accord (events).

/** A worker's protocol, as the bridge types it. */
export interface Protocol {
  /** Commands that get no answer. */
  post: { type: string };
  /** Requests: each gets exactly one answer, or a rejection. */
  request: { type: string };
  /** What each request answers, by its `type`. */
  replies: { [type: string]: unknown };
  /** What the worker sends unasked (progress, training metrics). */
  event: unknown;
}

/** The answer to a request message R. */
export type ReplyTo<P extends Protocol, R extends P['request']> = P['replies'][R['type']];

export type ToEndpoint<P extends Protocol> =
  | { kind: 'post'; msg: P['post'] }
  | { kind: 'request'; id: number; msg: P['request'] }
  /** The page no longer wants this request's answer: the worker may stop working on it. */
  | { kind: 'cancel'; id: number };

export type FromEndpoint<P extends Protocol> =
  | { kind: 'event'; msg: P['event'] }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; message: string; cancelled: boolean };

/** A request's answer that never comes: the worker failed, or was stopped. */
export class WorkerFailed extends Error {}

/** A request cancelled by its caller (its AbortSignal), or replaced by a newer one. */
export class Cancelled extends Error {
  constructor(message = 'cancelled') {
    super(message);
  }
}

/** A value sent with some of its buffers moved, not copied (postMessage's transfer list). */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: Transferable[],
  ) {}
}

/** For exhaustive switches over messages: a compile error when a case is missing. */
export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
