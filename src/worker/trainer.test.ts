import { describe, expect, it } from 'vitest';
import { defaultsFor } from '../config/models.ts';
import type { RunConfig } from '../config/schema.ts';
import { loadPackedDigits } from '../testing/digits.ts';
import type { FromWorker } from './protocol.ts';
import { Trainer } from './trainer.ts';

// The loop itself, on tfjs's CPU backend in Node, with the digits read from disk.

async function runUntilStopped(config: RunConfig) {
  const posted: FromWorker[] = [];
  const trainer = new Trainer(
    (m) => posted.push(m),
    async () => loadPackedDigits(),
  );
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

  it('pauses on a diverging loss and says what to try', async () => {
    // Plain SGD at learning rate 1 on summed BCE over 784 pixels blows up within steps.
    const posted = await runUntilStopped({
      ...defaultsFor('vae'),
      backend: 'cpu',
      hidden: 32,
      opt: 'sgd',
      lr: 1,
      every: 1000,
    });
    const error = posted.find((m) => m.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(
      /became (NaN|infinite) at step \d+, so training was paused\. Try a lower learning rate or a smaller β/,
    );
    const last = posted.filter((m) => m.type === 'status').at(-1);
    expect(last).toMatchObject({ running: false });
  });
});
