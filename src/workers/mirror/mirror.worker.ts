/// <reference lib="webworker" />
import { serve } from '../../bridge/endpoint.ts';
import { cpuTfjs } from '../../tf/cpu.ts';
import { LatentQueries, transferAnswer } from '../shared/latentQueries.ts';
import { LatentMirror } from './latentMirror.ts';
import type { MirrorProtocol } from './protocol.ts';

// The latent mirror's worker, started by the page (clients/mirrorClient.ts) once a run of
// images has weights. tfjs's CPU backend: one image is 2–30 ms here, and the training
// worker's GPU queue is never touched.

const mirror = new LatentMirror();
const queries = new LatentQueries(() => mirror.decoder());
const ready = cpuTfjs();

serve<MirrorProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  post: async ({ config, shape, snapshot }) => {
    await ready;
    mirror.setWeights(config, shape, snapshot);
  },
  request: async ({ query }) => {
    await ready;
    return transferAnswer(await queries.request(query));
  },
});
