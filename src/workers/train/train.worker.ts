/// <reference lib="webworker" />
import { messageOf, serve } from '../../bridge/endpoint.ts';
import { assertNever } from '../../bridge/protocol.ts';
import { transferAnswer } from '../shared/latentQueries.ts';
import type { FromWorker, ToWorker, TrainProtocol } from './protocol.ts';
import { Trainer } from './trainer.ts';
import { errorMessage } from './errorMessage.ts';

// The worker's entry: one exhaustive switch over the protocol. Commands run one after another
// (a promise queue), except that the training loop itself runs in the background so that
// pause and reset are handled between its chunks, and latent queries skip the queue.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const endpoint = serve<TrainProtocol>(scope, {
  post: (msg) => enqueue(msg),
  // Latent queries skip the command queue: they must not wait behind a reset or a pause.
  request: async ({ query }) => transferAnswer(await trainer.latent.request(query)),
});
const post = (msg: FromWorker, transfer: Transferable[] = []) => endpoint.emit(msg, transfer);
const trainer = new Trainer(post);

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      return trainer.init(msg.config, msg.dataUrl, msg.switches, msg.codeMap);
    case 'start':
      return trainer.start();
    case 'pause':
      return trainer.pause();
    case 'step':
      return trainer.singleStep(msg.part ?? null);
    case 'update':
      return trainer.update(msg.config);
    case 'reset':
      return trainer.reset(msg.config);
    case 'drawn':
      return trainer.setDrawn(msg.points);
    case 'upload':
      return trainer.setUpload({ size: msg.size, count: msg.count, pixels: msg.pixels });
    case 'models':
      return trainer.keeper.models(msg);
    case 'export':
      return trainer.keeper.exportModel(msg.hash);
    case 'import':
      return trainer.keeper.importFiles(msg.files);
    case 'restoreSnapshot':
      return trainer.restoreSnapshot(msg.snapshot);
    case 'fault':
      return trainer.fault(msg.kind);
    case 'posterior':
      return trainer.setPosterior(msg.target);
    case 'flow':
      return trainer.setFlow(msg.open);
    case 'painted':
      return trainer.pacer.painted(msg.ticket);
    default:
      return assertNever(msg);
  }
}

let queue: Promise<void> = Promise.resolve();
function enqueue(msg: ToWorker): void {
  // So do the test-only faults skip it (a lost device must strike mid-run, not after it), and
  // the page's "painted" (the training loop waits for it, and a pause in the queue waits for
  // the loop).
  if (msg.type === 'fault' || msg.type === 'painted') {
    void handle(msg);
    return;
  }
  queue = queue
    .then(() => handle(msg))
    .catch((err: unknown) => post(errorMessage(err, msg.type === 'init')));
}

scope.addEventListener('unhandledrejection', (e) => {
  post({ type: 'error', message: messageOf(e.reason), fatal: false });
});
