import * as tf from '../../tf/tfjs.ts';
// The three backends. WebGPU registers only where navigator.gpu exists (its base.js).
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import {
  BACKEND_LABEL,
  BACKENDS,
  type BackendChoice,
  type BackendName,
} from '../../config/schema.ts';
import type { BackendInfo } from '../messages.ts';
import { fastestOf, measureBackends, probesHere, type ProbeSetup } from './backendProbe.ts';
import {
  indexedDbProbeMemory,
  oneProbeAtATime,
  probeKey,
  type ProbeMemory,
  type ProbeResult,
} from './probeMemory.ts';
import { switches } from '../../config/switches.ts';
import { useLoopKernels } from '../../kernels/loopKernels.ts';

// Chooses tfjs's backend in the order WebGPU → WebGL → CPU (or starting from the one the link
// forces) and says why each skipped backend was skipped.

class Unavailable extends Error {}

interface WebGpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

async function probeWebGpu(): Promise<{ adapter: string; isFallbackAdapter: boolean | null }> {
  const gpu = (self.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) throw new Unavailable('this browser has no WebGPU (navigator.gpu is missing)');
  // tfjs's own factory reads adapter.features without checking for null: check first.
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new Unavailable(
      'no WebGPU adapter (requestAdapter() returned null: WebGPU is disabled or unsupported here)',
    );
  }
  const info: WebGpuAdapterInfo = adapter.info ?? {};
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean })
    .isFallbackAdapter;
  const isFallbackAdapter = info.isFallbackAdapter ?? legacyFallback ?? null;
  const parts = [info.vendor, info.architecture, info.device, info.description].filter(
    (s): s is string => !!s,
  );
  const name = parts.length ? [...new Set(parts)].join(' / ') : 'unknown adapter';
  return {
    adapter: isFallbackAdapter ? `${name} (software fallback adapter)` : name,
    isFallbackAdapter,
  };
}

function webglRenderer(): string {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
    const gl = backend.gpgpu?.gl;
    if (!gl) return 'WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : null;
    return `${gl.getParameter(gl.VERSION) as string}${renderer ? ` / ${renderer as string}` : ''}`;
  } catch {
    return 'WebGL';
  }
}

async function tryBackend(
  name: BackendName,
): Promise<Omit<BackendInfo, 'fallbackReason' | 'forced' | 'autoChoice'>> {
  let probed: { adapter: string; isFallbackAdapter: boolean | null } | null = null;
  if (name === 'webgpu') probed = await probeWebGpu();
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined') {
    throw new Unavailable('OffscreenCanvas is missing, so WebGL cannot run in a worker');
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new Unavailable(`tfjs could not start it (${(e as Error).message})`);
  }
  if (!ok) throw new Unavailable('tfjs could not start it (see the console for details)');
  await tf.ready();
  if (name === 'webgpu') {
    // No GPU to use: matMul and convolutions as loops, which compile in a fraction of the time.
    // The benchmark's plain loop keeps tfjs's kernels, as a tfjs program would run them.
    const { plainLoop, tfjsKernels } = switches();
    if (probed!.isFallbackAdapter && !plainLoop && !tfjsKernels) useLoopKernels();
    return { name, ...probed! };
  }
  if (name === 'webgl') return { name, adapter: webglRenderer(), isFallbackAdapter: null };
  return { name, adapter: 'JavaScript on the CPU', isFallbackAdapter: null };
}

/** Probe results of this worker, by setup: the probe runs once per setup. */
const measured = new Map<string, ProbeResult>();

/** What goes on around a probe (autoBackendFor). */
export interface AroundProbe {
  /** Work that needs no tensor (building the data): run while the probe's kernels compile. */
  meanwhile?: () => Promise<void>;
  /** Where probe results are kept across visits and workers (probeMemory.ts). */
  memory?: ProbeMemory;
  /** Called when the probe has only its timing left (the work meanwhile done). */
  timing?: () => void;
}

/**
 * Under 'auto', the backend for this setup. On a software WebGPU adapter (no GPU to use) the
 * probe (backendProbe.ts) times each backend and the fastest is kept, saying so; a result kept
 * from an earlier visit or by another worker (`memory`) stands for the probe, and one worker
 * probes at a time (compare mode's columns start together). On a real GPU, and where the link
 * forces a backend, the first working backend stays. `meanwhile` runs in the probe, or now
 * where no probe runs. Call with no tensor alive: the probe switches backends.
 */
export async function autoBackendFor(
  first: BackendInfo,
  setup: ProbeSetup,
  {
    meanwhile = async () => undefined,
    memory = indexedDbProbeMemory(),
    timing = () => undefined,
  }: AroundProbe = {},
): Promise<BackendInfo> {
  if (!probesHere(first)) {
    await meanwhile();
    return first;
  }
  const key = JSON.stringify(setup);
  const stored = probeKey(first.adapter, key);
  let built = false; // whether `meanwhile` has run
  const measure = async () => {
    const result = await runProbe(setup, built ? async () => undefined : meanwhile, timing);
    built = true;
    await memory.set(stored, result);
    return result;
  };
  let probe =
    measured.get(key) ??
    (await oneProbeAtATime(async () => (await memory.get(stored)) ?? measure()));
  if (!built) await meanwhile();
  built = true;
  // A kept choice may not start now (Chrome refuses a site WebGL contexts after its GPU process
  // has crashed, for one): then this setup is measured again, among the backends that start.
  if (!(await startable(fastestOf(probe.msPerStep)))) probe = await oneProbeAtATime(measure);
  measured.set(key, probe);
  const name = fastestOf(probe.msPerStep);
  await switchBackend(name);
  const autoChoice = probe;
  if (name === 'webgpu') return { ...first, autoChoice };
  return {
    name,
    adapter: name === 'cpu' ? 'JavaScript on the CPU' : webglRenderer(),
    isFallbackAdapter: null,
    fallbackReason: null,
    forced: false,
    autoChoice,
  };
}

/** Whether tfjs starts (or switches to) this backend; it is the current one if so. */
async function startable(name: BackendName): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Times the backends for this setup (measureBackends), with `meanwhile` run in the probe. */
async function runProbe(
  setup: ProbeSetup,
  meanwhile: () => Promise<void>,
  timing: () => void,
): Promise<ProbeResult> {
  let ready = performance.now();
  const msPerStep = await measureBackends(setup, startable, async () => {
    await meanwhile();
    ready = performance.now();
    timing();
  });
  return {
    msPerStep,
    // What the probe added to the preparation: its time after the work meanwhile was done.
    probeMs: performance.now() - ready,
    timed: setup.wholeStep ? 'step' : 'layer',
    measuredAt: null,
  };
}

/** Switches tfjs to an already started backend. No tensor may be alive across the switch. */
export async function switchBackend(name: BackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not switch to ${name}`);
  await tf.ready();
}

export async function initBackend(choice: BackendChoice): Promise<BackendInfo> {
  const start = choice === 'auto' ? 0 : BACKENDS.indexOf(choice);
  const reasons: string[] = [];
  for (const name of BACKENDS.slice(start)) {
    try {
      const got = await tryBackend(name);
      return {
        ...got,
        fallbackReason: reasons.length ? reasons.join('; ') : null,
        forced: choice !== 'auto',
        autoChoice: null,
      };
    } catch (e) {
      if (!(e instanceof Unavailable)) throw e;
      reasons.push(`${BACKEND_LABEL[name]}: ${e.message}`);
    }
  }
  throw new Error(`No tfjs backend could start. ${reasons.join('; ')}`);
}
