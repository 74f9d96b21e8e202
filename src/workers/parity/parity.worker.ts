/// <reference lib="webworker" />
import { serve } from '../../bridge/endpoint.ts';
import { initBackend } from '../shared/backend.ts';
import { runParityRow } from './kernelParity.ts';
import type { ParityProtocol, ParityResult } from './protocol.ts';

// The kernel parity check's worker (see kernelParity.ts): WebGPU only, one row after another.
// Started by the page's test handle, never by the page itself.

serve<ParityProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  post: () => undefined,
  request: async ({ rows }) => {
    const backend = await initBackend('webgpu');
    if (backend.name !== 'webgpu') throw new Error(`WebGPU did not start: ${backend.name}`);
    const results: ParityResult[] = [];
    for (const row of rows) results.push(await runParityRow(row));
    return results;
  },
});
