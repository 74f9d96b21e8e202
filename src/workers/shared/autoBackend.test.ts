import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { autoBackendFor } from './backend.ts';
import { fastestOf, MARGIN, measureBackends, probeOrder, probesHere } from './backendProbe.ts';
import { backendInfo } from '../../testing/backendInfo.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';

beforeAll(useCpuBackend);

const swiftshader = backendInfo('webgpu', 'google / swiftshader (software fallback adapter)', true);
const setup = { batch: 32, inputs: 784, hidden: 128 };

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
