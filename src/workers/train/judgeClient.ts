import { WorkerBridge } from '../../bridge/bridge.ts';
import type { Judge, JudgeProtocol } from '../judge/protocol.ts';
import type { DigitQuality } from '../messages.ts';

// The training worker's side of the judge's worker: requests in, promises out. A judge that
// failed stays failed: its requests reject, and the quality probe reports that.

export class WorkerJudge implements Judge {
  private failure: Error | null = null;
  private readonly bridge = new WorkerBridge<JudgeProtocol>({
    name: 'the judge worker',
    spawn: () =>
      new Worker(new URL('../judge/judge.worker.ts', import.meta.url), {
        type: 'module',
        name: 'digit-judge',
      }),
    onCrash: (e) => (this.failure = e),
  });

  constructor(classifierUrl: string) {
    this.bridge.post({ type: 'init', classifierUrl });
  }

  async setReal(images: Float32Array, count: number): Promise<void> {
    this.alive();
    const copy = new Float32Array(images); // moved to the judge: the caller keeps its array
    await this.bridge.request({ type: 'real', images: copy, count }, { transfer: [copy.buffer] });
  }

  async compare(images: Float32Array, count: number): Promise<DigitQuality> {
    this.alive();
    const copy = new Float32Array(images);
    return this.bridge.request(
      { type: 'compare', images: copy, count },
      { transfer: [copy.buffer] },
    );
  }

  dispose(): void {
    this.failure = new Error('the judge was stopped');
    this.bridge.terminate(this.failure.message);
  }

  private alive(): void {
    if (this.failure) throw this.failure;
  }
}
