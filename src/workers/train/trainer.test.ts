import { describe, expect, it } from 'vitest';
import { defaultsFor } from '../../config/models.ts';
import type { RunConfig } from '../../config/schema.ts';
import { classifierHandler, loadPackedDigits } from '../../testing/digits.ts';
import { DigitJudge, LocalJudge } from '../judge/digitJudge.ts';
import type { FromWorker } from './protocol.ts';
import { Trainer } from './trainer.ts';
import { Checkpoints } from './checkpoints.ts';
import { MemoryStore } from '../../testing/memoryStore.ts';
import { toHash } from '../../config/link.ts';

// The loop itself, on tfjs's CPU backend in Node, with the digits read from disk.

const newTrainer = (posted: FromWorker[], checkpoints = new Checkpoints(new MemoryStore())) =>
  new Trainer(
    (m) => posted.push(m),
    async () => loadPackedDigits(),
    checkpoints,
    () => new LocalJudge(DigitJudge.load(classifierHandler())),
  );

async function runUntilStopped(config: RunConfig) {
  const posted: FromWorker[] = [];
  const trainer = newTrainer(posted);
  await trainer.init(config, 'unused');
  trainer.start();
  const stopped = () =>
    posted.some(
      (m, i) =>
        m.type === 'status' &&
        !m.running &&
        i > 0 &&
        posted.slice(0, i).some((p) => p.type === 'metrics'),
    );
  for (let t = 0; t < 600 && !stopped(); t++) await new Promise((r) => setTimeout(r, 50));
  await trainer.pause();
  return posted;
}

