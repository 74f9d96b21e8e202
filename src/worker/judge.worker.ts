/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { DigitJudge, LocalJudge } from './digitJudge.ts';
import type { FromJudge, ToJudge } from './judgeProtocol.ts';

// The digit judge's own worker, started by the training worker (judgeClient.ts). The classifier
// is small (about 0.2 GFLOP for 1,000 digits), so it runs on tfjs's CPU backend, on another
// core than training, and never competes with training for the GPU. Requests are handled one
// at a time, in order.

const scope = self as unknown as DedicatedWorkerGlobalScope;
let judge: LocalJudge | null = null;
let queue: Promise<void> = Promise.resolve();

async function handle(msg: ToJudge): Promise<void> {
  if (msg.type === 'init') {
    await tf.setBackend('cpu');
    judge = new LocalJudge(DigitJudge.load(msg.classifierUrl));
    return;
  }
  let reply: FromJudge;
  try {
    if (!judge) throw new Error('the judge was not started');
    if (msg.type === 'real') {
      await judge.setReal(msg.images, msg.count);
      reply = { id: msg.id, ok: true, quality: null };
    } else {
      reply = { id: msg.id, ok: true, quality: await judge.compare(msg.images, msg.count) };
    }
  } catch (e) {
    reply = { id: msg.id, ok: false, message: (e as Error).message };
  }
  scope.postMessage(reply);
}

scope.onmessage = (e: MessageEvent<ToJudge>) => {
  queue = queue.then(() => handle(e.data));
};
