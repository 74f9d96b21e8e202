import type { FromMirror, ToMirror } from './latentMirrorProtocol.ts';

// The page's side of the latent mirror (latent.worker.ts). The worker starts with the first
// weights; if it ever fails, `onCrash` tells the page to go back to asking the training worker.

export class MirrorClient {
  private worker: Worker | null = null;

  constructor(
    private readonly onMessage: (msg: FromMirror) => void,
    private readonly onCrash: (message: string) => void,
  ) {}

  send(msg: ToMirror, transfer: Transferable[] = []): void {
    this.worker ??= this.start();
    this.worker.postMessage(msg, transfer);
  }

  private start(): Worker {
    const worker = new Worker(new URL('./latent.worker.ts', import.meta.url), {
      type: 'module',
      name: 'latent-mirror',
    });
    worker.onmessage = (e: MessageEvent<FromMirror>) => this.onMessage(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.terminate();
      this.onCrash(e.message || 'the latent mirror failed');
    };
    return worker;
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
