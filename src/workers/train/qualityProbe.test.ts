import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { QUALITY_SAMPLES, QUALITY_SLICE, type Judge } from '../judge/protocol.ts';
import type { FromWorker } from './protocol.ts';
import type { DigitQuality } from '../messages.ts';
import { QualityProbe, sliceOf } from './qualityProbe.ts';
import type { TrainingSession } from './session.ts';

const quality: DigitQuality = {
  frechet: 12,
  generated: [],
  real: [],
  generatedClasses: 10,
  realClasses: 10,
  generatedConfidence: 0.98,
  realConfidence: 0.98,
  spread: 'covered',
  agreement: 0.1,
};

/**
 * A judge that answers at once, and a session whose generator takes `msPerSlice` of a clock
 * the test moves by hand for a slice of QUALITY_SLICE digits (in proportion for others).
 */
function setup(msPerSlice: number) {
  const slices: [number, number][] = [];
  const clock = { ms: 0 };
  const posted: FromWorker[] = [];
  const judge: Judge = {
    setReal: async () => undefined,
    compare: async () => quality,
    dispose: () => undefined,
  };
  const probe = new QualityProbe(
    () => judge,
    (m) => posted.push(m),
    () => clock.ms,
  );
  const session = {
    step: 0,
    data: {
      shape: { kind: 'image', height: 28, width: 28, channels: 1 },
      heldOut: new Float32Array(1000 * 784),
      heldOutCount: 1000,
    },
    qualitySamples: (first: number, n: number) => {
      slices.push([first, n]);
      clock.ms += (msPerSlice * n) / QUALITY_SLICE; // generating holds training up
      return tf.zeros([n, 784]) as tf.Tensor2D;
    },
  } as unknown as TrainingSession;
  return { posted, probe, session, clock, slices };
}

describe('when digit quality is measured', () => {
  beforeAll(useCpuBackend);
  const config = { ...defaultsFor('gan'), quality: 10 };

  it('at step 0, then every `quality` steps, each result posted with its step', async () => {
    const { posted, probe, session, clock } = setup(1);
    expect(probe.isDue(config, session)).toBe(true);
    await probe.measure(session, () => true);
    await probe.idle();
    session.step = 9;
    expect(probe.isDue(config, session)).toBe(false);
    session.step = 10;
    clock.ms += 30; // 3× the first measurement's stall of 10 ms
    expect(probe.isDue(config, session)).toBe(true);
    await probe.measure(session, () => true);
    await probe.idle();
    expect(posted.map((m) => m.type === 'quality' && m.step)).toEqual([0, 10]);
    expect(probe.isDue({ ...config, quality: 0 }, session)).toBe(false);
    expect(
      probe.isDue({ ...config, data: 'ring' }, { ...session, step: 100 } as TrainingSession),
    ).toBe(false);
  });

  it('a slow generator is measured less often: training runs 3× as long as each stall', async () => {
    const { probe, session, clock } = setup(20); // 10 slices: a stall of 200 ms
    await probe.measure(session, () => true);
    session.step = 10;
    clock.ms += 599;
    expect(probe.isDue(config, session)).toBe(false); // the steps are there, the time is not
    clock.ms += 1;
    expect(probe.isDue(config, session)).toBe(true);
  });

  it('on the CPU a slow generator goes in small slices that tile each block of noise', async () => {
    // 4 s for 100 digits (the article's DCGAN on the CPU): slices of about 100 ms, 2–2.5 digits.
    const { probe, session, slices } = setup(4000);
    await probe.measure(session, () => true);
    let next = 0;
    for (const [first, n] of slices) {
      expect(first).toBe(next);
      expect(Math.floor(first / QUALITY_SLICE)).toBe(Math.floor((first + n - 1) / QUALITY_SLICE));
      next += n;
    }
    expect(next).toBe(QUALITY_SAMPLES);
    expect(slices[0]![1]).toBe(10); // the first, before anything is timed
    expect(Math.max(...slices.slice(1).map(([, n]) => n))).toBeLessThanOrEqual(2);
    // A fast one grows to whole blocks within its first, each slice tiling what is left of it.
    const fast = setup(10);
    await fast.probe.measure(fast.session, () => true);
    expect(fast.slices.map(([, n]) => n)).toEqual([10, 10, 20, 20, 20, 20, ...Array(9).fill(100)]);
  });

  it('a slice is the largest size that fits the time and tiles what is left of its block', () => {
    expect(sliceOf(1000, 100)).toBe(100);
    expect(sliceOf(1000, 90)).toBe(10);
    expect(sliceOf(60, 100)).toBe(50);
    expect(sliceOf(3, 100)).toBe(2);
    expect(sliceOf(3, 45)).toBe(1);
    expect(sliceOf(0, 100)).toBe(1);
  });

  it('a reset between slices abandons the measurement: nothing is posted', async () => {
    const { posted, probe, session } = setup(0);
    let slices = 0;
    await probe.measure(session, () => ++slices < 3);
    await probe.idle();
    expect(posted).toEqual([]);
  });
});
