import type { FromParityWorker, ParityResult, ParityRow } from './parityProtocol.ts';

// The page's side of the kernel parity check: a worker of its own for one batch of rows,
// ended when they are done.

export function checkKernelParity(rows: ParityRow[]): Promise<ParityResult[]> {
  const worker = new Worker(new URL('./parity.worker.ts', import.meta.url), { type: 'module' });
  const results: ParityResult[] = [];
  return new Promise<ParityResult[]>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromParityWorker>) => {
      const msg = e.data;
      if (msg.type === 'row') results.push(msg.result);
      else if (msg.type === 'done') resolve(results);
      else reject(new Error(msg.message));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the parity worker failed'));
    worker.postMessage({ type: 'run', rows });
  }).finally(() => worker.terminate());
}
