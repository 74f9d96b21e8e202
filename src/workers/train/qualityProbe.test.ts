import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import type { Judge } from '../judge/protocol.ts';
import type { FromWorker } from './protocol.ts';
import type { DigitQuality } from '../messages.ts';
import { QualityProbe } from './qualityProbe.ts';
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
 * the test moves by hand.
 */
function setup(msPerSlice: number) {
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
    qualitySamples: (_: number, n: number) => {
      clock.ms += msPerSlice; // generating holds training up, as on the device
      return tf.zeros([n, 784]) as tf.Tensor2D;
    },
  } as unknown as TrainingSession;
  return { posted, probe, session, clock };
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

  it('a reset between slices abandons the measurement: nothing is posted', async () => {
    const { posted, probe, session } = setup(0);
    let slices = 0;
    await probe.measure(session, () => ++slices < 3);
    await probe.idle();
    expect(posted).toEqual([]);
  });
});
