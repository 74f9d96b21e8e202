import { describe, expect, it } from 'vitest';
import { countGpuCalls, gpuCalls } from './gpuCallCounter.ts';

// Node has no WebGPU: stand-in classes with the two methods the counter wraps.
class FakePass {
  dispatched: number[] = [];
  dispatchWorkgroups(x: number) {
    this.dispatched.push(x);
  }
}
class FakeQueue {
  submitted = 0;
  submit() {
    this.submitted++;
  }
}

describe('GPU call counter (bench instrumentation)', () => {
  it('counts nothing and reports null until started, then counts each call and still makes it', () => {
    expect(gpuCalls()).toBeNull();
    const g = globalThis as Record<string, unknown>;
    g.GPUComputePassEncoder = FakePass;
    g.GPUQueue = FakeQueue;
    try {
      countGpuCalls();
      countGpuCalls(); // a second start does not wrap twice
      const pass = new FakePass();
      const queue = new FakeQueue();
      pass.dispatchWorkgroups(4);
      pass.dispatchWorkgroups(8);
      queue.submit();
      expect(pass.dispatched).toEqual([4, 8]);
      expect(queue.submitted).toBe(1);
      expect(gpuCalls()).toEqual({ dispatches: 2, submits: 1 });
    } finally {
      delete g.GPUComputePassEncoder;
      delete g.GPUQueue;
    }
  });
});