describe('Trainer', () => {
  it('stops by itself at the step budget, with every step’s metrics and a final picture', async () => {
    const posted = await runUntilStopped({
      ...defaultsFor('vae'),
      backend: 'cpu',
      hidden: 32,
      steps: 7,
      every: 100,
      quality: 0, // the digit judge has a test of its own below
    });
    const backend = posted.find((m) => m.type === 'backend');
    expect(backend?.type === 'backend' && backend.info.name).toBe('cpu');
    const rows = posted.flatMap((m) =>
      m.type === 'metrics' ? [m.values.length / m.names.length] : [],
    );
    expect(rows.reduce((a, b) => a + b, 0)).toBe(7);
    const last = posted.filter((m) => m.type === 'status').at(-1);
    expect(last).toMatchObject({ running: false, step: 7 });
    const imageSteps = posted.flatMap((m) => (m.type === 'images' ? [m.step] : []));
    expect(imageSteps).toEqual([0, 7]); // before training, and where the run stopped
  });

  it('pauses on a diverging loss and says where', async () => {
    // Plain SGD at learning rate 1 on summed BCE over 784 pixels blows up within steps.
    const posted = await runUntilStopped({
      ...defaultsFor('vae'),
      backend: 'cpu',
      hidden: 32,
      opt: 'sgd',
      lr: 1,
      every: 1000,
      quality: 0,
    });
    const error = posted.find((m) => m.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(
      /became (NaN|infinite) at step \d+, so training was paused\./,
    );
    // The page says what to try, in its language, from where and how it diverged.
    expect(error?.type === 'error' && error.diverged).toMatchObject({ step: expect.any(Number) });
    const last = posted.filter((m) => m.type === 'status').at(-1);
    expect(last).toMatchObject({ running: false });
  });

  it('scores 2-D samples against held-out points with each picture: the VAE gets closer', async () => {
    const posted = await runUntilStopped({
      ...defaultsFor('vae', 'moons'),
      backend: 'cpu',
      steps: 300,
      every: 100,
    });
    const evals = posted.flatMap((m) => (m.type === 'evaluation' ? [m] : []));
    // Pictures come after whole chunks of steps: at 0, about every 100, and where it stopped.
    expect(evals[0]!.step).toBe(0);
    expect(evals.at(-1)!.step).toBe(300);
    expect(evals.length).toBeGreaterThanOrEqual(4);
    expect(evals[0]!.names).toEqual([
      'heldOutReconstruction',
      'heldOutTotal',
      'jsDivergence',
      'klDivergence',
      'slicedWasserstein',
    ]);
    const js = evals.map((e) => e.values[2]!);
    const swd = evals.map((e) => e.values[4]!);
    expect(js.every((v) => v >= 0 && v <= Math.LN2)).toBe(true);
    expect(swd.at(-1)!).toBeLessThan(0.5 * swd[0]!);
    expect(js.at(-1)!).toBeLessThan(js[0]!);
  });

  it('judges 1,000 generated digits at step 0 and every `quality` steps: the VAE’s Fréchet distance falls', async () => {
    const posted = await runUntilStopped({
      ...defaultsFor('vae'),
      backend: 'cpu',
      hidden: 64,
      lr: 2e-3,
      steps: 200,
      every: 1000,
      quality: 50,
    });
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    const measured = posted.flatMap((m) => (m.type === 'quality' ? [m] : []));
    expect(measured.map((m) => m.step)).toEqual([0, 50, 100, 150, 200]);
    for (const { quality } of measured) {
      expect(quality.generated.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(quality.real.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(quality.realClasses).toBeGreaterThan(9.5); // 100 held-out digits of each class
    }
    const fd = measured.map((m) => m.quality.frechet);
    // Measured here: 277, 256, 245, 221, 209 (blurry digits replacing grey blobs).
    for (const later of fd.slice(1)) expect(later).toBeLessThan(fd[0]!);
    expect(fd.at(-1)!).toBeLessThan(0.85 * fd[0]!);
  });

  it('restores a checkpoint: same pictures, same step, and training goes on from there', async () => {
    const posted: FromWorker[] = [];
    const store = new MemoryStore();
    const trainer = newTrainer(posted, new Checkpoints(store));
    const config: RunConfig = {
      ...defaultsFor('vae'),
      backend: 'cpu',
      hidden: 32,
      batch: 8,
      quality: 0,
    };
    await trainer.init(config, 'unused');
    for (let i = 0; i < 3; i++) await trainer.singleStep();
    const picturesAt = (step: number) =>
      posted.filter((m) => m.type === 'images' && m.step === step).at(-1) as
        Extract<FromWorker, { type: 'images' }> | undefined;
    const saved = picturesAt(3)!;
    await trainer.keeper.models({ action: 'save', hash: toHash(config) });
    const answer = posted.filter((m) => m.type === 'models').at(-1)!;
    expect(answer).toMatchObject({ note: { kind: 'saved', step: 3 } });
    const id = answer.type === 'models' ? answer.list[0]!.id : '';
    for (let i = 0; i < 2; i++) await trainer.singleStep();
    expect(Array.from(picturesAt(5)!.samples.data)).not.toEqual(Array.from(saved.samples.data));

    posted.length = 0;
    await trainer.keeper.models({ action: 'restore', id });
    expect(posted.find((m) => m.type === 'restored')).toMatchObject({
      step: 3,
      hash: toHash(config),
    });
    expect(Array.from(picturesAt(3)!.samples.data)).toEqual(Array.from(saved.samples.data));
    await trainer.singleStep();
    expect(posted.filter((m) => m.type === 'status').at(-1)).toMatchObject({ step: 4 });

    // Files that are no model: a message, and the run is untouched.
    posted.length = 0;
    await trainer.keeper.importFiles([{ name: 'x.json', bytes: new TextEncoder().encode('[]') }]);
    expect(posted.find((m) => m.type === 'models')).toMatchObject({
      note: { kind: 'refused', reason: expect.stringMatching(/x.json is not a tfjs layers model/) },
    });
    expect(posted.some((m) => m.type === 'reset' || m.type === 'restored')).toBe(false);
    await trainer.singleStep();
    expect(posted.filter((m) => m.type === 'status').at(-1)).toMatchObject({ step: 5 });

    // A full disk: the save fails with a message, the model in memory is unchanged.
    store.failAfter = store.saves;
    posted.length = 0;
    await trainer.keeper.models({ action: 'save', hash: '' });
    expect(posted.find((m) => m.type === 'models')).toMatchObject({
      note: { kind: 'failed', action: 'save', reason: expect.stringMatching(/disk is full/) },
    });
  });
});
