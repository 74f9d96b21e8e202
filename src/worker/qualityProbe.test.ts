import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { defaultsFor } from '../config/models.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import type { Judge } from './digitJudge.ts';
import type { FromWorker, DigitQuality } from './protocol.ts';
import { QualityProbe } from './qualityProbe.ts';
import type { TrainingSession } from './session.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quality: DigitQuality = {
  frechet: 12,
  generated: [],
  real: [],
  generatedClasses: 10,
  realClasses: 10,
  collapsed: false,
};

/** A judge that answers at once, and a session whose generator is slow (`msPerSlice`). */
function setup(msPerSlice: number) {
  const posted: FromWorker[] = [];
  const judge: Judge = {
    setReal: async () => undefined,
    compare: async () => quality,
    dispose: () => undefined,
  };
  const probe = new QualityProbe(
    () => judge,
    (m) => posted.push(m),
  );
  let slowUntil = 0;
  const session = {
    step: 0,
    data: {
      shape: { kind: 'image', height: 28, width: 28, channels: 1 },
      heldOut: new Float32Array(1000 * 784),
      heldOutCount: 1000,
    },
    qualitySamples: (_: number, n: number) => {
      slowUntil = Date.now() + msPerSlice;
      while (Date.now() < slowUntil); // generating holds the thread, as on the device
      return tf.zeros([n, 784]) as tf.Tensor2D;
    },
  } as unknown as TrainingSession;
  return { posted, probe, session };
}

describe('when digit quality is measured', () => {
  beforeAll(useCpuBackend);
  const config = { ...defaultsFor('gan'), quality: 10 };

  it('at step 0, then every `quality` steps, each result posted with its step', async () => {
    const { posted, probe, session } = setup(0);
    expect(probe.isDue(config, session)).toBe(true);
    await probe.measure(session, () => true);
    await probe.idle();
    session.step = 9;
    expect(probe.isDue(config, session)).toBe(false);
    session.step = 10;
    await sleep(300); // past 3× the (short) stall of the first measurement
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
    const { probe, session } = setup(20); // 10 slices: a stall of ~200 ms
    await probe.measure(session, () => true);
    session.step = 10;
    expect(probe.isDue(config, session)).toBe(false); // the steps are there, the time is not
    await sleep(1000);
    expect(probe.isDue(config, session)).toBe(true);
  });

  it('a reset between slices abandons the measurement: nothing is posted', async () => {
    const { posted, probe, session } = setup(0);
    let slices = 0;
    await probe.measure(session, () => ++slices < 3);
    await probe.idle();
    expect(posted).toEqual([]);
  });
});
