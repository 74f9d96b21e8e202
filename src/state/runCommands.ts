import type { RunStore } from './runStore.ts';
import type { TrainerConnection } from './trainerConnection.ts';

/**
 * Start, Pause, Step and Reset of one run: the page's single run (RunController) and each
 * column of compare mode. A Start or Step clears the last error; a Reset is noted in the store
 * first, so pictures of the old run are not taken for the new one's.
 */
export class RunCommands {
  constructor(
    private readonly store: RunStore,
    private readonly worker: TrainerConnection,
  ) {}

  start(): void {
    this.store.update({ error: null, errorKind: null });
    this.worker.post({ type: 'start' });
  }

  pause(): void {
    this.worker.post({ type: 'pause' });
  }

  /** One step; `part`: a GAN's D alone or G alone. */
  step(part?: 'd' | 'g'): void {
    this.store.update({ error: null });
    this.worker.post(part ? { type: 'step', part } : { type: 'step' });
  }

  reset(): void {
    this.store.resetAsked();
    this.worker.post({ type: 'reset', config: this.store.getSnapshot().config });
  }
}
