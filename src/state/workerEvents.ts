import type { FromWorker } from '../workers/train/protocol.ts';
import { afterPaint } from './afterPaint.ts';
import type { LatentRouter } from './latentRouter.ts';
import type { TrainerConnection } from './trainerConnection.ts';

/**
 * What a page-side run does with its training worker's messages besides storing them, the
 * same for the single run and for each column of compare mode: answer the paint ticket, keep
 * the newest weights (and pass them to the latent mirror once painted), follow a new run, and
 * go on in a fresh worker when the GPU device is lost.
 */
export function followWorker(
  msg: FromWorker,
  worker: TrainerConnection,
  explorer: LatentRouter,
): void {
  switch (msg.type) {
    case 'images':
      return explorer.picturesArrived();
    case 'status':
      return worker.statusArrived(msg.paintTicket);
    case 'snapshot': {
      worker.snapshotArrived(msg.snapshot);
      // The mirror decodes the explorer's images with these weights on the CPU: once this
      // chunk is painted, so that the page's redraw does not compete with it.
      const run = worker.run;
      afterPaint(() => {
        if (run === worker.run) explorer.snapshot(msg); // no new run since
      });
      return;
    }
    case 'reset':
      worker.runBegan(msg.keepUpTo);
      return explorer.newRun();
    case 'deviceLost':
      // The worker's tensors died with the device: a fresh worker (a fresh device, or the
      // next backend) goes on from the snapshot, training if it was.
      return worker.restart(true);
    default:
      return;
  }
}
