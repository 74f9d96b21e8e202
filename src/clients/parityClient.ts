import { WorkerBridge } from '../bridge/bridge.ts';
import type { ParityProtocol, ParityResult, ParityRow } from '../workers/parity/protocol.ts';

// The page's side of the kernel parity check: a worker of its own for one batch of rows,
// ended when they are done.

export async function checkKernelParity(rows: ParityRow[]): Promise<ParityResult[]> {
  const bridge = new WorkerBridge<ParityProtocol>({
    name: 'the parity worker',
    spawn: () =>
      new Worker(new URL('../workers/parity/parity.worker.ts', import.meta.url), {
        type: 'module',
      }),
  });
  try {
    return await bridge.request({ type: 'run', rows });
  } finally {
    bridge.terminate();
  }
}
