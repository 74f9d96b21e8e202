import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { autoBackendFor } from './backend.ts';
import {
  closeCall,
  fastestOf,
  MARGIN,
  measureBackends,
  probeOrder,
  probesHere,
} from './backendProbe.ts';
import { backendInfo } from '../../testing/backendInfo.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';

beforeAll(useCpuBackend);

const swiftshader = backendInfo('webgpu', 'google / swiftshader (software fallback adapter)', true);
const setup = { batch: 32, inputs: 784, hidden: 128 };

afterEach(() => vi.restoreAllMocks());

describe("'auto' measures the backends on a software WebGPU adapter", () => {
  it('measures only there: not on a real GPU, another backend, or a forced one', async () => {
    expect(probesHere(swiftshader)).toBe(true);
    const gpu = { ...swiftshader, isFallbackAdapter: false, adapter: 'nvidia / hopper' };
    const forced = { ...swiftshader, forced: true };
    const webgl = { ...swiftshader, name: 'webgl' as const, isFallbackAdapter: null };
    for (const info of [gpu, forced, webgl]) {
      expect(probesHere(info)).toBe(false);
      // Returned as it is, with no probe run.
      expect(await autoBackendFor(info, setup)).toBe(info);
    }
  });

  it('keeps the fastest backend, leaving WebGPU only for one MARGIN times faster', () => {
    expect(fastestOf({ webgpu: 30, webgl: 8, cpu: 12 })).toBe('webgl');
    expect(fastestOf({ webgpu: 30, webgl: 25, cpu: 2 })).toBe('cpu');
    // Faster, but within the margin that a loaded machine's timings vary by: WebGPU stays.
    expect(fastestOf({ webgpu: 10, webgl: 10 / MARGIN + 0.5 })).toBe('webgpu');
    expect(fastestOf({ webgpu: 10, webgl: 10 / MARGIN - 0.5 })).toBe('webgl');
    // A backend that did not start is not chosen; no WebGPU time means any other wins.
    expect(fastestOf({ webgpu: 10 })).toBe('webgpu');
    expect(fastestOf({ cpu: 40 })).toBe('cpu');
  });

  it('calls it close where one timing off by 30% would change the verdict', () => {
    // WebGL is 6× faster, the CPU 3.5× slower than it: no timing that far off changes that.
    expect(closeCall({ webgpu: 60, webgl: 10, cpu: 35 })).toEqual([]);
    // Level timings keep WebGPU by the margin, whichever is 30% off.
    expect(closeCall({ webgpu: 28, cpu: 30 })).toEqual([]);
    // WebGL 1.7× faster: left at 1.3× it keeps WebGPU; the CPU is far behind.
    expect(closeCall({ webgpu: 160, webgl: 95, cpu: 270 }).sort()).toEqual(['webgl', 'webgpu']);
    // The CPU just past the margin, WebGL close behind it.
    expect(closeCall({ webgpu: 30, cpu: 18, webgl: 21 }).sort()).toEqual([
      'cpu',
      'webgl',
      'webgpu',
    ]);
    expect(closeCall({ cpu: 40 })).toEqual([]);
  });

  it('times the backends of a close call again, and keeps their best', async () => {
    // A fake clock: a step takes `cost` ms of it on the backend last started, the CPU's first
    // five 22 ms (its kernels' JavaScript before V8 has optimised it), then 15.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let on = '';
    const cost: Record<string, number> = { webgpu: 30, cpu: 15 };
    let cpuSteps = 0;
    const wholeStep = {
      key: 'clock',
      build: () => ({
        step: () => {
          now += on === 'cpu' && ++cpuSteps <= 5 ? 22 : cost[on]!;
          return tf.scalar(0);
        },
        dispose: () => undefined,
      }),
    };
    const started: string[] = [];
    const ms = await measureBackends({ ...setup, wholeStep }, async (name) => {
      started.push(name);
      on = name;
      return name !== 'webgl';
    });
    // The CPU's first step is untimed; its second and the three after it (to fill BUDGET_MS)
    // take 22 ms: WebGPU stays (22 × MARGIN > 30), but a CPU 30% faster would take over.
    // Timed again, the CPU's best is 15 ms, and it is chosen.
    expect(started).toEqual(['webgpu', 'cpu', 'webgpu', 'cpu', 'webgpu', 'cpu']);
    expect(ms).toEqual({ webgpu: 30, cpu: 15 });
    expect(fastestOf(ms)).toBe('cpu');
  });

  it('times a step on each backend that starts, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const started: string[] = [];
    const ms = await measureBackends(setup, async (name) => {
      started.push(name);
      return name === 'cpu'; // the only backend of this test's tfjs
    });
    // Each backend is started (its first step queued), then switched back to for its timing.
    expect(started).toEqual(['webgpu', 'cpu', 'webgl', 'cpu']);
    expect(Object.keys(ms)).toEqual(['cpu']);
    expect(ms.cpu).toBeGreaterThan(0);
    expect(ms.cpu).toBeLessThan(2000);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('starts the work meanwhile first, and times only once it is done', async () => {
    const order: string[] = [];
    let done: () => void = () => undefined;
    const meanwhile = () => {
      order.push('meanwhile');
      return new Promise<void>((resolve) => (done = resolve));
    };
    const measured = measureBackends(
      setup,
      async (name) => (order.push(name), name === 'cpu'),
      meanwhile,
    );
    // Until the work meanwhile is done, the backends start (their first steps queued) and
    // nothing is timed: no backend is switched to a second time.
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['meanwhile', 'webgpu', 'cpu', 'webgl']);
    done();
    await measured;
    expect(order).toEqual(['meanwhile', 'webgpu', 'cpu', 'webgl', 'cpu']);
  });

  it("times the run's own step where asked (2-D points): built per backend, WebGL left out, freed", async () => {
    const before = tf.memory().numTensors;
    const started: string[] = [];
    let built = 0;
    let freed = 0;
    let steps = 0;
    const wholeStep = {
      key: 'moons',
      build: () => {
        built++;
        const w = tf.ones([16]);
        return {
          step: () => (steps++, tf.tidy(() => w.mul(2).sum())),
          dispose: () => {
            freed++;
            w.dispose();
          },
        };
      },
    };
    expect(probeOrder({ ...setup, wholeStep })).toEqual(['webgpu', 'cpu']);
    expect(probeOrder(setup)).toEqual(['webgpu', 'cpu', 'webgl']);
    const ms = await measureBackends({ ...setup, wholeStep }, async (name) => {
      started.push(name);
      return name === 'cpu';
    });
    expect(started).toEqual(['webgpu', 'cpu', 'cpu']);
    expect([built, freed]).toEqual([1, 1]);
    // The untimed first step, then at least two timed runs.
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(Object.keys(ms)).toEqual(['cpu']);
    expect(tf.memory().numTensors).toBe(before);
  });
});
