import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { autoBackendFor } from './backend.ts';
import {
  indexedDbProbeMemory,
  keptResult,
  MAX_AGE_DAYS,
  probeKey,
  type ProbeMemory,
  type ProbeResult,
} from './probeMemory.ts';
import { backendInfo } from '../../testing/backendInfo.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { en } from '../../i18n/en.tsx';

beforeAll(useCpuBackend);
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const swiftshader = backendInfo('webgpu', 'google / swiftshader (software fallback adapter)', true);
const DAY = 24 * 60 * 60 * 1000;

/** A Map in place of IndexedDB, keeping what `set` was given. */
function mapMemory(kept: Map<string, ProbeResult> = new Map()): ProbeMemory & {
  kept: Map<string, ProbeResult>;
} {
  return {
    kept,
    get: async (key) => kept.get(key) ?? null,
    set: async (key, result) => void kept.set(key, result),
  };
}

describe("'auto''s probe results kept across visits", () => {
  const result: ProbeResult = {
    msPerStep: { webgpu: 90, cpu: 40 },
    probeMs: 300,
    timed: 'layer',
    measuredAt: null,
  };

  it(`keeps a result for ${MAX_AGE_DAYS} days, reported as measured then and adding nothing`, () => {
    const at = Date.UTC(2026, 11, 1);
    const kept = { key: 'k', result, at };
    expect(keptResult(kept, at + DAY)).toEqual({ ...result, probeMs: 0, measuredAt: at });
    expect(keptResult(kept, at + MAX_AGE_DAYS * DAY)).toBeNull();
    expect(keptResult(undefined, at)).toBeNull();
    // The banner says how long, in both languages' catalogs from the same figure.
    expect(en.banners.auto('CPU', [], 'layer', 'today')).toContain(`${MAX_AGE_DAYS} days`);
  });

  it('keys a result by the browser, the adapter and the setup', () => {
    vi.stubGlobal('navigator', { userAgent: 'Chrome/156.0.0.0' });
    const a = probeKey('google / swiftshader', '{"batch":32}');
    expect(a).toContain('Chrome/156.0.0.0');
    vi.stubGlobal('navigator', { userAgent: 'Chrome/157.0.0.0' });
    expect(probeKey('google / swiftshader', '{"batch":32}')).not.toBe(a);
    vi.stubGlobal('navigator', { userAgent: 'Chrome/156.0.0.0' });
    expect(probeKey('google / swiftshader', '{"batch":64}')).not.toBe(a);
    expect(probeKey('another adapter', '{"batch":32}')).not.toBe(a);
  });

  it('without IndexedDB (here, or storage refused) nothing is kept, and nothing fails', async () => {
    const memory = indexedDbProbeMemory();
    await expect(memory.set('k', result)).resolves.toBeUndefined();
    await expect(memory.get('k')).resolves.toBeNull();
  });

  it("workers probe one at a time (the browser's lock), and a later one takes the kept result", async () => {
    // Web Locks as a chain: each holder runs once the one before has finished.
    let chain: Promise<unknown> = Promise.resolve();
    const requests: string[] = [];
    const request = (name: string, work: () => Promise<unknown>) => {
      requests.push(name);
      const run = chain.then(work);
      chain = run.catch(() => undefined);
      return run;
    };
    vi.stubGlobal('navigator', { userAgent: 'Chrome/156.0.0.0', locks: { request } });
    const memory = mapMemory();
    const set = vi.spyOn(memory, 'set');
    const setup = { batch: 4, inputs: 16, hidden: 8 };
    // Two columns of compare mode, started together on the same setup.
    const [a, b] = await Promise.all([
      autoBackendFor(swiftshader, setup, { memory }),
      autoBackendFor(swiftshader, setup, { memory }),
    ]);
    expect(requests).toEqual(['playground-probe', 'playground-probe']);
    expect(set).toHaveBeenCalledTimes(1); // one probe ran
    expect(b.autoChoice).toEqual(a.autoChoice);
  });

  it('a kept result stands for the probe; a result measured now is kept', async () => {
    const setup = { batch: 8, inputs: 64, hidden: 16 };
    const key = probeKey(swiftshader.adapter, JSON.stringify(setup));
    // Kept from an earlier visit: the CPU, 1.5× faster than WebGPU (no probe here could
    // measure these round numbers).
    const earlier = { ...result, probeMs: 0, measuredAt: Date.UTC(2026, 11, 1) };
    const memory = mapMemory(new Map([[key, earlier]]));
    const setBackend = vi.spyOn(tf, 'setBackend');
    const said: string[] = [];
    const around = {
      meanwhile: async () => void said.push('built'),
      timing: () => void said.push('timing'),
      memory,
    };
    const info = await autoBackendFor(swiftshader, setup, around);
    expect(info.name).toBe('cpu');
    expect(info.autoChoice).toEqual(earlier);
    expect(said).toEqual(['built']); // the data is built all the same; nothing is timed
    expect(setBackend.mock.calls.map(([name]) => name)).toEqual([]); // no probe ran

    // Another setup, nothing kept: its data built, then the backends timed, then kept.
    said.length = 0;
    const other = { ...setup, hidden: 17 };
    const measured = await autoBackendFor(swiftshader, other, around);
    expect(said).toEqual(['built', 'timing']);
    expect(measured.autoChoice!.measuredAt).toBeNull();
    expect(memory.kept.get(probeKey(swiftshader.adapter, JSON.stringify(other)))).toEqual(
      measured.autoChoice,
    );
  });

  it('a kept choice that cannot start now is measured again among the backends that start', async () => {
    const setup = { batch: 8, inputs: 64, hidden: 18 };
    const key = probeKey(swiftshader.adapter, JSON.stringify(setup));
    // WebGL, kept from an earlier visit: it does not start here (no WebGL in Node).
    const earlier: ProbeResult = {
      msPerStep: { webgpu: 90, cpu: 40, webgl: 10 },
      probeMs: 0,
      timed: 'layer',
      measuredAt: Date.UTC(2026, 11, 1),
    };
    const memory = mapMemory(new Map([[key, earlier]]));
    const said: string[] = [];
    const info = await autoBackendFor(swiftshader, setup, {
      meanwhile: async () => void said.push('built'),
      timing: () => void said.push('timing'),
      memory,
    });
    expect(said).toEqual(['built', 'timing']); // the data built once, then the backends timed
    expect(Object.keys(info.autoChoice!.msPerStep)).toEqual(['cpu']);
    expect(info.autoChoice!.measuredAt).toBeNull();
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(memory.kept.get(key)).toEqual(info.autoChoice);
  });
});
