import { WorkerClient } from '../worker/client.ts';
import type { RunStore } from './runStore.ts';

// What the page's buttons do: typed commands to the worker. The worker's replies flow back
// into the store; a crashed worker becomes a message on the page, never a blank one.

export class RunController {
  private readonly client: WorkerClient;

  constructor(
    private readonly store: RunStore,
    dataUrl: string,
  ) {
    this.client = new WorkerClient(
      (msg) => store.receive(msg),
      (message) =>
        store.update({
          phase: 'failed',
          running: false,
          progress: null,
          error: `The training worker crashed: ${message}`,
        }),
    );
    this.client.send({ type: 'init', config: store.getSnapshot().config, dataUrl });
  }

  start(): void {
    this.store.update({ error: null });
    this.client.send({ type: 'start' });
  }

  pause(): void {
    this.client.send({ type: 'pause' });
  }

  step(): void {
    this.store.update({ error: null });
    this.client.send({ type: 'step' });
  }

  reset(): void {
    this.client.send({ type: 'reset', config: this.store.getSnapshot().config });
  }
}
