/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { LatentMirror } from './latentMirror.ts';
import type { FromMirror, ToMirror } from './latentMirrorProtocol.ts';
import { LatentQueries } from './latentQueries.ts';

// The latent mirror's worker, started by the page (mirrorClient.ts) once a run of images has
// weights. tfjs's CPU backend: one image is 2–30 ms here, and the training worker's GPU queue
// is never touched.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const mirror = new LatentMirror();
const queries = new LatentQueries(
  () => mirror.decoder(),
  (msg: FromMirror, transfer: Transferable[] = []) => scope.postMessage(msg, transfer),
);
const ready = tf.setBackend('cpu');

scope.onmessage = async (e: MessageEvent<ToMirror>) => {
  await ready;
  const msg = e.data;
  if (msg.type === 'weights') mirror.setWeights(msg.config, msg.shape, msg.snapshot);
  else queries.request(msg.id, msg.query);
};
