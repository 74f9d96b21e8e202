import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../tf/tfjs.ts';
import { defaultsFor } from '../../config/models.ts';
import { deviceFor } from '../../testing/data.ts';
import { useCpuBackend } from '../../testing/tfCpu.ts';
import { LatentQueries } from './latentQueries.ts';
import { Cancelled } from '../../bridge/protocol.ts';
import type { DeviceData } from '../train/deviceData.ts';
import { TrainingSession } from '../train/session.ts';

let data: DeviceData;
beforeAll(async () => {
  await useCpuBackend();
  data = deviceFor();
});

function setup() {
  const session = new TrainingSession({ ...defaultsFor('vae'), hidden: 32, latent: 3 }, data);
  const queries = new LatentQueries(() => session);
  return { session, queries };
}

describe('latent queries', () => {
  it('decode, grid and interpolation give tile sheets of the right size', async () => {
    const { session, queries } = setup();
    const answers = [
      await queries.request({ kind: 'decode', z: [0, 0, 0] }),
      await queries.request({ kind: 'grid', base: [0, 0, 0], dims: [0, 2], range: 2, side: 5 }),
      await queries.request({
        kind: 'interpolate',
        from: [1, 0, 0],
        to: [0, 1, 0],
        steps: 7,
        mode: 'spherical',
      }),
    ];
    expect(answers.map((a) => [a.kind, a.image?.width, a.image?.height, a.error])).toEqual([
      ['decode', 30, 30, null],
      ['grid', 5 * 29 + 1, 5 * 29 + 1, null],
      ['interpolate', 7 * 29 + 1, 30, null],
    ]);
    session.dispose();
  });

  it('a newer query replaces one still waiting: the newest is always answered', async () => {
    const { session, queries } = setup();
    const asked = Array.from({ length: 10 }, (_, k) =>
      queries.request({ kind: 'decode', z: [k / 10, 0, 0] }).then(
        (a) => (a.image ? 'answered' : 'failed'),
        (e: unknown) => (e instanceof Cancelled ? 'replaced' : 'threw'),
      ),
    );
    // The first starts at once; the other nine wait, each replacing the one before.
    expect(await Promise.all(asked)).toEqual([
      'answered',
      ...new Array<string>(8).fill('replaced'),
      'answered',
    ]);
    session.dispose();
  });

  it('a bad code gets an error answer, not an exception', async () => {
    const { session, queries } = setup();
    const [decode, grid] = await Promise.all([
      queries.request({ kind: 'decode', z: [0, 0] }),
      queries.request({ kind: 'grid', base: [0, 0, 0], dims: [1, 1], range: 2, side: 3 }),
    ]);
    expect(decode.error).toMatch(/needs 3 finite numbers, got 2/);
    expect(grid.error).toMatch(/bad grid dimensions/);
    session.dispose();
  });

  it('keeps the tensor count flat', async () => {
    const { session, queries } = setup();
    await queries.request({ kind: 'grid', base: [0, 0, 0], dims: [0, 1], range: 3, side: 4 });
    const before = tf.memory().numTensors;
    for (let id = 2; id < 12; id++) {
      await queries.request({
        kind: 'interpolate',
        from: [id, 0, 0],
        to: [0, 0, 1],
        steps: 5,
        mode: 'linear',
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
  });
});
