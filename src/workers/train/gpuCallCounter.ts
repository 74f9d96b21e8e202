import { bindGroupStats } from '../../kernels/bindGroupCache.ts';
import { uniformStats } from '../../kernels/uniformCache.ts';
import { webgpuBackendPrototype } from '../../kernels/tfjsInternals.ts';

// Bench instrumentation (`?faults=count-gpu`): counts the GPU work tfjs issues by wrapping
// GPUComputePassEncoder.prototype.dispatchWorkgroups and GPUQueue.prototype.submit in this
// worker, and times the JavaScript that issues it. Unlike time, a dispatch count is the same
// on every machine.
//
// The JavaScript times are sums of performance.now() intervals (in a worker that is not
// cross-origin isolated, coarsened to 100 µs with jitter, so a sum over thousands of calls
// is right on average): a training step's whole recording, and within it tfjs's per-dispatch
// work (runWebGPUProgram: shader key, uniforms, bind group, the encoder calls) and two of its
// parts, createBindGroup and the uniforms' queue.writeBuffer.

export interface GpuCalls {
  dispatches: number;
  submits: number;
  /** ms of JavaScript recording training steps (Session.trainStep, all of it). */
  stepJsMs: number;
  /** ms of it inside tfjs's runWebGPUProgram, one call per dispatch. */
  programJsMs: number;
  /** ms inside GPUDevice.createBindGroup and GPUQueue.writeBuffer (uniforms, uploads). */
  bindGroupJsMs: number;
  writeBufferJsMs: number;
  /** Bind groups asked of the cache, and how many it answered (bindGroupCache.ts's counts). */
  bindGroups: number;
  bindGroupsReused: number;
  /** Uniform bindings asked of the cache, and how many it answered (uniformCache.ts's counts). */
  uniforms: number;
  uniformsReused: number;
}

/** What the wrappers count; the bind groups and uniforms are the caches' own counts. */
type Counts = Omit<GpuCalls, 'bindGroups' | 'bindGroupsReused' | 'uniforms' | 'uniformsReused'>;

let counts: Counts | null = null;

/** Wraps proto[name] so that each call also runs `before` and adds its duration to `add`. */
function wrap(
  proto: object,
  name: string,
  add: ((ms: number) => void) | null,
  before?: () => void,
): void {
  const methods = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = methods[name]!;
  methods[name] = function (this: unknown, ...args: unknown[]) {
    before?.();
    if (!add) return original.apply(this, args);
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      add(performance.now() - t0);
    }
  };
}

/** Starts counting (once); a no-op where WebGPU is missing. */
export function countGpuCalls(): void {
  if (counts || typeof GPUComputePassEncoder === 'undefined' || typeof GPUQueue === 'undefined') {
    return;
  }
  const c: Counts = {
    dispatches: 0,
    submits: 0,
    stepJsMs: 0,
    programJsMs: 0,
    bindGroupJsMs: 0,
    writeBufferJsMs: 0,
  };
  counts = c;
  wrap(GPUComputePassEncoder.prototype, 'dispatchWorkgroups', null, () => c.dispatches++);
  wrap(GPUQueue.prototype, 'submit', null, () => c.submits++);
  wrap(GPUQueue.prototype, 'writeBuffer', (ms) => (c.writeBufferJsMs += ms));
  if (typeof GPUDevice !== 'undefined') {
    wrap(GPUDevice.prototype, 'createBindGroup', (ms) => (c.bindGroupJsMs += ms));
  }
  wrap(webgpuBackendPrototype(), 'runWebGPUProgram', (ms) => (c.programJsMs += ms));
}

/** Runs a training step, timing its JavaScript while counting. */
export function countedStep<T>(step: () => T): T {
  if (!counts) return step();
  const t0 = performance.now();
  try {
    return step();
  } finally {
    counts.stepJsMs += performance.now() - t0;
  }
}

/** The counts so far, or null when not counting. */
export function gpuCalls(): GpuCalls | null {
  if (!counts) return null;
  const groups = bindGroupStats();
  const uniforms = uniformStats();
  return {
    ...counts,
    bindGroups: groups.asked,
    bindGroupsReused: groups.reused,
    uniforms: uniforms.asked,
    uniformsReused: uniforms.reused,
  };
}
