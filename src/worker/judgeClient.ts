import type { Judge } from './digitJudge.ts';
import type { FromJudge, ToJudge } from './judgeProtocol.ts';
import type { DigitQuality } from './protocol.ts';

// The training worker's side of the judge's worker: requests in, promises out.

export class WorkerJudge implements Judge {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (q: DigitQuality | null) => void; reject: (e: Error) => void }
  >();
  private failure: Error | null = null;

  constructor(classifierUrl: string) {
    this.worker = new Worker(new URL('./judge.worker.ts', import.meta.url), {
      type: 'module',
      name: 'digit-judge',
    });
    this.worker.onmessage = (e: MessageEvent<FromJudge>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) p?.resolve(reply.quality);
      else p?.reject(new Error(reply.message));
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(new Error(e.message || 'the judge worker failed'));
    };
    this.send({ type: 'init', classifierUrl });
  }

  setReal(images: Float32Array, count: number): Promise<void> {
    return this.request('real', images, count).then(() => undefined);
  }

  async compare(images: Float32Array, count: number): Promise<DigitQuality> {
    const quality = await this.request('compare', images, count);
    if (!quality) throw new Error('the judge gave no answer');
    return quality;
  }

  dispose(): void {
    this.fail(new Error('the judge was stopped'));
    this.worker.terminate();
  }

  private request(
    type: 'real' | 'compare',
    images: Float32Array,
    count: number,
  ): Promise<DigitQuality | null> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // A copy travels (and is transferred): the caller keeps its array.
    const copy = new Float32Array(images);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type, id, images: copy, count }, [copy.buffer]);
    });
  }

  private send(msg: ToJudge, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
