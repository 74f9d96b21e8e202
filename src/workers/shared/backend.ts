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
  if (name === 'webgpu') return { name, ...probed! };
  if (name === 'webgl') return { name, adapter: webglRenderer(), isFallbackAdapter: null };
  return { name, adapter: 'JavaScript on the CPU', isFallbackAdapter: null };
}

/**
 * Under 'auto', the backend for a kind of data. Networks on 2-D points are tiny: a software
 * WebGPU adapter (SwiftShader) spends its time on dispatches, and tfjs's CPU backend trains
 * them many times faster (see the note on [data]: 2.5 vs 38 steps/s for the ring GAN here).
 * On a real GPU, and for images, the first working backend stays.
 */
export function autoBackendFor(first: BackendInfo, kind: 'image' | 'points'): BackendInfo {
  if (first.forced || kind === 'image' || first.name !== 'webgpu' || !first.isFallbackAdapter) {
    return first;
  }
  return {
    name: 'cpu',
    adapter: 'JavaScript on the CPU',
    isFallbackAdapter: null,
    fallbackReason: null,
    forced: false,
    autoChoice: 'points-on-cpu',
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
