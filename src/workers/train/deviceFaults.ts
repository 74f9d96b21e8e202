import * as tf from '../../tf/tfjs.ts';
import { switches } from '../../config/switches.ts';
import type { FromWorker } from './protocol.ts';
import { countGpuCalls } from './gpuCallCounter.ts';
import { reuseBindGroups } from '../../kernels/bindGroupCache.ts';
import { reuseUniforms } from '../../kernels/uniformCache.ts';
import { webgpuBackendPrototype } from '../../kernels/tfjsInternals.ts';

// The GPU device as something that can fail: watching for its loss, and the test-only faults
// that config/switches.ts turns on; and what is set up on it at start, per those switches.

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

/**
 * The switches that act at start: no WebGPU at all, no IndexedDB, counted GPU calls; and
 * bind groups and uniform buffers reused (bindGroupCache.ts, uniformCache.ts) but for the
 * benchmark's plain loop, which is stock tfjs, and its measure without them (`no-reuse`), set
 * at every start (the Node benchmark runs both in one thread); installed before the counter so
 * that the counts time the caches' calls too.
 */
export function applyStartSwitches(): void {
  const s = switches();
  if (s.noGpu) {
    Object.defineProperty(self.navigator, 'gpu', { value: undefined, configurable: true });
  }
  if (s.noStorage) {
    Object.defineProperty(self, 'indexedDB', { value: undefined, configurable: true });
  }
  const reuse = !s.plainLoop && !s.noReuse;
  reuseBindGroups(reuse);
  reuseUniforms(webgpuBackendPrototype(), reuse);
  if (s.countGpu) countGpuCalls();
}

/** Test-only triggers (only when switched on): destroy the GPU device, or throw uncaught. */
export function triggerFault(kind: 'lose-device' | 'crash'): void {
  if (!switches().triggers) return;
  if (kind === 'crash') {
    setTimeout(() => {
      throw new Error('a test-only crash of the training worker');
    });
    return;
  }
  webGpuDevice()?.destroy();
}
