import { describe, expect, it } from 'vitest';
import { countedStep, countGpuCalls, gpuCalls } from './gpuCallCounter.ts';

// Node has no WebGPU: stand-in classes with the methods the counter wraps.
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
  writeBuffer() {
    busy(3);
  }
}
/** Keeps the CPU busy for `ms`. */
function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('GPU call counter (bench instrumentation)', () => {
  it('counts nothing and reports null until started, then counts each call and still makes it', () => {
    expect(gpuCalls()).toBeNull();
    expect(countedStep(() => 7)).toBe(7); // not counting: just the step
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
      expect(gpuCalls()).toMatchObject({ dispatches: 2, submits: 1, stepJsMs: 0 });
      // A step's JavaScript is timed, and the writes inside it on their own.
      expect(countedStep(() => (queue.writeBuffer(), busy(2), 'row'))).toBe('row');
      const { stepJsMs, writeBufferJsMs, programJsMs } = gpuCalls()!;
      expect(writeBufferJsMs).toBeGreaterThanOrEqual(3);
      expect(stepJsMs).toBeGreaterThanOrEqual(5);
      expect(stepJsMs).toBeLessThan(500);
      expect(programJsMs).toBe(0);
    } finally {
      delete g.GPUComputePassEncoder;
      delete g.GPUQueue;
    }
  });
});
