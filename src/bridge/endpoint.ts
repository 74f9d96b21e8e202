import {
  Cancelled,
  Transfer,
  type FromEndpoint,
  type Protocol,
  type ToEndpoint,
} from './protocol.ts';

// A worker's side of the bridge (bridge.ts). Posts go to `post`; each request goes to
// `request` with an AbortSignal that fires when the page cancels it, and its result (or the
// message of what it threw) goes back as the answer. `emit` sends events.

/** What an endpoint needs of the worker's global scope (or a test's MessagePort). */
export interface ScopeLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

export interface EndpointHandlers<P extends Protocol> {
  post(msg: P['post']): void | Promise<void>;
  /** The answer, or a Transfer of it to move its buffers. */
  request(msg: P['request'], signal: AbortSignal): Promise<unknown> | unknown;
}

export interface Endpoint<P extends Protocol> {
  emit(msg: P['event'], transfer?: Transferable[]): void;
}

export function serve<P extends Protocol>(
  scope: ScopeLike,
  handlers: EndpointHandlers<P>,
): Endpoint<P> {
  const reply = (msg: FromEndpoint<P>, transfer: Transferable[] = []) =>
    scope.postMessage(msg, transfer);
  const running = new Map<number, AbortController>();

  async function answer(id: number, msg: P['request']): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const result = await handlers.request(msg, controller.signal);
      if (result instanceof Transfer) {
        reply({ kind: 'reply', id, ok: true, value: result.value }, result.list);
      } else reply({ kind: 'reply', id, ok: true, value: result });
    } catch (e) {
      const cancelled = e instanceof Cancelled || controller.signal.aborted;
      reply({ kind: 'reply', id, ok: false, message: messageOf(e), cancelled });
    } finally {
      running.delete(id);
    }
  }

  scope.onmessage = (e: MessageEvent<ToEndpoint<P>>) => {
    const envelope = e.data;
    if (envelope.kind === 'post') void handlers.post(envelope.msg);
    else if (envelope.kind === 'request') void answer(envelope.id, envelope.msg);
    else running.get(envelope.id)?.abort();
  };

  return { emit: (msg, transfer = []) => reply({ kind: 'event', msg }, transfer) };
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
