import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { defaultsFor } from '../config/models.ts';
import { deviceFor } from '../testing/data.ts';
import { useCpuBackend } from '../testing/tfCpu.ts';
import { LatentQueries } from './latentQueries.ts';
import type { FromWorker } from './protocol.ts';
import type { DeviceData } from './deviceData.ts';
import { TrainingSession } from './session.ts';

let data: DeviceData;
beforeAll(async () => {
  await useCpuBackend();
  data = deviceFor();
});

function setup() {
  const session = new TrainingSession({ ...defaultsFor('vae'), hidden: 32, latent: 3 }, data);
  const posted: Extract<FromWorker, { type: 'latent' }>[] = [];
  const queries = new LatentQueries(
    () => session,
    (m) => {
      if (m.type === 'latent') posted.push(m);
    },
  );
  return { session, posted, queries };
}

describe('latent queries', () => {
  it('decode, grid and interpolation give tile sheets of the right size', async () => {
    const { session, posted, queries } = setup();
    queries.request(1, { kind: 'decode', z: [0, 0, 0] });
    await queries.idle();
    queries.request(2, { kind: 'grid', base: [0, 0, 0], dims: [0, 2], range: 2, side: 5 });
    await queries.idle();
    queries.request(3, {
      kind: 'interpolate',
      from: [1, 0, 0],
      to: [0, 1, 0],
      steps: 7,
      mode: 'spherical',
    });
    await queries.idle();
    expect(posted.map((p) => [p.id, p.image?.width, p.image?.height, p.error])).toEqual([
      [1, 30, 30, null],
      [2, 5 * 29 + 1, 5 * 29 + 1, null],
      [3, 7 * 29 + 1, 30, null],
    ]);
    session.dispose();
  });

  it('a newer query replaces one still waiting: the newest is always answered', async () => {
    const { session, posted, queries } = setup();
    for (let id = 1; id <= 10; id++) queries.request(id, { kind: 'decode', z: [id / 10, 0, 0] });
    await queries.idle();
    expect(posted.map((p) => p.id)).toEqual([1, 10]);
    session.dispose();
  });

  it('a bad code gets an error answer, not an exception', async () => {
    const { session, posted, queries } = setup();
    queries.request(1, { kind: 'decode', z: [0, 0] });
    queries.request(2, { kind: 'grid', base: [0, 0, 0], dims: [1, 1], range: 2, side: 3 });
    await queries.idle();
    expect(posted[0]!.error).toMatch(/needs 3 finite numbers, got 2/);
    expect(posted[1]!.error).toMatch(/bad grid dimensions/);
    session.dispose();
  });

  it('keeps the tensor count flat', async () => {
    const { session, queries } = setup();
    queries.request(1, { kind: 'grid', base: [0, 0, 0], dims: [0, 1], range: 3, side: 4 });
    await queries.idle();
    const before = tf.memory().numTensors;
    for (let id = 2; id < 12; id++) {
      queries.request(id, {
        kind: 'interpolate',
        from: [id, 0, 0],
        to: [0, 0, 1],
        steps: 5,
        mode: 'linear',
      });
      await queries.idle();
    }
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
  });
});
