import * as tf from '@tensorflow/tfjs';
import type { FaultFlag, FromWorker } from './protocol.ts';
import { countGpuCalls } from './gpuCallCounter.ts';

// The GPU device as something that can fail: watching for its loss, and the test-only faults
// that `?faults=` enables (see src/state/faults.ts).

const webGpuDevice = (): GPUDevice | undefined =>
  tf.getBackend() === 'webgpu'
    ? (tf.backend() as unknown as { device?: GPUDevice }).device
    : undefined;

/** Reports a lost WebGPU device to the page, which starts a fresh worker from a snapshot. */
export function watchDevice(post: (msg: FromWorker) => void): void {
  void webGpuDevice()?.lost.then((info) =>
    post({
      type: 'deviceLost',
      message: info.message || `the device was ${info.reason ?? 'lost'}`,
    }),
  );
}

/** Test-only faults at start: no WebGPU at all, no IndexedDB. True when triggers are on. */
export function applyStartFaults(faults: FaultFlag[]): boolean {
  if (faults.includes('no-gpu')) {
    Object.defineProperty(self.navigator, 'gpu', { value: undefined, configurable: true });
  }
  if (faults.includes('no-storage')) {
    Object.defineProperty(self, 'indexedDB', { value: undefined, configurable: true });
  }
  if (faults.includes('count-gpu')) countGpuCalls();
  return faults.includes('triggers');
}

/** Test-only triggers: destroy the GPU device, or throw where nothing catches it. */
export function triggerFault(kind: 'lose-device' | 'crash'): void {
  if (kind === 'crash') {
    setTimeout(() => {
      throw new Error('a test-only crash of the training worker');
    });
    return;
  }
  webGpuDevice()?.destroy();
}
