// Bench instrumentation (`?faults=count-gpu`): counts the GPU work tfjs issues by wrapping
// GPUComputePassEncoder.prototype.dispatchWorkgroups and GPUQueue.prototype.submit in this
// worker. Unlike time, a dispatch count is the same on every machine.

export interface GpuCalls {
  dispatches: number;
  submits: number;
}

let counts: GpuCalls | null = null;

/** Starts counting (once); a no-op where WebGPU is missing. */
export function countGpuCalls(): void {
  if (counts || typeof GPUComputePassEncoder === 'undefined' || typeof GPUQueue === 'undefined') {
    return;
  }
  const c: GpuCalls = { dispatches: 0, submits: 0 };
  counts = c;
  const dispatch = GPUComputePassEncoder.prototype.dispatchWorkgroups;
  GPUComputePassEncoder.prototype.dispatchWorkgroups = function (
    this: GPUComputePassEncoder,
    ...args: Parameters<typeof dispatch>
  ) {
    c.dispatches++;
    return dispatch.apply(this, args);
  };
  const submit = GPUQueue.prototype.submit;
  GPUQueue.prototype.submit = function (this: GPUQueue, ...args: Parameters<typeof submit>) {
    c.submits++;
    return submit.apply(this, args);
  };
}

/** The counts so far, or null when not counting. */
export function gpuCalls(): GpuCalls | null {
  return counts ? { ...counts } : null;
}
