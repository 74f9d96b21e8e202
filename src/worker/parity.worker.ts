/// <reference lib="webworker" />
import { initBackend } from './backend.ts';
import { runParityRow } from './kernelParity.ts';
import type { FromParityWorker, ToParityWorker } from './parityProtocol.ts';

// The kernel parity check's worker (see kernelParity.ts): WebGPU only, one row after another,
// each result posted as it comes. Started by the page's test handle, never by the page itself.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromParityWorker) => scope.postMessage(msg);

scope.onmessage = async (e: MessageEvent<ToParityWorker>) => {
  try {
    const backend = await initBackend('webgpu');
    if (backend.name !== 'webgpu') throw new Error(`WebGPU did not start: ${backend.name}`);
    for (const row of e.data.rows) post({ type: 'row', result: await runParityRow(row) });
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
};
