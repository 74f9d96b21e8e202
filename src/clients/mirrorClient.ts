import { WorkerBridge } from '../bridge/bridge.ts';
import type { WorkerFailed } from '../bridge/protocol.ts';
import type { MirrorProtocol } from '../workers/mirror/protocol.ts';

// The page's side of the latent mirror (workers/mirror). The worker starts with the first
// weights; if it ever fails, `onCrash` tells the page to go back to asking the training worker.

export type LatentMirrorWorker = WorkerBridge<MirrorProtocol>;

export function startLatentMirror(onCrash: (e: WorkerFailed) => void): LatentMirrorWorker {
  return new WorkerBridge<MirrorProtocol>({
    name: 'the latent mirror',
    spawn: () =>
      new Worker(new URL('../workers/mirror/mirror.worker.ts', import.meta.url), {
        type: 'module',
        name: 'latent-mirror',
      }),
    onCrash,
  });
}
