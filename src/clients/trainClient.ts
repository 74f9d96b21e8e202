import { WorkerBridge } from '../bridge/bridge.ts';
import type { WorkerFailed } from '../bridge/protocol.ts';
import type { FromWorker, TrainProtocol } from '../workers/train/protocol.ts';

// The page's side of the training worker. It never imports tfjs: Vite bundles the worker (and
// tfjs with it) into its own chunk. A worker that crashed stays down; the page starts a new
// one (state/trainerConnection.ts).

export type TrainingWorker = WorkerBridge<TrainProtocol>;

export function startTrainingWorker(
  onEvent: (msg: FromWorker) => void,
  onCrash: (e: WorkerFailed) => void,
): TrainingWorker {
  return new WorkerBridge<TrainProtocol>({
    name: 'the training worker',
    spawn: () =>
      new Worker(new URL('../workers/train/train.worker.ts', import.meta.url), {
        type: 'module',
        name: 'trainer',
      }),
    onEvent,
    onCrash,
  });
}
