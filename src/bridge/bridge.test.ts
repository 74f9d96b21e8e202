import { describe, expect, it } from 'vitest';
import { WorkerBridge, type WorkerLike } from './bridge.ts';
import { serve, type Endpoint, type ScopeLike } from './endpoint.ts';
import { Cancelled, Transfer, WorkerFailed } from './protocol.ts';

// A worker stand-in: the two ends of a MessageChannel, the endpoint on one of them.

interface Echo {
  post: { type: 'note'; text: string };
  request:
    | { type: 'double'; n: number }
    | { type: 'fail' }
    | { type: 'wait' }
    | { type: 'bytes'; size: number };
  replies: { double: number; fail: never; wait: string; bytes: Uint8Array<ArrayBuffer> };
  event: { type: 'noted'; text: string };
}

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  readonly page: MessagePort;
  /** What the worker saw cancelled. */
  readonly aborted: string[] = [];

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.page = port1;
    port1.onmessage = (e) => this.onmessage?.(e);
    const endpoint: Endpoint<Echo> = serve<Echo>(port2 as unknown as ScopeLike, {
      post: (msg) => endpoint.emit({ type: 'noted', text: msg.text }),
      request: async (msg, signal) => {
        switch (msg.type) {
          case 'double':
            return msg.n * 2;
          case 'fail':
            throw new Error('no such thing');
          case 'wait':
            return new Promise((_, reject) =>
              signal.addEventListener('abort', () => {
                this.aborted.push('wait');
                reject(new Cancelled());
              }),
            );
          case 'bytes': {
            const bytes = new Uint8Array(msg.size).fill(7);
            return new Transfer(bytes, [bytes.buffer]);
          }
        }
      },
    });
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    this.page.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    this.page.close();
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function bridge(restartable = false) {
  const workers: FakeWorker[] = [];
  const events: string[] = [];
  const crashes: string[] = [];
  const b = new WorkerBridge<Echo>({
    name: 'the echo worker',
    restartable,
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    onEvent: (msg) => events.push(msg.text),
    onCrash: (e) => crashes.push(e.message),
  });
  return { b, workers, events, crashes };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('WorkerBridge', () => {
  it('answers requests by id, in any order, and passes events on', async () => {
    const { b, workers, events } = bridge();
    expect(workers).toHaveLength(0); // started by the first message
    const answers = await Promise.all([1, 2, 3].map((n) => b.request({ type: 'double', n })));
    expect(answers).toEqual([2, 4, 6]);
    b.post({ type: 'note', text: 'hello' });
    await tick();
    expect(events).toEqual(['hello']);
    expect(workers).toHaveLength(1);
    expect(b.inFlight).toBe(0);
  });

  it("rejects with the worker's error and keeps going", async () => {
    const { b } = bridge();
    await expect(b.request({ type: 'fail' })).rejects.toThrow('no such thing');
    await expect(b.request({ type: 'double', n: 5 })).resolves.toBe(10);
  });

  it('moves transferred buffers in answers', async () => {
    const { b } = bridge();
    const bytes = await b.request({ type: 'bytes', size: 16 });
    expect(Array.from(bytes)).toEqual(new Array(16).fill(7));
  });

  it('cancels: the caller rejects at once and the worker is told', async () => {
    const { b, workers } = bridge();
    const ac = new AbortController();
    const waiting = b.request({ type: 'wait' }, { signal: ac.signal });
    await tick();
    ac.abort();
    await expect(waiting).rejects.toBeInstanceOf(Cancelled);
    await tick();
    expect(workers[0]!.aborted).toEqual(['wait']);
    expect(b.inFlight).toBe(0);
    const already = new AbortController();
    already.abort();
    await expect(b.request({ type: 'double', n: 1 }, { signal: already.signal })).rejects.toThrow(
      Cancelled,
    );
  });

  it('a crash rejects every request in flight, is reported once, and a fresh worker follows', async () => {
    const { b, workers, crashes } = bridge(true);
    const a = b.request({ type: 'wait' });
    const c = b.request({ type: 'wait' });
    await tick();
    workers[0]!.crash('out of memory');
    await expect(a).rejects.toBeInstanceOf(WorkerFailed);
    await expect(c).rejects.toThrow('out of memory');
    expect(crashes).toEqual(['out of memory']);
    expect(workers[0]!.terminated).toBe(true);
    await expect(b.request({ type: 'double', n: 4 })).resolves.toBe(8);
    expect(workers).toHaveLength(2);
  });

  it('terminate rejects what waits, without a crash report', async () => {
    const { b, crashes } = bridge(true);
    const a = b.request({ type: 'wait' });
    b.terminate('replaced');
    await expect(a).rejects.toThrow('replaced');
    expect(crashes).toEqual([]);
  });

  it('a worker that is not restartable stays down: requests reject, posts start nothing', async () => {
    const { b, workers, events } = bridge();
    await b.request({ type: 'double', n: 1 });
    workers[0]!.crash('gone');
    await expect(b.request({ type: 'double', n: 2 })).rejects.toThrow('gone');
    b.post({ type: 'note', text: 'lost' });
    await tick();
    expect(workers).toHaveLength(1);
    expect(events).toEqual([]);
  });
});
