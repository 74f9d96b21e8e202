import type { FromWorker, ToWorker } from './protocol.ts';

// The page's side of the worker: starts it and sends typed commands. It never imports tfjs:
// Vite bundles the worker (and tfjs with it) into its own chunk.

export class WorkerClient {
  private readonly worker: Worker;

  constructor(onMessage: (msg: FromWorker) => void, onCrash: (message: string) => void) {
    this.worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'trainer',
    });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      onCrash(e.message || 'the training worker failed to start');
    };
    this.worker.onmessageerror = () => onCrash('a message from the worker could not be read');
  }

  send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
