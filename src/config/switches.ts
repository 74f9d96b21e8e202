// Test-only faults and benchmark modes: one switchboard that production code asks, set once
// per thread (the page from `?faults=` in its query, the training worker from its init
// message). Normal use has every switch off. The query, not the hash: a shared link never
// carries them. `?faults=1` turns on the test triggers alone; a list names the others too:
// `?faults=no-gpu,no-storage`.

export interface Switches {
  /** Tests may fault the worker on purpose (window.__faults: a lost device, a crash). */
  triggers: boolean;
  /** The worker sees no navigator.gpu (the no-WebGPU path). */
  noGpu: boolean;
  /** The worker sees no IndexedDB. */
  noStorage: boolean;
  /** Benchmark: count GPU dispatches and queue submits (status().gpuCalls). */
  countGpu: boolean;
  /** Benchmark: tfjs's own ops, one step per chunk, the loss read back every step. */
  plainLoop: boolean;
  /** Benchmark: the latent explorer asks the training worker, not the latent mirror. */
  noMirror: boolean;
  /** Benchmark: tfjs makes every dispatch's bind group and uniforms anew (no reuse caches). */
  noReuse: boolean;
  /** Benchmark: tfjs's own matMul and convolution kernels on a software adapter (loopKernels.ts). */
  tfjsKernels: boolean;
}

export const SWITCHES_OFF: Readonly<Switches> = Object.freeze({
  triggers: false,
  noGpu: false,
  noStorage: false,
  countGpu: false,
  plainLoop: false,
  noMirror: false,
  noReuse: false,
  tfjsKernels: false,
});

/** The names in `?faults=`, each with its switch. */
const NAMES: Readonly<Record<string, Exclude<keyof Switches, 'triggers'>>> = {
  'no-gpu': 'noGpu',
  'no-storage': 'noStorage',
  'count-gpu': 'countGpu',
  'plain-loop': 'plainLoop',
  'no-mirror': 'noMirror',
  'no-reuse': 'noReuse',
  'tfjs-kernels': 'tfjsKernels',
};

/** The switches a page query asks for: all off without `faults`; triggers on with it. */
export function parseSwitches(search: string): Switches {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('faults');
  } catch {
    value = null;
  }
  if (value === null) return { ...SWITCHES_OFF };
  const on: Switches = { ...SWITCHES_OFF, triggers: true };
  for (const name of value.split(',')) {
    const key = NAMES[name];
    if (key) on[key] = true;
  }
  return on;
}

let current: Readonly<Switches> = SWITCHES_OFF;

/** Sets this thread's switches, once, before anything asks. */
export function setSwitches(s: Switches): void {
  current = Object.freeze({ ...s });
}

/** This thread's switches. */
export const switches = (): Readonly<Switches> => current;
